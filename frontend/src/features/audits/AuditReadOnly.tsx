/** A completed audit (or one read by someone other than its auditor): every answer in words, nothing editable. */
import type { ReactNode } from 'react';
import { SummaryList, Table, Tag } from '../../components/govuk';
import { formatDate, formatTime } from '../../format';
import { Link } from '../../router';
import { FunctionTag, QuestionLabel } from './AuditFields';
import {
  ACTION_STATUS_TEXT,
  GRADE_TEXT,
  QUALITY_TEXT,
  YES_NO_TEXT,
  auditStatusTag,
  crossCheckHref,
  gradeText,
  meanText,
  ratingText,
  type Audit,
  type AuditPart,
  type TemplateItem,
} from './audits';

/** An answer in words: a rating with its scale, a tick or grade in words, text as written. */
export function answerText(item: TemplateItem, value: string | undefined): string {
  if (!value) return 'Not answered';
  switch (item.answerType) {
    case 'RATING_1_5':
      return ratingText(value);
    case 'OVERALL_GRADE':
      return GRADE_TEXT[value as keyof typeof GRADE_TEXT] ?? value;
    case 'QUALITY_5':
      return QUALITY_TEXT[value as keyof typeof QUALITY_TEXT] ?? value;
    case 'YES_NO_NA':
    case 'YES_NO_PARTIAL_UNCLEAR':
      return YES_NO_TEXT[value] ?? item.options?.find((o) => String(o.value) === value)?.label ?? value;
    default:
      return item.options?.find((o) => String(o.value) === value)?.label ?? value;
  }
}

export function AuditReadOnly({ audit, parts, showCrossCheck }: { audit: Audit; parts: AuditPart[]; showCrossCheck: boolean }) {
  const answers = new Map(audit.answers.map((a) => [a.key, a.value]));
  const tag = auditStatusTag(audit.status);
  const signature = audit.signature;
  return (
    <>
      <p className="govuk-body" data-testid="status">
        <Tag colour={tag.colour}>
          {audit.status === 'COMPLETED' && <span aria-hidden="true">🔒 </span>}
          {tag.text}
        </Tag>{' '}
        {audit.status === 'COMPLETED'
          ? signature
            ? `Signed by ${signature.signer.displayName} on ${formatDate(signature.signedAt.slice(0, 10))} at ${formatTime(signature.signedAt)}. The audit can no longer be changed.`
            : 'Signed by the auditor. The audit can no longer be changed.'
          : `${audit.auditor.displayName} is still writing this audit.`}
      </p>
      <SummaryList
        rows={[
          { key: 'Overall grade', value: <span data-testid="grade">{gradeText(audit.grade)}</span> },
          { key: 'Mean rating', value: <span data-testid="mean-rating">{meanText(audit.meanRating)}</span> },
          ...(audit.questionnaireIssuedAt
            ? [{ key: 'Part 2 questionnaire', value: `Sent to ${audit.supervisee.displayName} on ${formatDate(audit.questionnaireIssuedAt.slice(0, 10))}` }]
            : []),
        ]}
      />
      {showCrossCheck && audit.status === 'COMPLETED' && (
        <p className="govuk-body">
          <Link className="govuk-link app-touch-link" href={crossCheckHref(audit.id)}>
            Compare with {audit.supervisee.displayName}’s Part 2 answers
          </Link>
        </p>
      )}
      {parts.map((part) => (
        <section key={part.name} aria-label={part.name}>
          <h2 className="govuk-heading-m">{part.name}</h2>
          <SummaryList
            rows={part.items.map((item) => {
              const value: ReactNode = (
                <>
                  <span className="app-pre-wrap">{answerText(item, answers.get(item.key))}</span>
                  {item.function && (
                    <>
                      {' '}
                      <FunctionTag item={item} />
                    </>
                  )}
                </>
              );
              return { key: <QuestionLabel item={item} />, value };
            })}
          />
        </section>
      ))}
      {audit.actions.length > 0 && (
        <Table
          caption="Actions needed to reach Good"
          head={[{ text: 'Action' }, { text: 'Owner' }, { text: 'Due' }, { text: 'Status' }]}
          rows={audit.actions.map((a) => [
            <span className="app-pre-wrap">{a.text}</span>,
            a.owner?.displayName ?? 'No owner',
            a.dueDate ? formatDate(a.dueDate) : 'No due date',
            a.status ? ACTION_STATUS_TEXT[a.status] : a.trackedActionId ? 'Tracked' : 'Not tracked yet',
          ])}
          stackOnSmallScreens
        />
      )}
    </>
  );
}
