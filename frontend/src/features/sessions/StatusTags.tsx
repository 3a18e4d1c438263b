import { Tag } from '../../components/govuk';
import {
  AGREEMENT_COMPLIANCE_TEXT,
  SCHEDULE_STATUS_TEXT,
  SESSION_STATUS_TEXT,
  type AgreementCompliance,
  type ScheduleStatus,
  type SessionStatus,
} from './sessions';

export function ScheduleStatusTag({ status }: { status: ScheduleStatus }) {
  const { text, colour } = SCHEDULE_STATUS_TEXT[status] ?? { text: status, colour: 'grey' as const };
  return <Tag colour={colour}>{text}</Tag>;
}

export function SessionStatusTag({ status }: { status: SessionStatus }) {
  const { text, colour } = SESSION_STATUS_TEXT[status] ?? { text: status, colour: 'grey' as const };
  return <Tag colour={colour}>{text}</Tag>;
}

export function AgreementComplianceTag({ status }: { status: AgreementCompliance }) {
  const { text, colour } = AGREEMENT_COMPLIANCE_TEXT[status] ?? { text: status, colour: 'grey' as const };
  return <Tag colour={colour}>{text}</Tag>;
}
