import type { Schemas } from '../../api/client';
import { SummaryList, Tag, Textarea } from '../../components/govuk';
import { formatDate } from '../../format';

type AuditOutcome = Schemas['AuditOutcome'];

export const GRADE_TEXT: Record<Schemas['OverallGradeAnswer'], string> = {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  REQUIRES_IMPROVEMENT: 'Requires improvement',
  INADEQUATE: 'Inadequate',
};

const ACTION_STATUS_TEXT: Record<Schemas['ActionStatus'], string> = {
  OPEN: 'Open',
  DONE: 'Done',
  NO_LONGER_NEEDED: 'No longer needed',
};

export const SUPERVISORY_PRACTICE_LABEL = 'Discussion of the quality of your supervisory practice';

function Actions({ actions }: { actions: AuditOutcome['actions'] }) {
  if (actions.length === 0) return <>None</>;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {actions.map((a, index) => (
        <li key={a.id ?? index}>
          {a.text}
          <span className="govuk-hint app-block govuk-!-margin-bottom-0">
            {[a.owner?.displayName, a.dueDate ? `due ${formatDate(a.dueDate)}` : '', a.status ? ACTION_STATUS_TEXT[a.status] : '']
              .filter(Boolean)
              .join(', ')}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * On a supervisor's own record: the audits of their supervisees' files since their last record (DOMAIN section 14),
 * each with the grade, date, auditor and actions, and the discussion of their supervisory practice, saved with the
 * record. Nothing at all when no audit is to be noted.
 */
export function AuditOutcomesSection({
  outcomes,
  value,
  onChange,
  readOnly = false,
}: {
  outcomes: AuditOutcome[] | undefined;
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
}) {
  if (!outcomes || outcomes.length === 0) return null;
  return (
    <section aria-labelledby="audit-outcomes-heading" data-testid="audit-outcomes">
      <h2 className="govuk-heading-m" id="audit-outcomes-heading">
        Audits of supervision files
      </h2>
      <p className="govuk-body">
        {outcomes.length === 1 ? 'An audit was' : `${outcomes.length} audits were`} completed since the last supervision of the
        supervision files of people this supervisor supervises. Note the outcome here and discuss the quality of the supervisory
        practice.
      </p>
      {outcomes.map((o) => (
        <div key={o.auditId} className="govuk-summary-card" data-testid="audit-outcome">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">Supervision file of {o.supervisee.displayName}</h3>
          </div>
          <div className="govuk-summary-card__content">
            <SummaryList
              rows={[
                { key: 'Grade', value: o.grade ? <Tag colour={o.grade === 'OUTSTANDING' || o.grade === 'GOOD' ? 'green' : o.grade === 'INADEQUATE' ? 'red' : 'yellow'}>{GRADE_TEXT[o.grade]}</Tag> : 'Not graded' },
                { key: 'Audited on', value: formatDate(o.auditedOn) },
                { key: 'Auditor', value: o.auditor.jobTitle ? `${o.auditor.displayName}, ${o.auditor.jobTitle}` : o.auditor.displayName },
                { key: 'Actions', value: <Actions actions={o.actions} /> },
              ]}
            />
          </div>
        </div>
      ))}
      {readOnly ? (
        <SummaryList rows={[{ key: SUPERVISORY_PRACTICE_LABEL, value: value ? <span className="app-pre-wrap">{value}</span> : 'Not recorded' }]} />
      ) : (
        <Textarea
          id="supervisory-practice"
          label={SUPERVISORY_PRACTICE_LABEL}
          labelClassName="govuk-label--s"
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
        />
      )}
    </section>
  );
}
