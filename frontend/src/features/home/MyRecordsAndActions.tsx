import { api, type Schemas } from '../../api/client';
import { settle, useQuery, type QueryState } from '../../api/useQuery';
import { Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { recordHref } from '../records/records';
import { SkeletonLines } from './Skeleton';

type Session = Schemas['Session'];

/** Sessions held or recorded that I am in (as supervisee or supervisor), oldest first. */
async function loadRecordsToSign(staffId: string, signal: AbortSignal): Promise<QueryState<Session[]>> {
  const queries = (['HELD', 'RECORDED'] as const).flatMap((status) => [
    { superviseeId: staffId, status, limit: 50 },
    { supervisorId: staffId, status, limit: 50 },
  ]);
  const results = await Promise.all(queries.map((query) => settle(api.GET('/api/v1/sessions', { params: { query }, signal }))));
  const failed = results.find((r) => r.state === 'error');
  if (failed && failed.state === 'error') return failed;
  const byId = new Map<string, Session>();
  for (const r of results) if (r.state === 'ok') for (const s of r.data.items) if (s.status === 'HELD' || s.status === 'RECORDED') byId.set(s.id, s);
  return { state: 'ok', data: [...byId.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

export function RecordsToSign({ staffId }: { staffId: string }) {
  const records = useQuery((signal) => loadRecordsToSign(staffId, signal), [staffId]);
  return (
    <section aria-labelledby="records-to-sign-heading" data-testid="records-to-sign">
      <h2 className="govuk-heading-m" id="records-to-sign-heading">
        Records to sign
      </h2>
      {records.state === 'loading' && <SkeletonLines lines={1} />}
      {records.state === 'error' && <p className="govuk-body">Records to sign cannot be shown at the moment.</p>}
      {records.state === 'ok' &&
        (records.data.length === 0 ? (
          <p className="govuk-body">You have no records to sign.</p>
        ) : (
          <ul className="govuk-list">
            {records.data.map((s) => {
              const others = s.supervisor.id === staffId ? s.supervisees.map((p) => p.displayName).join(', ') : s.supervisor.displayName;
              return (
                <li key={s.id}>
                  {s.status === 'HELD' ? <Tag colour="turquoise">Record to write</Tag> : <Tag colour="blue">Awaiting signature</Tag>}{' '}
                  <Link className="govuk-link app-touch-link" href={recordHref(s.id)}>
                    Record of supervision with {others}, {formatDate(s.date)}
                  </Link>
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}

export function MyOpenActions({ staffId }: { staffId: string }) {
  const actions = useQuery(
    (signal) => settle(api.GET('/api/v1/actions', { params: { query: { ownerId: staffId, status: 'OPEN', limit: 50 } }, signal })),
    [staffId],
  );
  return (
    <section aria-labelledby="my-actions-heading" data-testid="my-open-actions">
      <h2 className="govuk-heading-m" id="my-actions-heading">
        My open actions
      </h2>
      {actions.state === 'loading' && <SkeletonLines lines={1} />}
      {actions.state === 'error' && <p className="govuk-body">Your actions cannot be shown at the moment.</p>}
      {actions.state === 'ok' &&
        (actions.data.items.length === 0 ? (
          <p className="govuk-body">You have no open actions.</p>
        ) : (
          <ul className="govuk-list">
            {actions.data.items.map((a) => (
              <li key={a.id}>
                {a.overdue && (
                  <>
                    <Tag colour="red">Overdue</Tag>{' '}
                  </>
                )}
                {a.text} <span className="govuk-hint app-block govuk-!-margin-bottom-0">Due {formatDate(a.dueDate)}</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
