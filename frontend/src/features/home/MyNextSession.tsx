import type { QueryState } from '../../api/useQuery';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { SessionStatusTag } from '../sessions/StatusTags';
import { localTimeText, sessionHref, type Session } from '../sessions/sessions';
import { SkeletonLines } from './Skeleton';

/** The practitioner's next session first on their home: day, time, place and with whom (UX.md journey 1). */
export function MyNextSession({ sessions }: { sessions: QueryState<Session[]> }) {
  const next = sessions.state === 'ok' ? sessions.data[0] : undefined;
  return (
    <section aria-labelledby="next-session-heading" data-testid="my-next-session" className="app-next-session">
      <h2 className="govuk-heading-m" id="next-session-heading">
        Your next session
      </h2>
      {sessions.state === 'loading' && <SkeletonLines />}
      {sessions.state === 'error' && <p className="govuk-body">Your next session cannot be shown at the moment.</p>}
      {sessions.state === 'ok' &&
        (next ? (
          <>
            <p className="govuk-body-l govuk-!-margin-bottom-1">
              <Link className="govuk-link app-touch-link" href={sessionHref(next.id)}>
                {formatDate(next.date)} at {localTimeText(next.startTime)}
              </Link>{' '}
              <SessionStatusTag status={next.status} />
            </p>
            <p className="govuk-body">
              With {next.supervisor.displayName}, {next.location}
            </p>
            {/* Items for this session's agenda go here (one component). */}
          </>
        ) : (
          <p className="govuk-body">No session is planned for you yet. Ask your supervisor to book one.</p>
        ))}
    </section>
  );
}
