import type { Schemas } from '../../api/client';
import { Tag, WarningText } from '../../components/govuk';

const minutesText = (n: number) => `${n} ${n === 1 ? 'minute' : 'minutes'}`;

/** A held one-to-one shorter than the policy's minimum length (the API flags it with that minimum). */
export function ShortSessionWarning({ session }: { session: Schemas['Session'] }) {
  if (session.minimumMinutesNotMet == null || session.actualMinutes == null) return null;
  return (
    <WarningText testId="short-session">
      This session lasted {minutesText(session.actualMinutes)}. The supervision policy asks for at least{' '}
      {minutesText(session.minimumMinutesNotMet)}.
    </WarningText>
  );
}

/** A flag for the supervisor's dashboard card: short sessions in the last 12 months, only when there are some. */
export function ShortSessionsFlag({ row }: { row: Schemas['SuperviseeDashboardRow'] }) {
  const count = row.shortSessions ?? 0;
  if (count === 0) return null;
  return (
    <li data-testid="short-sessions">
      <Tag colour="orange">
        {count} {count === 1 ? 'session' : 'sessions'} in the last 12 months shorter than
        {row.minimumSessionMinutes ? ` the policy’s ${minutesText(row.minimumSessionMinutes)}` : ' the policy asks'}
      </Tag>
    </li>
  );
}
