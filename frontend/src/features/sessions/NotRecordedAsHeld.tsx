import type { Schemas } from '../../api/client';
import { WarningText } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { localTimeText, sessionHref } from './sessions';

/**
 * On a supervisor's card: planned sessions whose day passed without being recorded as held, postponed or
 * cancelled, which would otherwise drop silently out of "next planned".
 */
export function NotRecordedAsHeldFlag({ row }: { row: { notRecordedAsHeld?: Schemas['SessionRef'][]; supervisee: { displayName: string } } }) {
  const sessions = row.notRecordedAsHeld ?? [];
  if (sessions.length === 0) return null;
  return (
    <div data-testid="not-recorded-as-held">
      <WarningText>
        {sessions.length === 1 ? 'A session is' : `${sessions.length} sessions are`} not recorded as held
      </WarningText>
      <ul className="govuk-list">
        {sessions.map((s) => (
          <li key={s.id}>
            <Link className="govuk-link app-touch-link" href={sessionHref(s.id)}>
              {formatDate(s.date)} at {localTimeText(s.startTime)}
              <span className="govuk-visually-hidden"> with {row.supervisee.displayName}: record it as held, postponed or cancelled</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
