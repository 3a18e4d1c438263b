import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { BackLink, Button, ErrorSummary, Input, type ErrorItem } from '../../components/govuk';
import { useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { ChoiceRadios } from '../casediscussions/fields';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { currentQuarter, quarterText, sampleHref, shiftQuarter } from './audits';

const FIELD_OF: Record<string, string> = { '/quarter': 'quarter', '/size': 'size', '/seed': 'seed' };

/** Draw the quarter's random sample of supervision files (QA auditors). */
export function DrawSamplePage() {
  const navigate = useNavigate();
  const thisQuarter = currentQuarter();
  const nextQuarter = shiftQuarter(thisQuarter, 1);
  const [quarter, setQuarter] = useState(thisQuarter);
  const [size, setSize] = useState('');
  const [seed, setSeed] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<ErrorItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per attempt at this form: a resend after a lost answer never draws twice.
  const idempotencyKey = useRef(newIdempotencyKey());
  usePageTitle('Draw this quarter’s sample', !!summary);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    const n = Number(size.trim());
    if (!size.trim()) found.size = 'Enter how many files to sample';
    else if (!/^\d+$/.test(size.trim()) || n < 1 || n > 1000) found.size = 'Sample size must be a whole number from 1 to 1000';
    if (seed.trim() && !/^-?\d{1,15}$/.test(seed.trim())) found.seed = 'Seed must be a whole number of up to 15 digits, or left blank';
    if (Object.keys(found).length) {
      setErrors(found);
      setSummary(Object.entries(found).map(([id, text]) => ({ text, href: `#${id}` })));
      return;
    }
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/audit-samples', {
        params: { header: { 'Idempotency-Key': idempotencyKey.current } },
        body: { quarter, size: n, ...(seed.trim() ? { seed: Number(seed.trim()) } : {}) },
      }),
    );
    setBusy(false);
    if (result.ok) {
      navigate(sampleHref(result.data.id));
      return;
    }
    // A refused draw stored nothing: the next attempt is a new request.
    idempotencyKey.current = newIdempotencyKey();
    const problem = result.problem;
    const atFields: Record<string, string> = {};
    const items: ErrorItem[] = [];
    for (const e of problem.errors ?? []) {
      const id = FIELD_OF[e.pointer];
      if (id) {
        atFields[id] ??= e.message;
        items.push({ text: e.message, href: `#${id}` });
      } else items.push({ text: e.message });
    }
    if (items.length === 0) {
      items.push({
        text:
          problem.status === 409
            ? (problem.detail ?? `A sample has already been drawn for ${quarterText(quarter)}`)
            : problem.status === 0
              ? 'You are offline. Draw the sample when you are back online.'
              : (problem.detail ?? problem.title),
      });
    }
    setErrors(atFields);
    setSummary(items);
  };

  return (
    <>
      <BackLink href="/" />
      {summary && <ErrorSummary errors={summary} />}
      <h1 className="govuk-heading-l">Draw this quarter’s sample</h1>
      <p className="govuk-body">
        The sample is drawn at random from the supervision files of every team. Files audited last quarter are left out.
      </p>
      <form noValidate onSubmit={submit}>
        <ChoiceRadios
          id="quarter"
          legend="Which quarter is the sample for?"
          legendClassName="govuk-fieldset__legend--m"
          error={errors.quarter}
          choices={[
            { value: thisQuarter, text: `This quarter (${quarterText(thisQuarter)})` },
            { value: nextQuarter, text: `Next quarter (${quarterText(nextQuarter)})` },
          ]}
          value={quarter}
          onChange={setQuarter}
        />
        <Input
          id="size"
          label="How many files to audit"
          labelClassName="govuk-label--m"
          inputMode="numeric"
          className="govuk-input--width-4"
          error={errors.size}
          value={size}
          onChange={(e) => setSize(e.target.value)}
        />
        <Input
          id="seed"
          label="Seed"
          labelClassName="govuk-label--m"
          optional
          hint="Leave blank to choose at random; the seed is recorded so the sample can be repeated"
          inputMode="numeric"
          className="govuk-input--width-20"
          error={errors.seed}
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
        />
        <Button type="submit" disabled={busy}>
          Draw the sample
        </Button>
      </form>
    </>
  );
}
