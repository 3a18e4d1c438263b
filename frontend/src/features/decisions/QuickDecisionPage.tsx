import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../api/client';
import { BackLink, Button, ErrorSummary, Input, NotificationBanner, Select, Textarea, type ErrorItem } from '../../components/govuk';
import { formatTime } from '../../format';
import { deviceAccount } from '../../offline/account';
import { readDraft, removeDraft } from '../../offline/drafts';
import { enqueue, isOffline } from '../../offline/outbox';
import { useDeviceAutosave } from '../../offline/useDeviceAutosave';
import { Link, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { useMe } from '../auth/AuthContext';
import { ChildSearch } from '../children/ChildSearch';
import type { ChildRef } from '../children/children';
import { parseTimeInput } from '../sessions/sessions';
import { DAYS_BACK, canRecordDecisions, childHref, dayOptions, londonDate, londonInstant, whenText, type CaseDecision } from './decisions';

/** What the form keeps on this device between keystrokes, reloads and a lost connection. */
export interface DecisionDraft {
  child: ChildRef | null;
  query: string;
  decision: string;
  rationale: string;
  /** False while the decision is dated "now". */
  whenChanged: boolean;
  day: string;
  time: string;
  /** Made once per decision and kept until the service has it: a resend never records it twice. */
  idempotencyKey: string;
  savedAt: string;
}

export const DECISION_DRAFT_KEY = 'decisionDraft.new';
const FIELDS = ['childId', 'decision', 'rationale', 'decided-day', 'decided-time'] as const;
const CANNOT_KEEP =
  'You are offline and this device cannot keep your decision. Stay on this page and press “Sign and send” again when you are back online.';

function blankDraft(child: ChildRef | null = null): DecisionDraft {
  return {
    child,
    query: child?.name ?? '',
    decision: '',
    rationale: '',
    whenChanged: false,
    day: londonDate(new Date()),
    time: '',
    idempotencyKey: newIdempotencyKey(),
    savedAt: '',
  };
}

function readStoredDraft(value: Partial<DecisionDraft> | null): DecisionDraft | null {
  if (!value || typeof value !== 'object' || typeof value.idempotencyKey !== 'string') return null;
  return { ...blankDraft(), ...value } as DecisionDraft;
}

/** The instant the decision was made, or the message saying what is wrong with the typed time. */
function decidedAt(draft: DecisionDraft, now: Date): { at: Date | null; error?: { field: string; text: string } } {
  if (!draft.whenChanged) return { at: null };
  const time = parseTimeInput(draft.time);
  if (!time) return { at: null, error: { field: 'decided-time', text: 'Enter the time the decision was made, for example 9:30am or 14:30' } };
  const at = londonInstant(draft.day, time);
  if (at.getTime() > now.getTime() + 60_000) return { at, error: { field: 'decided-time', text: 'The time the decision was made must be in the past' } };
  if (now.getTime() - at.getTime() > DAYS_BACK * 24 * 60 * 60 * 1000) {
    return { at, error: { field: 'decided-day', text: `The decision must have been made in the last ${DAYS_BACK} days` } };
  }
  return { at };
}

function errorsOf(byField: Record<string, string>): ErrorItem[] {
  return FIELDS.filter((f) => byField[f]).map((f) => ({ text: byField[f] as string, href: f === 'childId' ? '#childId' : `#${f}` }));
}

/** The service's refusal in the form's words, with each field error next to its field. */
function fromProblem(problem: Problem): { byField: Record<string, string>; summary: ErrorItem[] } {
  const byField: Record<string, string> = {};
  const other: ErrorItem[] = [];
  for (const error of problem.errors ?? []) {
    const field = error.pointer.replace(/^[#/]+/, '');
    const id = field === 'decidedAt' ? 'decided-time' : field;
    if ((FIELDS as readonly string[]).includes(id)) byField[id] ??= error.message;
    else other.push({ text: error.message });
  }
  const summary = [...errorsOf(byField), ...other];
  if (summary.length === 0) {
    summary.push({
      text:
        problem.status === 403
          ? 'You can record decisions only about children allocated to people you supervise or manage.'
          : problem.status === 404
            ? 'That child is no longer recorded. Search for the child again.'
            : (problem.detail ?? problem.title),
    });
  }
  return { byField, summary };
}

type Done = { child: ChildRef; queued: boolean; decision: CaseDecision | null; decisionText: string };

function Confirmation({ done, onAnother }: { done: Done; onAnother: () => void }) {
  usePageTitle(done.queued ? 'Decision waiting to send' : 'Decision recorded');
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation" data-testid="decision-confirmation">
        <h1 className="govuk-panel__title">
          {done.queued ? 'Decision recorded and waiting to send' : 'Decision recorded and sent to the child\'s record'}
        </h1>
        <div className="govuk-panel__body">
          {done.child.name}
          <br />
          Case number {done.child.caseNumber}
        </div>
      </div>
      {done.queued ? (
        <p className="govuk-body">
          You are offline. Your decision is kept on this device and will be sent, signed in your name, as soon as your
          connection comes back. You can see it under “Waiting to send”.
        </p>
      ) : (
        <p className="govuk-body">
          It is signed in your name and locked. The case-management system is told at once; it will show on the Decisions page
          until it has been filed.
        </p>
      )}
      <h2 className="govuk-heading-m">What next</h2>
      <ul className="govuk-list">
        <li>
          <Link
            className="govuk-link app-touch-link"
            href="/decisions/new"
            onClick={(event) => {
              event.preventDefault();
              onAnother();
            }}
          >
            Record another decision
          </Link>
        </li>
        <li>
          <Link className="govuk-link app-touch-link" href={childHref(done.child.id)}>
            Go to {done.child.name}’s page
          </Link>
        </li>
        <li>
          <Link className="govuk-link app-touch-link" href="/">
            Back to My supervision
          </Link>
        </li>
      </ul>
    </>
  );
}

/**
 * The quick decision: a manager records a decision about a child made between sessions, on a tablet, in
 * under a minute. The child from their name, the decision, the reason, when (now unless changed), then
 * "Sign and send": signed by its maker and locked. Offline it is kept on the device and sent through the
 * outbox with its Idempotency-Key, so a resend never records it twice.
 */
export function QuickDecisionPage() {
  const me = useMe();
  const params = useSearchParams();
  const childId = params.get('childId') ?? '';
  const [draft, setDraft] = useState<DecisionDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState('');
  const [errors, setErrors] = useState<{ byField: Record<string, string>; summary: ErrorItem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [now, setNow] = useState(() => new Date());
  /** A child chosen on their page while an unsigned decision about another child is kept on this device. */
  const [waitingChild, setWaitingChild] = useState<ChildRef | null>(null);
  const timeRef = useRef<HTMLDivElement>(null);
  usePageTitle('Record a decision', !!errors);

  // "Today at 2:30pm" keeps up with the clock while the form is open.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 20_000);
    return () => window.clearInterval(timer);
  }, []);

  // A decision started on this device comes back; a child chosen on their page starts a new one.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const stored = readStoredDraft(await readDraft<Partial<DecisionDraft>>(DECISION_DRAFT_KEY));
      let start = stored ?? blankDraft();
      if (childId && start.child?.id !== childId) {
        const got = await call(api.GET('/api/v1/children/{childId}', { params: { path: { childId } } }));
        if (got.ok) {
          const child = { id: got.data.id, name: got.data.name, caseNumber: got.data.caseNumber };
          const typed = !!stored && (!!stored.decision.trim() || !!stored.rationale.trim());
          if (typed) {
            // Never lose typing: the unsigned decision stays; the person chooses to keep or discard it.
            if (!cancelled) setWaitingChild(child);
          } else start = stored ? { ...stored, child, query: child.name } : blankDraft(child);
        }
      }
      if (!cancelled) setDraft(start);
    })();
    return () => {
      cancelled = true;
    };
  }, [childId]);

  const { flush, discard } = useDeviceAutosave<DecisionDraft>(
    DECISION_DRAFT_KEY,
    draft,
    dirty,
    (value) => ({ label: value.child ? `Decision about ${value.child.name} (not signed)` : 'Decision (not signed)', href: '/decisions/new' }),
    setSavedAt,
  );

  if (me && !canRecordDecisions(me)) {
    return (
      <>
        <h1 className="govuk-heading-l">Record a decision</h1>
        <p className="govuk-body" data-testid="not-a-manager">
          Decisions about children between sessions are recorded by the manager who made them: a supervisor or a manager of the
          child’s allocated worker. Tell your supervisor about the decision you need.
        </p>
      </>
    );
  }
  if (done) {
    return (
      <Confirmation
        done={done}
        onAnother={() => {
          setDone(null);
          setDraft(blankDraft());
          setDirty(false);
          setSavedAt('');
        }}
      />
    );
  }
  if (!draft) {
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  }

  const change = (patch: Partial<DecisionDraft>) => {
    setDraft({ ...draft, ...patch });
    setDirty(true);
  };

  const finish = async (queued: boolean, decision: CaseDecision | null, child: ChildRef) => {
    discard();
    await removeDraft(DECISION_DRAFT_KEY);
    setDirty(false);
    setErrors(null);
    setDone({ child, queued, decision, decisionText: draft.decision });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const at = new Date();
    const byField: Record<string, string> = {};
    if (!draft.child) byField.childId = 'Choose the child the decision is about';
    if (!draft.decision.trim()) byField.decision = 'Enter the decision';
    if (!draft.rationale.trim()) byField.rationale = 'Enter the reason for the decision';
    const when = decidedAt(draft, at);
    if (when.error) byField[when.error.field] = when.error.text;
    if (Object.keys(byField).length > 0 || !draft.child) {
      setErrors({ byField, summary: errorsOf(byField) });
      return;
    }
    const child = draft.child;
    const body = {
      childId: child.id,
      decision: draft.decision.trim(),
      rationale: draft.rationale.trim(),
      ...(when.at ? { decidedAt: when.at.toISOString() } : {}),
    };
    setBusy(true);
    flush();
    const queue = async () => {
      try {
        if (!deviceAccount()) throw new Error('nobody signed in');
        await enqueue({
          method: 'POST',
          path: '/api/v1/case-decisions',
          // Sent later: dated when "Sign and send" was pressed, not when the connection came back.
          body: { ...body, decidedAt: (when.at ?? at).toISOString() },
          idempotencyKey: draft.idempotencyKey,
          label: `Decision about ${child.name}`,
          href: childHref(child.id),
        });
      } catch {
        setBusy(false);
        setErrors({ byField: {}, summary: [{ text: CANNOT_KEEP }] });
        return;
      }
      setBusy(false);
      await finish(true, null, child);
    };
    if (isOffline()) return queue();
    const result = await call(
      api.POST('/api/v1/case-decisions', { params: { header: { 'Idempotency-Key': draft.idempotencyKey } }, body }),
    );
    if (!result.ok && result.problem.status === 0) return queue();
    setBusy(false);
    if (!result.ok) {
      setErrors(fromProblem(result.problem));
      return;
    }
    await finish(false, result.data, child);
  };

  const fieldError = (field: string) => errors?.byField[field];
  const days = dayOptions(now);

  return (
    <>
      <BackLink href="/" />
      {errors && <ErrorSummary errors={errors.summary} />}
      <h1 className="govuk-heading-l">Record a decision</h1>
      <p className="govuk-body-s app-save-status" role="status" data-testid="save-status">
        {savedAt ? `Saved on this device ${formatTime(savedAt)}` : dirty ? 'Not saved yet' : ''}
      </p>
      {waitingChild && draft.child?.id !== waitingChild.id && (
        <NotificationBanner title="Important" heading="You have a decision on this device that is not signed yet">
          <p className="govuk-body">
            It is shown below{draft.child ? `, about ${draft.child.name}` : ''}. Sign and send it, or discard it to record a
            decision about {waitingChild.name}.
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            data-module="govuk-button"
            onClick={() => {
              setDraft(blankDraft(waitingChild));
              setDirty(true);
              setWaitingChild(null);
            }}
          >
            Discard it and start a decision about {waitingChild.name}
          </button>
        </NotificationBanner>
      )}
      <form noValidate onSubmit={submit} data-testid="quick-decision-form">
        <ChildSearch
          key={draft.idempotencyKey}
          id="childId"
          chosen={draft.child}
          initialQuery={draft.query}
          onChoose={(child) => change({ child, query: child.name })}
          error={fieldError('childId')}
        />
        <Textarea
          id="decision"
          label="Decision"
          labelClassName="govuk-label--m"
          rows={3}
          error={fieldError('decision')}
          value={draft.decision}
          onChange={(e) => change({ decision: e.target.value })}
        />
        <Textarea
          id="rationale"
          label="Reason"
          labelClassName="govuk-label--m"
          hint="Why this was decided: what you weighed up"
          rows={3}
          error={fieldError('rationale')}
          value={draft.rationale}
          onChange={(e) => change({ rationale: e.target.value })}
        />
        <div className="govuk-form-group" ref={timeRef}>
          {!draft.whenChanged ? (
            <>
              <h2 className="govuk-heading-m govuk-!-margin-bottom-2">When</h2>
              <p className="govuk-body govuk-!-margin-bottom-2" data-testid="decided-when">
                {whenText(now, now)}
              </p>
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                data-module="govuk-button"
                onClick={() => change({ whenChanged: true, day: londonDate(now), time: formatTime(now).replace('midday', '12pm').replace('midnight', '12am') })}
              >
                Change <span className="govuk-visually-hidden">when the decision was made</span>
              </button>
            </>
          ) : (
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">When was the decision made?</legend>
              <Select
                id="decided-day"
                label="Day"
                value={draft.day}
                error={fieldError('decided-day')}
                onChange={(e) => change({ day: e.target.value })}
                options={days}
              />
              <Input
                id="decided-time"
                label="Time"
                hint="For example, 9:30am or 14:30"
                className="govuk-input--width-5"
                error={fieldError('decided-time')}
                value={draft.time}
                autoComplete="off"
                onChange={(e) => change({ time: e.target.value })}
              />
              <p className="govuk-body">
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  data-module="govuk-button"
                  onClick={() => change({ whenChanged: false, time: '' })}
                >
                  Use the time now instead
                </button>
              </p>
            </fieldset>
          )}
        </div>
        <p className="govuk-body">You sign the decision as the person who made it. Once signed it is locked and cannot be changed.</p>
        <Button type="submit" disabled={busy} preventDoubleClick>
          Sign and send
        </Button>
      </form>
    </>
  );
}
