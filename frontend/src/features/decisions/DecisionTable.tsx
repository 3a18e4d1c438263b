import { Table, Tag } from '../../components/govuk';
import { Link } from '../../router';
import { childHref, waitedText, waitedTooLong, whenText, type CaseDecision } from './decisions';

/** Filed or waiting, in words (never colour alone). */
export function FiledTag({ decision, now = new Date() }: { decision: CaseDecision; now?: Date }) {
  if (decision.acknowledgedAt) return <Tag colour="green">Filed</Tag>;
  return waitedTooLong(decision.signedAt, now) ? <Tag colour="red">Waiting over 24 hours</Tag> : <Tag colour="yellow">Waiting to be filed</Tag>;
}

const KIND_TEXT: Record<CaseDecision['kind'], string> = {
  MANAGEMENT: 'Management decision',
  CASE_DISCUSSION: 'From a case discussion',
};

/**
 * Decisions about children as a GOV.UK table, stacked on phones. `showChild` adds the child (with a link to
 * their page); `showWaited` says how long each has waited to be filed.
 */
export function DecisionTable({
  caption,
  captionSize = 'm',
  decisions,
  showChild,
  showWaited,
  now = new Date(),
}: {
  caption: string;
  captionSize?: 's' | 'm';
  decisions: CaseDecision[];
  showChild?: boolean;
  showWaited?: boolean;
  now?: Date;
}) {
  return (
    <Table
      caption={caption}
      captionSize={captionSize}
      head={[
        ...(showChild ? [{ text: 'Child' }] : []),
        { text: 'Decision' },
        { text: 'Made by' },
        { text: 'Signed' },
        ...(showWaited ? [{ text: 'Waited' }] : []),
        { text: 'Filed to the child’s record' },
      ]}
      firstCellIsHeader={showChild}
      stackOnSmallScreens
      rowKeys={decisions.map((d) => d.id)}
      rows={decisions.map((d) => [
        ...(showChild
          ? [
              <>
                <Link className="govuk-link" href={childHref(d.child.id)}>
                  {d.child.name}
                </Link>
                <span className="govuk-body-s app-block app-secondary">Case number {d.child.caseNumber}</span>
              </>,
            ]
          : []),
        <>
          <span className="app-pre-wrap">{d.decision}</span>
          {d.rationale && <span className="govuk-body-s app-block app-secondary app-pre-wrap">Reason: {d.rationale}</span>}
          <span className="govuk-body-s app-block app-secondary">{KIND_TEXT[d.kind]}</span>
        </>,
        d.madeBy.displayName,
        whenText(d.signedAt, now),
        ...(showWaited ? [waitedText(d.signedAt, now)] : []),
        <>
          <FiledTag decision={d} now={now} />
          {d.acknowledgedAt && <span className="govuk-body-s app-block app-secondary">{whenText(d.acknowledgedAt, now)}</span>}
        </>,
      ])}
    />
  );
}
