import { api } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Button } from '../../components/govuk';
import { Link } from '../../router';

/** Enough to count what waits on the home page; beyond it the count says "200 or more". */
const COUNT_LIMIT = 200;

/**
 * For supervisors and managers on their home: "Record a decision" in one tap, and how many signed decisions
 * the case-management system has not yet filed (only when there are some).
 */
export function HomeDecisions() {
  const waiting = useQuery(
    (signal) => settle(api.GET('/api/v1/case-decisions', { params: { query: { acknowledged: false, limit: COUNT_LIMIT } }, signal })),
    [],
  );
  const n = waiting.state === 'ok' ? waiting.data.items.length : 0;
  const more = waiting.state === 'ok' && !!waiting.data.nextCursor;
  return (
    <div className="govuk-button-group" data-testid="home-decisions">
      <Button href="/decisions/new">Record a decision</Button>
      {n > 0 && (
        <Link className="govuk-link app-touch-link" href="/decisions" data-testid="decisions-waiting-link">
          Decisions waiting to be filed: {more ? `${n} or more` : n}
        </Link>
      )}
    </div>
  );
}
