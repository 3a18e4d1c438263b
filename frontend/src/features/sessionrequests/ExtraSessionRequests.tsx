import { useEffect, useState } from 'react';
import { Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useMe } from '../auth/AuthContext';
import { localTimeText, sessionHref } from '../sessions/sessions';
import { NEW_REQUEST_HREF, REQUEST_STATUS_TEXT, loadRequests, requestHref, type SessionRequest } from './sessionRequests';

/**
 * The home page's part for extra sessions: a supervisee asks and sees the answer; a supervisor sees the
 * requests waiting for them. A separate component so the home page needs one line for it.
 */
export function ExtraSessionRequests() {
  const me = useMe();
  const [items, setItems] = useState<SessionRequest[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    loadRequests(controller.signal)
      .then((r) => {
        if (!controller.signal.aborted && r.ok) setItems(r.data.items);
      })
      .catch(() => {});
    return () => controller.abort();
  }, []);
  const myId = me?.staff?.id;
  if (!me || !myId) return null;
  const canAsk = me.supervisors.length > 0;
  const mine = (items ?? []).filter((r) => r.supervisee.id === myId).slice(0, 3);
  const waiting = (items ?? []).filter((r) => r.status === 'REQUESTED' && r.supervisee.id !== myId);
  if (!canAsk && waiting.length === 0) return null;
  return (
    <section aria-labelledby="extra-sessions-heading" data-testid="extra-sessions">
      <h2 className="govuk-heading-m" id="extra-sessions-heading">
        Extra sessions
      </h2>
      {waiting.length > 0 && (
        <ul className="govuk-list" data-testid="requests-waiting">
          {waiting.map((r) => (
            <li key={r.id}>
              <Link className="govuk-link app-touch-link" href={requestHref(r.id)}>
                {r.supervisee.displayName} asks for an extra session
              </Link>
              <span className="govuk-hint govuk-!-margin-bottom-0 app-block">Asked on {formatDate(r.createdAt.slice(0, 10))}</span>
            </li>
          ))}
        </ul>
      )}
      {mine.length > 0 && (
        <ul className="govuk-list" data-testid="my-requests">
          {mine.map((r) => (
            <li key={r.id}>
              <Tag colour={REQUEST_STATUS_TEXT[r.status].colour}>{REQUEST_STATUS_TEXT[r.status].text}</Tag>{' '}
              Your request of {formatDate(r.createdAt.slice(0, 10), { weekday: false })}
              {r.status === 'BOOKED' && r.session && (
                <>
                  {': '}
                  <Link className="govuk-link" href={sessionHref(r.session.id)}>
                    {formatDate(r.session.date)} at {localTimeText(r.session.startTime)}
                  </Link>
                </>
              )}
              {r.status === 'DECLINED' && r.declineReason && <>: {r.declineReason}</>}
            </li>
          ))}
        </ul>
      )}
      {canAsk && (
        <p className="govuk-body">
          <Link className="govuk-link app-touch-link" href={NEW_REQUEST_HREF}>
            Ask for an extra session
          </Link>
        </p>
      )}
    </section>
  );
}
