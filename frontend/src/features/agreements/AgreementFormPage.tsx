import { ifMatchFor } from '../../api/etag';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import { api, type Problem, type Schemas } from '../../api/client';
import { pointerToField } from '../../api/problems';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { SectionNav, SectionSteps } from '../../components/SectionNav';
import { BackLink, Button, ErrorSummary, Input, Radios, Textarea, type ErrorItem } from '../../components/govuk';
import { AgreementWarnings } from './AgreementWarnings';
import { formatTime } from '../../format';
import { useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import {
  answerable,
  call,
  clearLocalDraft,
  isClause,
  draftStorageKey,
  loadAgreementTemplate,
  newIdempotencyKey,
  readLocalDraft,
  sectionsOf,
  weeksOf,
  type Agreement,
  type LocalDraft,
  type Section,
  type TemplateItem,
} from './agreements';
import { useIsLandscape } from './useIsLandscape';
import { DeviceStorageUnavailable, enqueue, isOffline, list as listOutbox, onSent, subscribe as subscribeOutbox, type NewOutboxEntry } from '../../offline/outbox';
import { useDeviceAutosave } from '../../offline/useDeviceAutosave';
import { deviceAccount } from '../../offline/account';
import { writeDraft, type DraftMeta } from '../../offline/drafts';
import { DeviceStorageWarning } from '../../offline/DeviceStorageWarning';

/** How long typing may pause before the form is saved on the device. */
const FIELD_ORDER = ['intervalWeeks', 'durationMinutes', 'location', 'escalationPeriod'];
const answerField = (key: string) => `answer-${key}`;

interface Loaded {
  items: TemplateItem[];
  agreement?: Agreement;
  etag?: string | null;
}

interface Errors {
  summary: ErrorItem[];
  byField: Record<string, string>;
}

function blankDraft(agreement?: Agreement): LocalDraft {
  const answers: Record<string, string> = {};
  for (const answer of agreement?.answers ?? []) answers[answer.key] = answer.text;
  return {
    intervalWeeks: agreement?.intervalWeeks != null ? String(agreement.intervalWeeks) : '',
    durationMinutes: agreement ? String(agreement.durationMinutes) : '90',
    location: agreement?.location ?? '',
    escalationWeeks: String(weeksOf(agreement?.escalationPeriod) ?? ''),
    answers,
    idempotencyKey: newIdempotencyKey(),
    savedAt: '',
  };
}

export const sectionComplete = (section: Section, answers: Record<string, string>) =>
  answerable(section.items).every((item) => (answers[item.key] ?? '').trim() !== '');

/** Clauses are signed, not answered: an answer to one (a text box of an older form) is not sent. */
function withoutClauseAnswers(draft: LocalDraft, items: TemplateItem[]): LocalDraft {
  const clauses = new Set(items.filter(isClause).map((item) => item.key));
  const answers = Object.fromEntries(Object.entries(draft.answers).filter(([key]) => !clauses.has(key)));
  return { ...draft, answers };
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/** Checks before sending: the same rules as the contract, in GOV.UK error wording. */
function validate(draft: LocalDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.intervalWeeks.trim()) {
    const weeks = wholeNumber(draft.intervalWeeks);
    if (!(weeks >= 1 && weeks <= 12)) errors.intervalWeeks = 'How often must be a whole number of weeks between 1 and 12';
  }
  const minutes = wholeNumber(draft.durationMinutes);
  if (!draft.durationMinutes.trim()) errors.durationMinutes = 'Enter how long each session lasts, in minutes';
  else if (!(minutes >= 15 && minutes <= 480)) errors.durationMinutes = 'How long must be between 15 and 480 minutes';
  if (!draft.location.trim()) errors.location = 'Enter where supervision takes place';
  else if (draft.location.length > 300) errors.location = 'Where supervision takes place must be 300 characters or fewer';
  if (draft.escalationWeeks.trim()) {
    const weeks = wholeNumber(draft.escalationWeeks);
    if (!(weeks >= 1 && weeks <= 52)) errors.escalationPeriod = 'The escalation period must be a whole number of weeks between 1 and 52';
  }
  return errors;
}

function toFields(draft: LocalDraft): Schemas['AgreementFields'] {
  const answers = Object.entries(draft.answers)
    .filter(([, text]) => text.trim() !== '')
    .map(([key, text]) => ({ key, text }));
  return {
    ...(draft.intervalWeeks.trim() ? { intervalWeeks: wholeNumber(draft.intervalWeeks) } : {}),
    durationMinutes: wholeNumber(draft.durationMinutes),
    location: draft.location.trim(),
    ...(draft.escalationWeeks.trim() ? { escalationPeriod: `P${wholeNumber(draft.escalationWeeks)}W` } : {}),
    answers,
  };
}

/** problem+json errors[] to the form's fields; "/answers/3/key" is the fourth answer sent. */
function errorsFromProblem(problem: Problem, sent: Schemas['AgreementAnswer'][], items: TemplateItem[]): Errors {
  const byField: Record<string, string> = {};
  const unlinked: ErrorItem[] = [];
  for (const error of problem.errors ?? []) {
    const answer = /^\/answers\/(\d+)/.exec(error.pointer);
    let field: string | null = null;
    if (answer) {
      const key = sent[Number(answer[1])]?.key;
      if (key && items.some((item) => item.key === key)) field = answerField(key);
    } else {
      const name = pointerToField(error.pointer);
      if (FIELD_ORDER.includes(name)) field = name;
    }
    if (field) byField[field] ??= error.message;
    else unlinked.push({ text: error.message });
  }
  const order = [...FIELD_ORDER, ...items.map((item) => answerField(item.key))];
  const summary: ErrorItem[] = order.filter((f) => byField[f]).map((f) => ({ text: byField[f] as string, href: `#${f}` }));
  summary.push(...unlinked);
  if (summary.length === 0) summary.push({ text: conflictText(problem) });
  return { summary, byField };
}

function conflictText(problem: Problem): string {
  if (problem.status === 412) {
    return 'Someone else changed this agreement since you opened it. Your changes are still saved on this device: reload the page to see theirs.';
  }
  if (problem.status === 0) return 'You are offline. Your changes are saved on this device: save the draft again when you are back online.';
  return problem.detail ?? problem.title;
}

/** The fields of a queued body, without the supervisee a new agreement names. */
function stripSupervisee(body: object): unknown {
  const { superviseeId: _ignored, ...rest } = body as Record<string, unknown>;
  return rest;
}

export function AgreementFormPage({ agreementId, superviseeId }: { agreementId?: string; superviseeId?: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const landscape = useIsLandscape();
  const storageKey = draftStorageKey({ agreementId, superviseeId });

  const [loaded, setLoaded] = useState<{ state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; value: Loaded }>({
    state: 'loading',
  });
  const [draft, setDraft] = useState<LocalDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string>('');
  const [sectionIndex, setSectionIndex] = useState(0);
  const [errors, setErrors] = useState<Errors | null>(null);
  const [saving, setSaving] = useState(false);
  const [waiting, setWaiting] = useState(0);
  const [sentAt, setSentAt] = useState('');
  const draftRef = useRef<LocalDraft | null>(null);
  draftRef.current = draft;
  const pageHref = agreementId
    ? `/agreements/${encodeURIComponent(agreementId)}/edit`
    : `/agreements/new?superviseeId=${encodeURIComponent(superviseeId ?? '')}`;

  // Saves of this form still in the outbox; when one is sent, carry on as after a save.
  useEffect(() => {
    let live = true;
    const read = () =>
      void listOutbox()
        .then((entries) => {
          if (live) setWaiting(entries.filter((e) => e.href === pageHref).length);
        })
        .catch(() => undefined);
    read();
    const off = subscribeOutbox(read);
    const offSent = onSent(({ entry, data, at }) => {
      if (entry.href !== pageHref) return;
      setSentAt(at);
      const now = draftRef.current;
      const sentId = data && typeof data === 'object' && 'id' in data ? String((data as { id: unknown }).id) : null;
      if (now && JSON.stringify(toFields(now)) === JSON.stringify(entry.body && typeof entry.body === 'object' ? stripSupervisee(entry.body) : entry.body)) {
        discardPendingTyping();
        void clearLocalDraft(storageKey);
        setDirty(false);
        setSavedAt('');
        if (sentId) navigate(`/agreements/${encodeURIComponent(sentId)}`, { state: { saved: true } });
      }
    });
    return () => {
      live = false;
      off();
      offSent();
    };
    // navigate is stable enough; the page re-mounts per agreement. discardPendingTyping is declared below
    // (from useDeviceAutosave) and only called when a send arrives, so it cannot be listed here.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once per page (pageHref, storageKey), see above
  }, [pageHref, storageKey]);

  usePageTitle(agreementId ? 'Edit supervision agreement' : 'Draft a supervision agreement', !!errors);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      let value: Loaded = { items: [] };
      if (agreementId) {
        const got = await call(
          api.GET('/api/v1/agreements/{agreementId}', { params: { path: { agreementId } }, signal: controller.signal }),
        );
        if (!got.ok) return setLoaded({ state: 'error', problem: got.problem });
        value = { ...value, agreement: got.data, etag: got.etag };
      }
      // A draft keeps the template version it was made with; a new one takes the organisation's current one.
      const template = await loadAgreementTemplate(value.agreement?.templateId, controller.signal);
      if (!template.ok) return setLoaded({ state: 'error', problem: template.problem });
      value = { ...value, items: template.data };
      const local = await readLocalDraft(storageKey);
      setDraft(withoutClauseAnswers(local ?? blankDraft(value.agreement), value.items));
      setDirty(!!local);
      setSavedAt(local?.savedAt ?? '');
      setLoaded({ state: 'ok', value });
    })().catch(() => {
      // aborted: the page has gone
    });
    return () => controller.abort();
  }, [agreementId, storageKey]);

  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  /** The write that sends a draft as it stands (the same as "Save draft"), or none while it is invalid. */
  const writeFor = useCallback(
    (value: LocalDraft): NewOutboxEntry | undefined => {
      const current = loadedRef.current;
      if (current.state !== 'ok' || Object.keys(validate(value)).length) return undefined;
      const who =
        current.value.agreement?.supervisee.displayName ?? me?.supervisees.find((s) => s.id === superviseeId)?.displayName;
      const fields = toFields(value);
      return agreementId
        ? {
            method: 'PUT',
            path: `/api/v1/agreements/${encodeURIComponent(agreementId)}`,
            body: fields,
            ifMatch: ifMatchFor(current.value.etag, current.value.agreement),
            idempotencyKey: newIdempotencyKey(),
            label: `Supervision agreement${who ? `: ${who}` : ''}`,
            href: pageHref,
          }
        : {
            method: 'POST',
            path: '/api/v1/agreements',
            body: { ...fields, superviseeId: superviseeId ?? '' },
            idempotencyKey: value.idempotencyKey,
            label: `New supervision agreement${who ? `: ${who}` : ''}`,
            href: pageHref,
          };
    },
    [agreementId, superviseeId, pageHref, me],
  );
  const describeDraft = useCallback(
    (value: LocalDraft): DraftMeta => {
      const send = writeFor(value);
      return { label: send?.label ?? (agreementId ? 'Supervision agreement' : 'New supervision agreement'), href: pageHref, send };
    },
    [writeFor, agreementId, pageHref],
  );

  // Save on the device as you type, once more on leaving the page; ask before closing with unsent changes.
  const { flush, discard: discardPendingTyping } = useDeviceAutosave(storageKey, draft, dirty, describeDraft, setSavedAt);

  const items = useMemo(() => (loaded.state === 'ok' ? loaded.value.items : []), [loaded]);
  const sections = useMemo(() => sectionsOf(items), [items]);

  const change = (patch: Partial<LocalDraft>) => {
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setDirty(true);
  };
  const changeAnswer = (key: string, text: string) => {
    setDraft((current) => (current ? { ...current, answers: { ...current.answers, [key]: text } } : current));
    setDirty(true);
  };

  const showSection = (index: number) => {
    setSectionIndex(Math.max(0, Math.min(sections.length - 1, index)));
  };

  // An error summary link to a question in another section opens that section first.
  const onErrorLinkCapture = (event: MouseEvent<HTMLDivElement>) => {
    const href = (event.target as HTMLElement).closest('a')?.getAttribute('href') ?? '';
    const key = href.startsWith('#answer-') ? href.slice('#answer-'.length) : null;
    if (!key) return;
    const index = sections.findIndex((s) => s.items.some((item) => item.key === key));
    if (index >= 0 && index !== sectionIndex) flushSync(() => setSectionIndex(index));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft || loaded.state !== 'ok' || saving) return;
    flush();
    const invalid = validate(draft);
    const invalidFields = FIELD_ORDER.filter((f) => invalid[f]);
    if (invalidFields.length) {
      setErrors({ summary: invalidFields.map((f) => ({ text: invalid[f] as string, href: `#${f}` })), byField: invalid });
      return;
    }
    const fields = toFields(draft);
    setSaving(true);
    const queue = async () => {
      const account = deviceAccount();
      const stamped = { ...draft, savedAt: new Date().toISOString() };
      const write = writeFor(stamped);
      try {
        if (!account || !write) throw new DeviceStorageUnavailable();
        await writeDraft(account, storageKey, stamped, describeDraft(stamped));
        await enqueue(write, { coalesce: true });
      } catch {
        setSaving(false);
        setErrors({
          summary: [{ text: 'You are offline and this device cannot keep your changes. Stay on this page and save again when you are back online.' }],
          byField: {},
        });
        return;
      }
      setSaving(false);
      setErrors(null);
    };
    if (isOffline()) return queue();
    const result = agreementId
      ? await call(
          api.PUT('/api/v1/agreements/{agreementId}', {
            params: { path: { agreementId }, header: { 'If-Match': ifMatchFor(loaded.value.etag, loaded.value.agreement) as string } },
            body: fields,
          }),
        )
      : await call(
          api.POST('/api/v1/agreements', {
            params: { header: { 'Idempotency-Key': draft.idempotencyKey } },
            body: { ...fields, superviseeId: superviseeId ?? '' },
          }),
        );
    if (!result.ok && result.problem.status === 0) return queue();
    setSaving(false);
    if (!result.ok) {
      setErrors(errorsFromProblem(result.problem, fields.answers, items));
      return;
    }
    discardPendingTyping();
    void clearLocalDraft(storageKey);
    setDirty(false);
    setErrors(null);
    navigate(`/agreements/${encodeURIComponent(result.data.id)}`, { state: { saved: true } });
  };

  if (loaded.state !== 'ok' || !draft) {
    return (
      <>
        <h1 className="govuk-heading-l">{agreementId ? 'Edit supervision agreement' : 'Draft a supervision agreement'}</h1>
        {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} /> : <Loading />}
      </>
    );
  }
  const { agreement } = loaded.value;
  const backHref = agreement ? `/agreements/${encodeURIComponent(agreement.id)}` : '/';
  if (agreement && agreement.status !== 'DRAFT') {
    return (
      <>
        <BackLink href={backHref} />
        <h1 className="govuk-heading-l">Edit supervision agreement</h1>
        <p className="govuk-body" data-testid="not-editable">
          This agreement has been sent for signature and can no longer be changed.
        </p>
      </>
    );
  }

  const superviseeName =
    agreement?.supervisee.displayName ??
    me?.supervisees.find((s) => s.id === superviseeId)?.displayName ??
    (me?.staff?.id === superviseeId ? me?.displayName : undefined);
  const current = sections[Math.min(sectionIndex, Math.max(0, sections.length - 1))];
  const currentIndex = current ? sections.indexOf(current) : 0;
  const err = (field: string) => errors?.byField[field];

  const sectionNav = (
    <SectionNav
      landscape={landscape}
      ariaLabel="Sections of the agreement"
      sections={sections.map((section) => ({ name: section.name, complete: sectionComplete(section, draft.answers) }))}
      current={currentIndex}
      onChoose={showSection}
    />
  );

  const questions = current && (
    <section aria-labelledby="current-section-heading" data-testid="current-section">
      <span className="govuk-caption-m">
        Section {currentIndex + 1} of {sections.length}
      </span>
      <h2 className="govuk-heading-m" id="current-section-heading">
        {current.name}
      </h2>
      {current.items.map((item) =>
        isClause(item) ? (
          <div key={item.key} className="app-clause" data-testid="clause">
            <p className="govuk-body">{item.label}</p>
            {item.hint && <p className="govuk-hint">{item.hint}</p>}
          </div>
        ) : item.options?.length ? (
          <Radios
            key={item.key}
            id={answerField(item.key)}
            legend={item.label}
            hint={item.hint}
            error={err(answerField(item.key))}
            options={item.options.map((option) => ({ value: option.value, text: option.label }))}
            value={draft.answers[item.key] ?? ''}
            onChange={(value) => changeAnswer(item.key, value)}
            small={item.options.length > 6}
          />
        ) : (
          <Textarea
            key={item.key}
            id={answerField(item.key)}
            label={item.label}
            labelClassName="govuk-label--s"
            hint={item.hint}
            error={err(answerField(item.key))}
            value={draft.answers[item.key] ?? ''}
            onChange={(event) => changeAnswer(item.key, event.target.value)}
          />
        ),
      )}
      <SectionSteps current={currentIndex} count={sections.length} onChoose={showSection} />
    </section>
  );

  return (
    <>
      <BackLink href={backHref} />
      {errors && (
        <div onClickCapture={onErrorLinkCapture}>
          <ErrorSummary errors={errors.summary} />
        </div>
      )}
      {superviseeName && <span className="govuk-caption-l">{superviseeName}</span>}
      <h1 className="govuk-heading-l">{agreementId ? 'Edit supervision agreement' : 'Draft a supervision agreement'}</h1>
      <p className="govuk-body-s app-save-status" role="status" data-testid="save-status">
        {waiting > 0
          ? `Waiting to send (${waiting})`
          : savedAt
            ? `Saved on this device ${formatTime(savedAt)}`
            : sentAt
              ? `Sent ${formatTime(sentAt)}`
              : dirty
                ? 'Not saved yet'
                : agreement
                  ? 'Saved'
                  : ''}
      </p>
      <DeviceStorageWarning />

      <form noValidate onSubmit={save}>
        <h2 className="govuk-heading-m">Frequency, length and place</h2>
        <Input
          id="intervalWeeks"
          label="How often, in weeks"
          optional
          hint="Leave empty to follow the policy's interval"
          inputMode="numeric"
          className="govuk-input--width-3"
          value={draft.intervalWeeks}
          error={err('intervalWeeks')}
          onChange={(event) => change({ intervalWeeks: event.target.value })}
        />
        <Input
          id="durationMinutes"
          label="How long each session lasts, in minutes"
          inputMode="numeric"
          className="govuk-input--width-3"
          value={draft.durationMinutes}
          error={err('durationMinutes')}
          onChange={(event) => change({ durationMinutes: event.target.value })}
        />
        {agreement && draft.durationMinutes === String(agreement.durationMinutes) && <AgreementWarnings agreement={agreement} />}
        <Input
          id="location"
          label="Where supervision usually takes place"
          className="govuk-!-width-two-thirds"
          value={draft.location}
          error={err('location')}
          onChange={(event) => change({ location: event.target.value })}
        />
        <Input
          id="escalationPeriod"
          label="Escalation period, in weeks"
          optional
          hint="The supervisee will approach the line manager if there is no formal supervision for this many weeks"
          inputMode="numeric"
          className="govuk-input--width-3"
          value={draft.escalationWeeks}
          error={err('escalationPeriod')}
          onChange={(event) => change({ escalationWeeks: event.target.value })}
        />

        {sections.length > 0 &&
          (landscape ? (
            <div className="govuk-grid-row app-sections">
              <div className="govuk-grid-column-one-third">{sectionNav}</div>
              <div className="govuk-grid-column-two-thirds">{questions}</div>
            </div>
          ) : (
            <div className="app-sections">
              {sectionNav}
              {questions}
            </div>
          ))}

        <Button type="submit" preventDoubleClick disabled={saving}>
          Save draft
        </Button>
      </form>
    </>
  );
}
