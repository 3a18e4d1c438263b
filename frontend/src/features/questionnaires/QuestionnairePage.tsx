import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../api/client';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Button, ErrorSummary, NotificationBanner, Radios, Textarea, type ErrorItem } from '../../components/govuk';
import { formatDate, formatTime } from '../../format';
import { deviceAccount } from '../../offline/account';
import { DeviceStorageWarning } from '../../offline/DeviceStorageWarning';
import { writeDraft, type DraftMeta } from '../../offline/drafts';
import { DeviceStorageUnavailable, enqueue, isOffline, list as listOutbox, onSent } from '../../offline/outbox';
import { useDeviceAutosave } from '../../offline/useDeviceAutosave';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { call, newIdempotencyKey } from '../agreements/agreements';
import {
  clearQuestionnaireDraft,
  questionnaireDraftKey,
  questionnaireHref,
  readQuestionnaireDraft,
  responsePath,
  toResponse,
  lastDayToAnswer,
  type Questionnaire,
  type QuestionnaireDraft,
  type QuestionnaireReceipt,
} from './questionnaires';
import './questionnaires.css';

const CANNOT_KEEP =
  'You are offline and this device cannot keep your answers. Stay on this page and send them again when you are back online.';

const LABEL = 'Part 2 questionnaire: your answers';

type Phase =
  | { kind: 'form' }
  | { kind: 'waiting' }
  | { kind: 'sent'; whoSeesAnswers: string }
  | { kind: 'answered' }
  | { kind: 'expired' };

type Loaded = { state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; questionnaire: Questionnaire };

const statementId = (key: string) => `statement-${key}`;

const emptyDraft = (questionnaire: Questionnaire): QuestionnaireDraft => ({
  answers: {},
  comment: '',
  idempotencyKey: newIdempotencyKey(),
  questionnaire,
  savedAt: '',
});

function SignOutLink() {
  return (
    <p className="govuk-body govuk-!-margin-top-8">
      <Link className="govuk-link app-touch-link" href="/sign-out">
        Sign out
      </Link>
      {' '}if other people use this device.
    </p>
  );
}

/** Why the page cannot show the questionnaire, in words for the person holding the link. */
function CannotOpen({ problem }: { problem: Problem }) {
  if (problem.status === 403) {
    return (
      <>
        <h1 className="govuk-heading-l">This questionnaire was sent to someone else</h1>
        <p className="govuk-body">
          The link is for another person. If you share this device, sign out so that they can sign in and answer it.
        </p>
        <SignOutLink />
      </>
    );
  }
  if (problem.status === 404) {
    return (
      <>
        <h1 className="govuk-heading-l">Questionnaire not found</h1>
        <p className="govuk-body">Check that you used the whole link you were sent.</p>
        <SignOutLink />
      </>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-l">Your supervision questionnaire</h1>
      <ProblemMessage problem={problem} />
    </>
  );
}

/**
 * The Part 2 questionnaire, opened from its link (phone first): nine statements on the five-point scale, an
 * optional comment, who sees the answers, and a confirmation. Typing stays on the device until the service has
 * the answers; offline, the answers wait in the outbox and go when the connection returns.
 */
export function QuestionnairePage({ invitationId }: { invitationId: string }) {
  const storageKey = questionnaireDraftKey(invitationId);
  const path = responsePath(invitationId);
  const href = questionnaireHref(invitationId);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [draft, setDraft] = useState<QuestionnaireDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [errors, setErrors] = useState<ErrorItem[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const title = loaded.state === 'ok' ? loaded.questionnaire.title : 'Your supervision questionnaire';
  usePageTitle(title, !!errors);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    (async () => {
      const got = await call(api.GET('/api/v1/questionnaires/{invitationId}', { params: { path: { invitationId } }, signal }));
      const local = await readQuestionnaireDraft(storageKey);
      const waiting = (await listOutbox().catch(() => [])).some((e) => e.path === path && e.state === 'pending');
      if (signal.aborted) return;
      if (!got.ok) {
        // Offline: the questionnaire as last read on this device, with the answers typed so far.
        if (got.problem.status === 0 && local?.questionnaire) {
          setDraft(local);
          setSavedAt(local.savedAt);
          setPhase(waiting ? { kind: 'waiting' } : { kind: 'form' });
          setLoaded({ state: 'ok', questionnaire: local.questionnaire });
          return;
        }
        setLoaded({ state: 'error', problem: got.problem });
        return;
      }
      const questionnaire = got.data;
      if (waiting) setPhase({ kind: 'waiting' });
      else if (questionnaire.status === 'ANSWERED') setPhase({ kind: 'answered' });
      else if (questionnaire.status === 'EXPIRED') setPhase({ kind: 'expired' });
      if (questionnaire.status !== 'OPEN' && !waiting) void clearQuestionnaireDraft(storageKey);
      setDraft(local ? { ...local, questionnaire } : emptyDraft(questionnaire));
      setSavedAt(local?.savedAt ?? '');
      setDirty(false);
      setLoaded({ state: 'ok', questionnaire });
    })().catch(() => {
      // aborted: the page has gone
    });
    return () => controller.abort();
  }, [invitationId, storageKey, path]);

  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  // What the device keeps beside the answers: a label, and once every statement is answered, the send itself
  // (signing out offers to send it first).
  const describeDraft = useCallback(
    (value: QuestionnaireDraft): DraftMeta => {
      const questionnaire = value.questionnaire;
      const complete = !!questionnaire && questionnaire.statements.every((s) => value.answers[s.key]);
      return {
        label: LABEL,
        href,
        ...(complete && questionnaire
          ? { send: { method: 'POST' as const, path, body: toResponse(value, questionnaire), idempotencyKey: value.idempotencyKey, label: LABEL, href } }
          : {}),
      };
    },
    [href, path],
  );

  const { flush, discard } = useDeviceAutosave(storageKey, draft, dirty, describeDraft, setSavedAt);

  const finished = useCallback(
    (whoSeesAnswers: string) => {
      discard();
      void clearQuestionnaireDraft(storageKey);
      setDirty(false);
      setSavedAt('');
      setErrors(null);
      setFieldErrors({});
      setPhase({ kind: 'sent', whoSeesAnswers });
    },
    [discard, storageKey],
  );

  // Answers that waited in the outbox reached the service.
  useEffect(
    () =>
      onSent(({ entry, data }) => {
        if (entry.path !== path) return;
        const current = loadedRef.current;
        const receipt = data as QuestionnaireReceipt | undefined;
        finished(receipt?.whoSeesAnswers ?? (current.state === 'ok' ? current.questionnaire.whoSeesAnswers : ''));
      }),
    [path, finished],
  );

  if (loaded.state === 'loading') {
    return (
      <>
        <h1 className="govuk-heading-l">Your supervision questionnaire</h1>
        <Loading />
      </>
    );
  }
  if (loaded.state === 'error') return <CannotOpen problem={loaded.problem} />;

  const { questionnaire } = loaded;
  const lastDay = formatDate(lastDayToAnswer(questionnaire.expiresAt));

  if (phase.kind === 'sent') {
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation" data-testid="confirmation">
          <h1 className="govuk-panel__title">Thank you - your answers have been sent</h1>
          <div className="govuk-panel__body">Your supervision questionnaire is complete</div>
        </div>
        <h2 className="govuk-heading-m">Who will see your answers</h2>
        <p className="govuk-body" data-testid="who-sees">
          {phase.whoSeesAnswers}
        </p>
        <SignOutLink />
      </>
    );
  }
  if (phase.kind === 'answered') {
    return (
      <>
        <h1 className="govuk-heading-l">You have already answered this questionnaire</h1>
        <p className="govuk-body">Each questionnaire can be answered once. Your answers have been sent.</p>
        <p className="govuk-body">{questionnaire.whoSeesAnswers}</p>
        <SignOutLink />
      </>
    );
  }
  if (phase.kind === 'expired') {
    return (
      <>
        <h1 className="govuk-heading-l">This questionnaire has closed</h1>
        <p className="govuk-body">The last day to answer it was {lastDay}.</p>
        <p className="govuk-body">If you still want to give your views on your supervision, contact your quality assurance team.</p>
        <SignOutLink />
      </>
    );
  }
  if (phase.kind === 'waiting') {
    return (
      <>
        <h1 className="govuk-heading-l">{questionnaire.title}</h1>
        <p className="govuk-body-s app-save-status" role="status" data-testid="save-status">
          Waiting to send (1)
        </p>
        <NotificationBanner title="Important" heading="Your answers are waiting to send">
          <p className="govuk-body">
            They are kept on this device and will be sent when your connection comes back. Keep this page open or come back to it
            later on this device.
          </p>
        </NotificationBanner>
        <p className="govuk-body">{questionnaire.whoSeesAnswers}</p>
      </>
    );
  }

  if (!draft) return <Loading />;

  const change = (patch: Partial<QuestionnaireDraft>) => {
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setDirty(true);
  };
  const answer = (key: string, value: string) => {
    setDraft((current) => (current ? { ...current, answers: { ...current.answers, [key]: value } } : current));
    setDirty(true);
    setFieldErrors((current) => {
      if (!current[statementId(key)]) return current;
      const next = { ...current };
      delete next[statementId(key)];
      return next;
    });
  };

  const queue = async (body: ReturnType<typeof toResponse>) => {
    const account = deviceAccount();
    try {
      if (!account) throw new DeviceStorageUnavailable();
      const stamped = { ...draft, savedAt: new Date().toISOString() };
      await writeDraft(account, storageKey, stamped, describeDraft(stamped));
      await enqueue({ method: 'POST', path, body, idempotencyKey: draft.idempotencyKey, label: LABEL, href }, { coalesce: true });
    } catch {
      setErrors([{ text: CANNOT_KEEP }]);
      return;
    }
    setErrors(null);
    setPhase({ kind: 'waiting' });
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = questionnaire.statements.filter((s) => !draft.answers[s.key]);
    if (missing.length > 0) {
      const byField: Record<string, string> = {};
      for (const s of missing) byField[statementId(s.key)] = `Choose an answer for statement ${s.number}`;
      setFieldErrors(byField);
      setErrors(missing.map((s) => ({ text: `Choose an answer for statement ${s.number}`, href: `#${statementId(s.key)}` })));
      return;
    }
    flush();
    const body = toResponse(draft, questionnaire);
    if (isOffline()) return queue(body);
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/questionnaires/{invitationId}/response', {
        params: { path: { invitationId }, header: { 'Idempotency-Key': draft.idempotencyKey } },
        body,
      }),
    );
    setBusy(false);
    if (result.ok) return finished(result.data.whoSeesAnswers);
    const problem = result.problem;
    if (problem.status === 0) return queue(body);
    if (problem.status === 409) {
      discard();
      void clearQuestionnaireDraft(storageKey);
      setDirty(false);
      return setPhase({ kind: 'answered' });
    }
    // Closed while the form was open: the service refuses it with no field to point at.
    if (problem.status === 422 && (problem.errors ?? []).every((e) => !e.pointer) && Date.now() >= Date.parse(questionnaire.expiresAt)) {
      discard();
      void clearQuestionnaireDraft(storageKey);
      setDirty(false);
      return setPhase({ kind: 'expired' });
    }
    // Errors about one answer point at its place in the answers sent: show them at that statement.
    const byField: Record<string, string> = {};
    const items: ErrorItem[] = [];
    for (const error of problem.errors ?? []) {
      const m = /^\/answers\/(\d+)/.exec(error.pointer);
      const key = m ? body.answers[Number(m[1])]?.key : undefined;
      if (key) {
        byField[statementId(key)] ??= error.message;
        items.push({ text: error.message, href: `#${statementId(key)}` });
      } else items.push({ text: error.message });
    }
    if (items.length === 0) items.push({ text: problem.detail ?? problem.title });
    setFieldErrors(byField);
    setErrors(items);
  };

  return (
    <>
      {errors && <ErrorSummary errors={errors} />}
      <h1 className="govuk-heading-l">{questionnaire.title}</h1>
      <p className="govuk-body-s app-save-status" role="status" data-testid="save-status">
        {savedAt ? `Saved on this device ${formatTime(savedAt)}` : dirty ? 'Not saved yet' : ''}
      </p>
      <DeviceStorageWarning />
      <p className="govuk-body">
        How good was your most recent supervision? Choose one answer for each statement. It takes about 2 minutes.
      </p>
      <p className="govuk-body" data-testid="answer-by">
        Answer by {lastDay}.
      </p>
      {questionnaire.guidance && (
        <details className="govuk-details" data-testid="guidance">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">The purposes of supervision</span>
          </summary>
          <div className="govuk-details__text app-pre-wrap">{questionnaire.guidance}</div>
        </details>
      )}
      <form noValidate onSubmit={(event) => void send(event)} className="app-questionnaire">
        {questionnaire.statements.map((statement) => (
          <Radios
            key={statement.key}
            id={statementId(statement.key)}
            legend={`${statement.number}. ${statement.label}`}
            error={fieldErrors[statementId(statement.key)]}
            options={questionnaire.options.map((o) => ({ value: String(o.value), text: o.label }))}
            value={draft.answers[statement.key] ?? ''}
            onChange={(value) => answer(statement.key, value)}
          />
        ))}
        <Textarea
          id="comment"
          label="Anything else you want to say about your supervision (optional)"
          labelClassName="govuk-label--s"
          value={draft.comment}
          rows={4}
          onChange={(e) => change({ comment: e.target.value })}
        />
        <div className="govuk-inset-text" data-testid="who-sees">
          {questionnaire.whoSeesAnswers}
        </div>
        <Button type="submit" disabled={busy}>
          Send my answers
        </Button>
      </form>
      <SignOutLink />
    </>
  );
}
