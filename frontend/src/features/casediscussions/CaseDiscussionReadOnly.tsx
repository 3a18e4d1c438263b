import type { ReactNode } from 'react';
import { SummaryList, Tag } from '../../components/govuk';
import { formatDate, formatTime } from '../../format';
import type { Section } from '../agreements/agreements';
import { REASON_TEXT, type CaseDiscussion } from './caseDiscussions';

const text = (value: string | undefined | null, none = 'Not recorded'): ReactNode => (value ? <span className="app-pre-wrap">{value}</span> : none);

/** The case discussion to read: a signed (locked) one, or a draft read by someone who is not one of the two. */
export function CaseDiscussionReadOnly({ discussion, sections }: { discussion: CaseDiscussion; sections: Section[] }) {
  const answer = (key: string) => discussion.answers.find((a) => a.key === key);
  const v = discussion.childVoice ?? {};
  const owner = (id?: string) => (id === discussion.supervisor.id ? discussion.supervisor.displayName : id === discussion.supervisee.id ? discussion.supervisee.displayName : undefined);
  return (
    <div data-testid="read-only-case-discussion">
      <SummaryList
        rows={[
          { key: 'Child', value: `${discussion.child.name} (case number ${discussion.child.caseNumber})` },
          { key: 'Discussed', value: formatDate(discussion.discussedOn) },
          { key: 'Supervisee', value: discussion.supervisee.displayName },
          { key: 'Supervisor', value: discussion.supervisor.displayName },
        ]}
      />
      {sections
        .filter((s) => s.items.length > 0)
        .map((section) => (
          <section key={section.name}>
            <h2 className="govuk-heading-m">{section.name}</h2>
            <SummaryList
              rows={section.items.map((item) => {
                const a = answer(item.key);
                const chosen = item.options?.find((o) => String(o.value) === a?.text)?.label;
                return {
                  key: item.label,
                  value: a?.notApplicable ? 'Not applicable' : item.answerType === 'DATE' && a?.text ? formatDate(a.text) : text(chosen ?? a?.text),
                };
              })}
            />
          </section>
        ))}
      <h2 className="govuk-heading-m">The child’s voice</h2>
      <SummaryList
        rows={[
          {
            key: 'The child’s view',
            value: v.status === 'RECORDED' ? text(v.view) : v.status === 'NOT_OBTAINED' ? 'Could not be obtained' : 'Not recorded',
          },
          ...(v.status === 'NOT_OBTAINED'
            ? [
                { key: 'Why not', value: v.reason ? REASON_TEXT[v.reason] : 'Not given' },
                ...(v.lastSeenOn ? [{ key: 'Last seen', value: formatDate(v.lastSeenOn) }] : []),
                ...(v.reasonDetail ? [{ key: 'More about why', value: text(v.reasonDetail) }] : []),
              ]
            : []),
          ...(v.seenAlone !== undefined ? [{ key: 'Seen alone', value: v.seenAlone ? 'Yes' : 'No' }] : []),
        ]}
      />
      <h2 className="govuk-heading-m">Decisions</h2>
      {discussion.decisions.length === 0 ? (
        <p className="govuk-body">No decisions.</p>
      ) : (
        <ol className="govuk-list govuk-list--number" data-testid="decisions">
          {discussion.decisions.map((d, index) => (
            <li key={d.id ?? index}>
              <span className="app-pre-wrap">{d.text}</span>
              <span className="govuk-hint app-block govuk-!-margin-bottom-2">Why: {d.rationale ?? 'no reason recorded'}</span>
            </li>
          ))}
        </ol>
      )}
      <h2 className="govuk-heading-m">Actions</h2>
      {discussion.actions.length === 0 ? (
        <p className="govuk-body">No actions.</p>
      ) : (
        <ol className="govuk-list govuk-list--number" data-testid="actions">
          {discussion.actions.map((a, index) => (
            <li key={a.id ?? index}>
              {a.text}
              <span className="govuk-hint app-block govuk-!-margin-bottom-2">
                {[
                  a.desiredOutcome && `Desired outcome: ${a.desiredOutcome}`,
                  a.measure && `Measure: ${a.measure}`,
                  `Responsible: ${a.owner?.displayName ?? owner(a.ownerId) ?? 'nobody named'}`,
                  a.dueDate ? `Due ${formatDate(a.dueDate)}` : 'No due date',
                ]
                  .filter(Boolean)
                  .join('. ')}
              </span>
            </li>
          ))}
        </ol>
      )}
      <h2 className="govuk-heading-m">Signatures</h2>
      {discussion.signatures.length === 0 ? (
        <p className="govuk-body">Nobody has signed yet.</p>
      ) : (
        <ul className="govuk-list" data-testid="signatures">
          {discussion.signatures.map((s, index) => (
            <li key={index}>
              {s.signer.displayName}, signed {formatDate(s.signedAt.slice(0, 10))} at {formatTime(s.signedAt)}
              {!s.current && (
                <>
                  {' '}
                  <Tag colour="grey">Earlier version</Tag>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
