/** The pieces of the audit form: one question with its function and evidence, the Q11 checklist, the actions. */
import type { ReactNode } from 'react';
import type { Schemas } from '../../api/client';
import { Button, ErrorMessage, Tag, Textarea, classNames } from '../../components/govuk';
import { Link } from '../../router';
import { ChoiceRadios, DateField } from '../casediscussions/fields';
import {
  FUNCTION_TEXT,
  evidenceFor,
  evidenceHref,
  newLocalKey,
  questionNumber,
  type ActionDraft,
  type AuditEvidence,
  type AuditEvidenceItem,
  type TemplateItem,
} from './audits';

/** What the product holds that informs a question, beside it, with links to the records behind it. */
export function EvidenceBox({ items, questionKey }: { items: AuditEvidenceItem[]; questionKey: string }) {
  if (items.length === 0) return null;
  return (
    <div className="govuk-inset-text app-audit-evidence" data-testid={`evidence-${questionKey}`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">What the records show</h3>
      {items.map((item) => (
        <div key={item.topic} className="app-audit-evidence__item">
          <p className="govuk-body govuk-!-margin-bottom-1">{item.summary}</p>
          {item.facts.length > 0 && (
            <ul className="govuk-list govuk-list--bullet govuk-body-s govuk-!-margin-bottom-1">
              {item.facts.map((fact, index) => (
                <li key={index}>
                  {fact.label}: {fact.value}
                </li>
              ))}
            </ul>
          )}
          {item.links.length > 0 && (
            <ul className="govuk-list govuk-body-s">
              {item.links.map((link) => {
                const href = evidenceHref(link);
                return (
                  <li key={`${link.kind}-${link.id}`}>
                    {href ? (
                      <Link className="govuk-link app-touch-link" href={href} target="_blank" rel="noopener">
                        {link.label}
                        {' '}<span className="govuk-visually-hidden">(opens in a new tab)</span>
                      </Link>
                    ) : (
                      link.label
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}

/** "Q1" and the question, as the legend or label of its field. */
export function QuestionLabel({ item }: { item: TemplateItem }) {
  const number = questionNumber(item.key);
  return (
    <>
      {number && <span className="app-audit-number">{number}</span>} {item.label}
    </>
  );
}

/** The supervision function the form names for a question, as a grey tag (none for Q12, which names none). */
export function FunctionTag({ item }: { item: TemplateItem }) {
  if (!item.function) return null;
  return (
    <Tag colour="grey" className="app-audit-function">
      {FUNCTION_TEXT[item.function] ?? item.function}
    </Tag>
  );
}

/** One question of the audit (not a checklist document): radios for a scale, a text box for Q13b. */
export function QuestionField({
  item,
  value,
  error,
  evidence,
  onChange,
}: {
  item: TemplateItem;
  value: string;
  error?: string;
  evidence: AuditEvidence | null;
  onChange: (value: string) => void;
}) {
  const id = `answer-${item.key}`;
  const rated = item.answerType === 'RATING_1_5';
  const hint: ReactNode = (
    <>
      {item.function && (
        <>
          <FunctionTag item={item} />{' '}
        </>
      )}
      {rated && <span className="app-audit-scale">Scale: 1 = Excellent, 5 = Poor. </span>}
      {item.hint && !(rated && /1 = Excellent/.test(item.hint)) ? item.hint : null}
    </>
  );
  let field: ReactNode;
  if (item.options && item.options.length > 0) {
    field = (
      <ChoiceRadios
        id={id}
        legend={<QuestionLabel item={item} />}
        legendClassName="govuk-fieldset__legend--s"
        hint={hint}
        error={error}
        inline={rated || item.answerType === 'YES_NO_PARTIAL_UNCLEAR'}
        choices={item.options.map((o) => ({ value: String(o.value), text: o.label }))}
        value={value || undefined}
        onChange={onChange}
      />
    );
  } else {
    field = (
      <Textarea
        id={id}
        label={<QuestionLabel item={item} />}
        labelClassName="govuk-label--s"
        hint={item.hint}
        error={error}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="app-audit-question" data-testid={`question-${item.key}`}>
      {field}
      <EvidenceBox items={evidenceFor(evidence, item.key)} questionKey={item.key} />
    </div>
  );
}

/** Q11: the file checklist as a table, one row a document, Yes / No / Not applicable in its columns. */
export function ChecklistTable({
  items,
  answers,
  errors,
  evidence,
  onChange,
}: {
  items: TemplateItem[];
  answers: Record<string, string>;
  errors: Record<string, string>;
  evidence: AuditEvidence | null;
  onChange: (key: string, value: string) => void;
}) {
  const columns = items[0]?.options ?? [];
  return (
    <table className="govuk-table app-audit-checklist" data-testid="checklist">
      <caption className="govuk-table__caption govuk-table__caption--s">
        <span className="app-audit-number">Q11</span> Does the supervision file contain these documents?
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Document
          </th>
          {columns.map((c) => (
            <th scope="col" className="govuk-table__header app-audit-checklist__choice" key={String(c.value)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((item) => {
          const id = `answer-${item.key}`;
          const error = errors[id];
          return (
            <tr className={classNames('govuk-table__row', error && 'app-audit-checklist__row--error')} key={item.key}>
              <th scope="row" className="govuk-table__header app-audit-checklist__document">
                <span id={`${id}-label`}>{item.label}</span>
                {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
                <EvidenceBox items={evidenceFor(evidence, item.key)} questionKey={item.key} />
              </th>
              {(item.options ?? columns).map((option, index) => {
                const inputId = index === 0 ? id : `${id}-${index + 1}`;
                const value = String(option.value);
                return (
                  <td className="govuk-table__cell app-audit-checklist__choice" key={value}>
                    <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                      <div className="govuk-radios__item">
                        <input
                          className="govuk-radios__input"
                          id={inputId}
                          name={id}
                          type="radio"
                          value={value}
                          checked={answers[item.key] === value}
                          aria-describedby={error ? `${id}-error` : undefined}
                          onChange={() => onChange(item.key, value)}
                        />
                        <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                          <span className="govuk-visually-hidden">
                            {option.label}: {item.label}
                          </span>
                        </label>
                      </div>
                    </div>
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export interface OwnerChoice {
  id: string;
  text: string;
}

/** Q13b below Good: the actions needed, each with an owner (the supervisor audited or their manager) and a due date. */
export function AuditActions({
  actions,
  owners,
  errors,
  onChange,
}: {
  actions: ActionDraft[];
  owners: OwnerChoice[];
  errors: Record<string, string>;
  onChange: (actions: ActionDraft[]) => void;
}) {
  const update = (index: number, patch: Partial<ActionDraft>) => onChange(actions.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const listError = errors['actions'];
  return (
    <div className={classNames('govuk-form-group', listError && 'govuk-form-group--error')} data-testid="audit-actions">
      <h3 className="govuk-heading-s" id="actions" tabIndex={-1}>
        Actions needed to reach Good
      </h3>
      <p className="govuk-body">These become tracked actions, with their owner and due date, when the audit is completed.</p>
      {listError && <ErrorMessage id="actions">{listError}</ErrorMessage>}
      {actions.map((action, index) => (
        <fieldset className="govuk-fieldset app-audit-action" key={action.localKey}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Action {index + 1}</legend>
          <Textarea
            id={`action-${index}-text`}
            label="What needs to be done"
            rows={3}
            error={errors[`action-${index}-text`]}
            value={action.text}
            onChange={(e) => update(index, { text: e.target.value })}
          />
          <ChoiceRadios
            id={`action-${index}-owner`}
            legend="Who owns it"
            error={errors[`action-${index}-owner`]}
            choices={owners.map((o) => ({ value: o.id, text: o.text }))}
            value={action.ownerId || undefined}
            onChange={(ownerId) => update(index, { ownerId })}
          />
          <DateField
            id={`action-${index}-due`}
            legend="Due date"
            name="the due date"
            error={errors[`action-${index}-due-day`]}
            value={action.dueDate}
            onChange={(dueDate) => update(index, { dueDate })}
          />
          <Button type="button" variant="warning" onClick={() => onChange(actions.filter((_, i) => i !== index))}>
            Remove action {index + 1}
          </Button>
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={() => onChange([...actions, { localKey: newLocalKey(), text: '', ownerId: '', dueDate: '' }])}>
        {actions.length === 0 ? 'Add an action' : 'Add another action'}
      </Button>
    </div>
  );
}

/** Owners an audit action may have: the supervisor audited, and their own manager when known. */
export function ownerChoices(audit: Schemas['Audit'], manager: Schemas['StaffRef'] | null | undefined): OwnerChoice[] {
  const out: OwnerChoice[] = [{ id: audit.supervisor.id, text: `${audit.supervisor.displayName} (the supervisor audited)` }];
  if (manager && manager.id !== audit.supervisor.id) out.push({ id: manager.id, text: `${manager.displayName} (their manager)` });
  return out;
}
