import { api } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { formatDate } from '../../format';
import { Link } from '../../router';

const caseDiscussionHref = (id: string) => `/case-discussions/${encodeURIComponent(id)}`;

/**
 * "Case discussions to sign: n" with a link to each draft the signed-in person has not signed (or whose
 * content changed since they did). Nothing when there are none, or when they cannot be listed.
 */
export function CaseDiscussionsToSign({ staffId }: { staffId: string }) {
  const drafts = useQuery(
    (signal) => settle(api.GET('/api/v1/case-discussions', { params: { query: { status: 'DRAFT', limit: 50 } }, signal })),
    [],
  );
  if (drafts.state !== 'ok') return null;
  const toSign = drafts.data.items.filter((d) => !d.signedByMe);
  if (toSign.length === 0) return null;
  return (
    <section aria-labelledby="discussions-to-sign-heading" data-testid="case-discussions-to-sign">
      <h2 className="govuk-heading-m" id="discussions-to-sign-heading">
        Case discussions to sign: {toSign.length}
        {drafts.data.nextCursor ? ' or more' : ''}
      </h2>
      <ul className="govuk-list">
        {toSign.map((d) => {
          const other = d.supervisee.id === staffId ? d.supervisor : d.supervisee;
          return (
            <li key={d.id}>
              <Link className="govuk-link app-touch-link" href={caseDiscussionHref(d.id)}>
                {d.child.name} (case number {d.child.caseNumber})
              </Link>
              <span className="govuk-body-s app-block app-secondary">
                With {other.displayName}, discussed {formatDate(d.discussedOn)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
