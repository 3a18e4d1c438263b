import { Tag } from '../../components/govuk';
import {
  AGREEMENT_COMPLIANCE_TEXT,
  SCHEDULE_STATUS_TEXT,
  SESSION_STATUS_TEXT,
  isNotRecordedAsHeld,
  type AgreementCompliance,
  type ScheduleStatus,
  type SessionStatus,
} from './sessions';

export function ScheduleStatusTag({ status }: { status: ScheduleStatus }) {
  const { text, colour } = SCHEDULE_STATUS_TEXT[status] ?? { text: status, colour: 'grey' as const };
  return <Tag colour={colour}>{text}</Tag>;
}

/** With the session's date, a planned session whose day has passed says so instead of "Planned". */
export function SessionStatusTag({ status, date }: { status: SessionStatus; date?: string }) {
  if (date && isNotRecordedAsHeld({ status, date })) return <Tag colour="red">Not recorded as held</Tag>;
  const { text, colour } = SESSION_STATUS_TEXT[status] ?? { text: status, colour: 'grey' as const };
  return <Tag colour={colour}>{text}</Tag>;
}

export function AgreementComplianceTag({ status }: { status: AgreementCompliance }) {
  const { text, colour } = AGREEMENT_COMPLIANCE_TEXT[status] ?? { text: status, colour: 'grey' as const };
  return <Tag colour={colour}>{text}</Tag>;
}
