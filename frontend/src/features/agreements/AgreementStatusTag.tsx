import { Tag } from '../../components/govuk';
import { STATUS_TEXT, type AgreementStatus } from './agreements';

/** The agreement's status as a GOV.UK tag in words; an active agreement is also "Locked". */
export function AgreementStatusTag({ status, showLock = false }: { status: AgreementStatus; showLock?: boolean }) {
  const { text, colour } = STATUS_TEXT[status] ?? { text: status, colour: 'grey' as const };
  return (
    <>
      <Tag colour={colour}>{text}</Tag>
      {showLock && status === 'ACTIVE' && (
        <>
          {' '}
          <Tag colour="grey" className="app-tag-lock">
            Locked
          </Tag>
        </>
      )}
    </>
  );
}
