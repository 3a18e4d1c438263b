import { useRef, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../api/client';
import { BackLink, Button, ErrorSummary, Input, Radios, type ErrorItem } from '../../components/govuk';
import { Link, useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { useMe } from '../auth/AuthContext';
import { DateInput, blankDate, type DateParts } from '../sessions/DateInput';
import { checkDate } from '../sessions/dateChecks';
import { todayIso } from '../sessions/sessions';
import { CASE_NUMBER_PATTERN, childHref } from './children';

const FIELDS = ['name', 'caseNumber', 'dateOfBirth', 'allocatedWorkerId'] as const;
type Field = (typeof FIELDS)[number];
const hrefOf = (field: Field) => (field === 'dateOfBirth' ? '#dateOfBirth-day' : `#${field}`);

interface Errors {
  byField: Partial<Record<Field, string>>;
  dateFields?: (keyof DateParts)[];
  summary: ErrorItem[];
  /** The child already recorded with this case number (a 409). */
  existing?: { id: string; caseNumber: string };
}

const pad = (n: string) => n.trim().padStart(2, '0');

function summaryOf(byField: Partial<Record<Field, string>>): ErrorItem[] {
  return FIELDS.filter((f) => byField[f]).map((f) => ({ text: byField[f] as string, href: hrefOf(f) }));
}

function fromProblem(problem: Problem, caseNumber: string): Errors {
  if (problem.status === 409) {
    const existingId = problem.existingId;
    const text = `A child with case number ${caseNumber} is already recorded`;
    return {
      byField: { caseNumber: text },
      summary: [{ text, href: '#caseNumber' }],
      existing: existingId ? { id: existingId, caseNumber } : undefined,
    };
  }
  const byField: Partial<Record<Field, string>> = {};
  const other: ErrorItem[] = [];
  for (const error of problem.errors ?? []) {
    const field = error.pointer.replace(/^[#/]+/, '') as Field;
    if (FIELDS.includes(field)) byField[field] ??= error.message;
    else other.push({ text: error.message });
  }
  const summary = [...summaryOf(byField), ...other];
  if (summary.length === 0) {
    summary.push({
      text:
        problem.status === 403
          ? 'You can add a child only when they are allocated to someone you supervise.'
          : problem.status === 0
            ? 'You are offline or the service cannot be reached. Try again when you are back online.'
            : (problem.detail ?? problem.title),
    });
  }
  return { byField, summary };
}

/** Add a child as the case-management system knows them, allocated to one of the caller's supervisees. */
export function AddChildPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState<DateParts>(blankDate());
  const [workerId, setWorkerId] = useState('');
  const [errors, setErrors] = useState<Errors | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  usePageTitle('Add a child', !!errors);

  const supervisees = me?.supervisees ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const byField: Partial<Record<Field, string>> = {};
    if (!name.trim()) byField.name = 'Enter the child’s name';
    const number = caseNumber.trim();
    if (!number) byField.caseNumber = 'Enter the case number';
    else if (!CASE_NUMBER_PATTERN.test(number)) {
      byField.caseNumber = 'Case number must start with a letter or number and use only letters, numbers and / . _ -';
    }
    const dateCheck = checkDate(dateOfBirth, 'the date of birth', { required: false, latest: todayIso() });
    if (dateCheck) byField.dateOfBirth = dateCheck.message;
    if (!workerId) byField.allocatedWorkerId = 'Choose the worker the child is allocated to';
    if (Object.keys(byField).length > 0) {
      setErrors({ byField, dateFields: dateCheck?.fields, summary: summaryOf(byField) });
      return;
    }
    const dob = dateOfBirth.year.trim() ? `${dateOfBirth.year.trim()}-${pad(dateOfBirth.month)}-${pad(dateOfBirth.day)}` : undefined;
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/children', {
        params: { header: { 'Idempotency-Key': key.current } },
        body: { name: name.trim(), caseNumber: number, allocatedWorkerId: workerId, ...(dob ? { dateOfBirth: dob } : {}) },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(fromProblem(result.problem, number));
      return;
    }
    navigate(childHref(result.data.id), { state: { added: true } });
  };

  return (
    <>
      <BackLink href="/children" />
      {errors && (
        <ErrorSummary
          errors={errors.summary}
          description={
            errors.existing && (
              <Link className="govuk-link" href={childHref(errors.existing.id)} data-testid="existing-child">
                Go to the child already recorded with case number {errors.existing.caseNumber}
              </Link>
            )
          }
        />
      )}
      <h1 className="govuk-heading-l">Add a child</h1>
      <p className="govuk-body">Only the name, case number, date of birth and allocated worker are held here. Everything else stays in the case-management system.</p>
      {supervisees.length === 0 ? (
        <p className="govuk-body" data-testid="no-supervisees">
          You can add a child only when they are allocated to someone you supervise, and you do not supervise anyone at the moment.
        </p>
      ) : (
        <form noValidate onSubmit={submit}>
          <Input
            id="name"
            label="Child’s name"
            className="govuk-!-width-two-thirds"
            autoComplete="off"
            spellCheck={false}
            error={errors?.byField.name}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Input
            id="caseNumber"
            label="Case number"
            hint="As the case-management system shows it, for example PRN-104233"
            className="govuk-input--width-20"
            autoComplete="off"
            spellCheck={false}
            error={errors?.byField.caseNumber}
            value={caseNumber}
            onChange={(e) => setCaseNumber(e.target.value)}
          />
          {errors?.existing && (
            <p className="govuk-body">
              <Link className="govuk-link" href={childHref(errors.existing.id)}>
                View the child already recorded with case number {errors.existing.caseNumber}
              </Link>
            </p>
          )}
          <DateInput
            id="dateOfBirth"
            legend="Date of birth (optional)"
            hint="For example, 27 3 2016"
            error={errors?.byField.dateOfBirth}
            errorFields={errors?.dateFields}
            value={dateOfBirth}
            onChange={setDateOfBirth}
          />
          <Radios
            id="allocatedWorkerId"
            legend="Allocated worker"
            hint="The social worker the child is allocated to"
            error={errors?.byField.allocatedWorkerId}
            value={workerId}
            onChange={setWorkerId}
            options={supervisees.map((s) => ({ value: s.id, text: s.jobTitle ? `${s.displayName}, ${s.jobTitle}` : s.displayName }))}
          />
          <Button type="submit" disabled={busy} preventDoubleClick>
            Add child
          </Button>
        </form>
      )}
    </>
  );
}
