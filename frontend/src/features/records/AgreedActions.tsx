import { useRef, useState } from 'react';
import { api, type Problem } from '../../api/client';
import { Button, Tag, Textarea, WarningText } from '../../components/govuk';
import { formatDate } from '../../format';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { DateInput, blankDate, partsOf, type DateParts } from '../sessions/DateInput';
import { checkDate } from '../sessions/dateChecks';
import { dateFromParts, todayIso, type Session } from '../sessions/sessions';
import { OwnerRadios } from './OwnerRadios';
import type { Action } from './records';

type Owner = 'SUPERVISOR' | 'SUPERVISEE';
interface ActionFields {
  text: string;
  owner?: Owner;
  due: DateParts;
}

const STATUS_WORDS: Record<Action['status'], string> = { OPEN: 'Open', DONE: 'Done', NO_LONGER_NEEDED: 'No longer needed' };
const etagOf = (a: Action) => `"v${a.version}"`;
const problemText = (p: Problem) =>
  p.status === 412
    ? 'Someone else changed this action since you opened the record. Reload the page to see it.'
    : p.status === 0
      ? 'You are offline. Try again when you are back online.'
      : (p.errors?.[0]?.message ?? p.detail ?? p.title);

/** The checks of the action form; a due date in the past is a warning, not an error. */
export function checkAction(f: ActionFields, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!f.text.trim()) found[`${prefix}-text`] = 'Enter what the action is';
  if (!f.owner) found[`${prefix}-owner`] = 'Select who owns the action';
  const due = checkDate(f.due, 'the due date');
  if (due) found[`${prefix}-due`] = due.message;
  return found;
}

export function pastDueWarning(due: DateParts, today = todayIso()): string | null {
  const iso = dateFromParts(due.day, due.month, due.year);
  return iso && iso < today ? `This action is due on ${formatDate(iso)}, which is in the past. Check the date.` : null;
}

/** Text, owner and due date of an action, as one form (adding or changing). */
function ActionForm({
  prefix,
  session,
  fields,
  setFields,
  errors,
}: {
  prefix: string;
  session: Session;
  fields: ActionFields;
  setFields: (f: ActionFields) => void;
  errors: Record<string, string>;
}) {
  const warning = pastDueWarning(fields.due);
  return (
    <>
      <Textarea id={`${prefix}-text`} label="What needs to be done" rows={2} value={fields.text} error={errors[`${prefix}-text`]} onChange={(e) => setFields({ ...fields, text: e.target.value })} />
      <OwnerRadios name={`${prefix}-owner`} session={session} value={fields.owner} onChange={(owner) => setFields({ ...fields, owner })} error={errors[`${prefix}-owner`]} />
      <DateInput id={`${prefix}-due`} legend="Due date" hint="For example, 27 3 2027" value={fields.due} error={errors[`${prefix}-due`]} onChange={(due) => setFields({ ...fields, due })} />
      {warning && <WarningText testId="past-due-warning">{warning}</WarningText>}
    </>
  );
}

/**
 * Actions agreed in this session: add, change, close or remove them until someone signs the record. While it is
 * being signed (someone has, not everyone) the service refuses changes, so none are offered.
 */
export function AgreedActions({
  session,
  actions,
  beingSigned = false,
  onAdded,
  onChanged,
  onRemoved,
}: {
  session: Session;
  actions: Action[];
  beingSigned?: boolean;
  onAdded: (action: Action) => void;
  onChanged: (action: Action) => void;
  onRemoved: (id: string) => void;
}) {
  const supervisee = session.supervisees[0];
  const [fields, setFields] = useState<ActionFields>({ text: '', due: blankDate() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<{ id: string; fields: ActionFields } | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());
  const ownerId = (owner: Owner | undefined) => (owner === 'SUPERVISOR' ? session.supervisor.id : (supervisee?.id ?? ''));
  const ownerOf = (a: Action): Owner => (a.owner.id === session.supervisor.id ? 'SUPERVISOR' : 'SUPERVISEE');

  const add = async () => {
    const found = checkAction(fields, 'action');
    setErrors(found);
    if (Object.keys(found).length || !supervisee || sending) return;
    setSending(true);
    const result = await call(
      api.POST('/api/v1/actions', {
        params: { header: { 'Idempotency-Key': key.current } },
        body: {
          superviseeId: supervisee.id,
          ownerId: ownerId(fields.owner),
          text: fields.text.trim(),
          dueDate: dateFromParts(fields.due.day, fields.due.month, fields.due.year) as string,
          sessionId: session.id,
        },
      }),
    );
    setSending(false);
    if (!result.ok) return setErrors({ 'action-text': problemText(result.problem) });
    key.current = newIdempotencyKey();
    setFields({ text: '', due: blankDate() });
    onAdded(result.data);
  };

  const put = async (a: Action, f: ActionFields, status: Action['status']) => {
    if (sending) return;
    setSending(true);
    const result = await call(
      api.PUT('/api/v1/actions/{actionId}', {
        params: { path: { actionId: a.id }, header: { 'If-Match': etagOf(a) } },
        body: { ownerId: ownerId(f.owner), text: f.text.trim(), dueDate: dateFromParts(f.due.day, f.due.month, f.due.year) as string, status },
      }),
    );
    setSending(false);
    if (!result.ok) return setErrors({ [`edit-${a.id}`]: problemText(result.problem) });
    setErrors({});
    setEditing(null);
    onChanged(result.data);
  };

  const saveEdit = (a: Action) => {
    if (!editing) return;
    const found = checkAction(editing.fields, 'edit-action');
    setErrors(found);
    if (Object.keys(found).length) return;
    void put(a, editing.fields, 'OPEN');
  };

  const remove = async (a: Action) => {
    if (sending) return;
    setSending(true);
    try {
      const { response, error } = await api.DELETE('/api/v1/actions/{actionId}', {
        params: { path: { actionId: a.id }, header: { 'If-Match': etagOf(a) } },
      });
      if (response.ok) {
        setErrors({});
        onRemoved(a.id);
      } else {
        setErrors({ [`edit-${a.id}`]: problemText({ ...(error as Problem), status: response.status }) });
      }
    } catch {
      setErrors({ [`edit-${a.id}`]: problemText({ type: 'about:blank', title: 'Offline', status: 0 }) });
    } finally {
      setSending(false);
    }
  };

  const fieldsOf = (a: Action): ActionFields => ({ text: a.text, owner: ownerOf(a), due: partsOf(a.dueDate) });

  return (
    <section aria-labelledby="agreed-actions-heading" data-testid="agreed-actions">
      <h2 className="govuk-heading-m" id="agreed-actions-heading">
        Actions agreed in this session
      </h2>
      {actions.length > 0 ? (
        <ul className="govuk-list app-action-list" data-testid="agreed-actions-list">
          {actions.map((a) => (
            <li key={a.id} className="app-action-review" data-testid="agreed-action">
              {editing?.id === a.id ? (
                <div data-testid="action-edit-form">
                  <ActionForm prefix="edit-action" session={session} fields={editing.fields} setFields={(f) => setEditing({ id: a.id, fields: f })} errors={errors} />
                  <div className="govuk-button-group">
                    <Button type="button" onClick={() => saveEdit(a)} disabled={sending}>
                      Save changes{' '}<span className="govuk-visually-hidden">to {a.text}</span>
                    </Button>
                    <Button type="button" variant="secondary" onClick={() => { setEditing(null); setErrors({}); }}>
                      Cancel
                    </Button>
                  </div>
                </div>
              ) : (
                <>
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    {a.status !== 'OPEN' && (
                      <>
                        <Tag colour="grey">{STATUS_WORDS[a.status]}</Tag>{' '}
                      </>
                    )}
                    {a.text} ({a.owner.displayName}, due {formatDate(a.dueDate)})
                  </p>
                  {errors[`edit-${a.id}`] && <p className="govuk-error-message">{errors[`edit-${a.id}`]}</p>}
                  {a.status === 'OPEN' && !beingSigned && (
                    <div className="govuk-button-group govuk-!-margin-bottom-2">
                      <Button type="button" variant="secondary" onClick={() => { setErrors({}); setEditing({ id: a.id, fields: fieldsOf(a) }); }}>
                        Change{' '}<span className="govuk-visually-hidden">{a.text}</span>
                      </Button>
                      <Button type="button" variant="secondary" onClick={() => void put(a, fieldsOf(a), 'DONE')} disabled={sending}>
                        Mark as done<span className="govuk-visually-hidden">: {a.text}</span>
                      </Button>
                      <Button type="button" variant="warning" onClick={() => void remove(a)} disabled={sending}>
                        Remove{' '}<span className="govuk-visually-hidden">{a.text}</span>
                      </Button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No actions agreed yet.</p>
      )}
      {beingSigned ? (
        <p className="govuk-inset-text" data-testid="actions-being-signed">
          Someone has signed this record, so its actions cannot be added to or changed until everyone has signed.
        </p>
      ) : (
        <>
          <h3 className="govuk-heading-s">Add an action</h3>
          <ActionForm prefix="action" session={session} fields={fields} setFields={setFields} errors={errors} />
          <Button type="button" variant="secondary" onClick={() => void add()} disabled={sending}>
            Add action
          </Button>
        </>
      )}
    </section>
  );
}
