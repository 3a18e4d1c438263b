import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, type Problem } from '../../api/client';
import { ifMatchFor } from '../../api/etag';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { SectionNav, SectionSteps } from '../../components/SectionNav';
import {
  BackLink,
  Button,
  Checkbox,
  ErrorSummary,
  NotificationBanner,
  Radios,
  SummaryList,
  Tag,
  Textarea,
  WarningText,
  type ErrorItem,
} from '../../components/govuk';
import { formatDate, formatTime } from '../../format';
import { deviceAccount } from '../../offline/account';
import { DeviceStorageWarning } from '../../offline/DeviceStorageWarning';
import { writeDraft, type DraftMeta } from '../../offline/drafts';
import { DeviceStorageUnavailable, enqueue, isOffline, list as listOutbox, onSent, subscribe as subscribeOutbox } from '../../offline/outbox';
import { useDeviceAutosave } from '../../offline/useDeviceAutosave';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { call, newIdempotencyKey, type Section, type TemplateItem } from '../agreements/agreements';
import { useIsLandscape } from '../agreements/useIsLandscape';
import { ReflectivePrompts } from '../records/ReflectivePrompts';
import { ChildVoiceFields, childVoiceComplete } from './ChildVoiceFields';
import { DecisionsAndActions, decisionsComplete } from './DecisionsAndActions';
import { DateField } from './fields';
import { SafetyScale } from './SafetyScale';
import { CaseDiscussionReadOnly } from './CaseDiscussionReadOnly';
import {
  caseDiscussionDraftKey,
  caseDiscussionHref,
  caseDiscussionPath,
  clearCaseDiscussionDraft,
  draftFromDiscussion,
  loadCaseDiscussionSections,
  readCaseDiscussionDraft,
  shortfallItems,
  shortfallsByField,
  statusTag,
  toUpdate,
  type CaseDiscussion,
  type CaseDiscussionDraft,
} from './caseDiscussions';
import './caseDiscussions.css';

const CANNOT_KEEP =
  'You are offline and this device cannot keep your changes. Stay on this page and save again when you are back online.';

/** One page of the form: a section of the template, the child's voice, or decisions and actions. */
type Part = { kind: 'template'; name: string; section: Section } | { kind: 'voice'; name: string } | { kind: 'decisions'; name: string };

interface Loaded {
  discussion: CaseDiscussion;
  etag: string | null;
  sections: Section[];
}

const label = (d: CaseDiscussion) => `Case discussion: ${d.child.name} (${d.child.caseNumber}), ${formatDate(d.discussedOn)}`;

/** Item hints that are the Anchor principles' reflective questions: shown collapsed beside the section. */
const isReflective = (item: TemplateItem) => /^Anchor principle/i.test(item.hint ?? '');

/** "What's working well" and "What are we worried about": side by side in landscape (Signs of Safety columns). */
const isWorkingWell = (item: TemplateItem) => item.key === 'working_well' || /working well/i.test(item.label);
const isWorried = (item: TemplateItem) => item.key === 'worries' || /worried about\??$/i.test(item.label);

function problemText(problem: Problem): string {
  if (problem.status === 412) {
    return 'Someone else changed this case discussion since you opened it. Your changes are still saved on this device: reload the page to see theirs.';
  }
  if (problem.status === 0) return 'You are offline. Your changes are saved on this device: try again when you are back online.';
  return problem.errors?.[0]?.message ?? problem.detail ?? problem.title;
}

/** The part of the form holding a field (by element id), or -1 when it is always shown. */
function partOf(parts: Part[], fieldId: string): number {
  if (/^(child-|seen-alone|last-seen-on)/.test(fieldId)) return parts.findIndex((p) => p.kind === 'voice');
  if (/^(decision|action)-/.test(fieldId)) return parts.findIndex((p) => p.kind === 'decisions');
  const m = /^answer-(.+)$/.exec(fieldId);
  if (m) return parts.findIndex((p) => p.kind === 'template' && p.section.items.some((i) => i.key === m[1]));
  return -1;
}

/** Asks before following a link in the app while typing has not reached the service (the browser asks on unload). */
function useConfirmLeaving(unsent: boolean) {
  useEffect(() => {
    if (!unsent) return;
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!anchor || event.defaultPrevented) return;
      const href = anchor.getAttribute('href') ?? '';
      if (href.startsWith('#')) return;
      if (!window.confirm('Your latest changes are saved on this device but not sent yet. Leave this page?')) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [unsent]);
}

export function CaseDiscussionPage({ caseDiscussionId }: { caseDiscussionId: string }) {
  const me = useMe();
  const landscape = useIsLandscape();
  const storageKey = caseDiscussionDraftKey(caseDiscussionId);
  const path = caseDiscussionPath(caseDiscussionId);
  const href = caseDiscussionHref(caseDiscussionId);
  const [loaded, setLoaded] = useState<{ state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; value: Loaded }>({ state: 'loading' });
  const [draft, setDraft] = useState<CaseDiscussionDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState('');
  const [sentAt, setSentAt] = useState('');
  const [waiting, setWaiting] = useState(0);
  const [partIndex, setPartIndex] = useState(0);
  const [errors, setErrors] = useState<ErrorItem[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [accurate, setAccurate] = useState(false);
  const [accurateError, setAccurateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const draftRef = useRef<CaseDiscussionDraft | null>(null);
  draftRef.current = draft;

  usePageTitle('Case discussion', !!errors);
  useConfirmLeaving(dirty);

  // Writes for this case discussion still in the outbox.
  useEffect(() => {
    let live = true;
    const read = () =>
      void listOutbox()
        .then((entries) => {
          if (live) setWaiting(entries.filter((e) => e.path === path || e.path.startsWith(`${path}/`)).length);
        })
        .catch(() => undefined);
    read();
    const off = subscribeOutbox(read);
    return () => {
      live = false;
      off();
    };
  }, [path]);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    (async () => {
      const got = await call(api.GET('/api/v1/case-discussions/{caseDiscussionId}', { params: { path: { caseDiscussionId } }, signal }));
      if (!got.ok) return setLoaded({ state: 'error', problem: got.problem });
      const sections = await loadCaseDiscussionSections(got.data.templateId, signal);
      if (!sections.ok) return setLoaded({ state: 'error', problem: sections.problem });
      const local = got.data.status === 'DRAFT' ? await readCaseDiscussionDraft(storageKey) : null;
      setDraft(local ?? draftFromDiscussion(got.data));
      setDirty(!!local);
      setSavedAt(local?.savedAt ?? '');
      setLoaded({ state: 'ok', value: { discussion: got.data, etag: got.etag, sections: sections.data } });
    })().catch(() => {
      // aborted
    });
    return () => controller.abort();
  }, [caseDiscussionId, storageKey]);

  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  const parties = (d: CaseDiscussion) => ({ supervisorId: d.supervisor.id, superviseeId: d.supervisee.id });

  // What the device keeps beside the typing: its label and the write that would send it (sign-out offers to).
  const describeDraft = useCallback(
    (value: CaseDiscussionDraft): DraftMeta => {
      const current = loadedRef.current;
      if (current.state !== 'ok') return { label: 'Case discussion', href };
      const d = current.value.discussion;
      return {
        label: label(d),
        href,
        send: { method: 'PUT', path, body: toUpdate(value, parties(d)), ifMatch: ifMatchFor(current.value.etag, d), idempotencyKey: newIdempotencyKey(), label: label(d), href },
      };
    },
    [href, path],
  );

  // Save on the device as you type, once more on leaving the page; ask before closing with unsent changes.
  const { flush, discard: discardPendingTyping } = useDeviceAutosave(storageKey, draft, dirty, describeDraft, setSavedAt);

  const sections = useMemo(() => (loaded.state === 'ok' ? loaded.value.sections : []), [loaded]);
  const partsList: Part[] = useMemo(
    () => [
      ...sections.filter((s) => s.items.length > 0).map((section) => ({ kind: 'template' as const, name: section.name, section })),
      { kind: 'voice' as const, name: 'The child’s voice' },
      { kind: 'decisions' as const, name: 'Decisions and actions' },
    ],
    [sections],
  );

  // An error summary link to a field in another part of the form opens that part, then moves to the field.
  const showField = useCallback(
    (fieldId: string) => {
      const index = partOf(partsList, fieldId);
      if (index >= 0) setPartIndex(index);
      // A field shown only after an earlier choice: go to that choice instead.
      window.setTimeout(() => (document.getElementById(fieldId) ?? document.getElementById(index >= 0 && partsList[index]?.kind === 'voice' ? 'child-voice-status' : fieldId))?.focus(), 0);
    },
    [partsList],
  );
  useEffect(() => {
    const onHash = () => {
      const id = decodeURIComponent(window.location.hash.replace(/^#/, ''));
      if (id) showField(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [showField]);

  const change = (patch: Partial<CaseDiscussionDraft>) => {
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setDirty(true);
  };
  const changeAnswer = (key: string, patch: Partial<{ text: string; notApplicable: boolean }>) => {
    setDraft((current) =>
      current ? { ...current, answers: { ...current.answers, [key]: { text: '', notApplicable: false, ...current.answers[key], ...patch } } } : current,
    );
    setDirty(true);
  };

  const replace = (discussion: CaseDiscussion, etag: string | null) =>
    setLoaded((current) => (current.state === 'ok' ? { state: 'ok', value: { ...current.value, discussion, etag: etag ?? current.value.etag } } : current));

  // A queued save of this case discussion reached the service.
  useEffect(
    () =>
      onSent(({ entry, data, etag, at }) => {
        if (entry.path !== path) return;
        if (data && typeof data === 'object' && 'childVoice' in data) replace(data as CaseDiscussion, etag);
        setSentAt(at);
        setNotice(null);
        const now = draftRef.current;
        const current = loadedRef.current;
        // Typing since the save stays on the device.
        if (now && current.state === 'ok' && JSON.stringify(toUpdate(now, parties(current.value.discussion))) === JSON.stringify(entry.body)) {
          discardPendingTyping();
          void clearCaseDiscussionDraft(storageKey);
          setDirty(false);
          setSavedAt('');
        }
        setMessage('Case discussion saved');
      }),
    // discardPendingTyping comes from useDeviceAutosave and is only called when a send arrives; subscribe once per discussion.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one subscription per (path, storageKey), see above
    [path, storageKey],
  );

  /** PUT the draft; ok when the service has it, queued when it waits in the outbox. */
  const saveToServer = async (): Promise<{ ok: boolean; etag: string | null; discussion?: CaseDiscussion; queued?: boolean }> => {
    if (!draft || loaded.state !== 'ok') return { ok: false, etag: null };
    flush();
    const d = loaded.value.discussion;
    const body = toUpdate(draft, parties(d));
    const ifMatch = ifMatchFor(loaded.value.etag, d);
    const queue = async () => {
      const account = deviceAccount();
      try {
        if (!account) throw new DeviceStorageUnavailable();
        // Keep the draft on the device until the service has it.
        const stamped = { ...draft, savedAt: new Date().toISOString() };
        await writeDraft(account, storageKey, stamped, describeDraft(stamped));
        await enqueue({ method: 'PUT', path, body, ifMatch, idempotencyKey: newIdempotencyKey(), label: label(d), href }, { coalesce: true });
      } catch {
        setErrors([{ text: CANNOT_KEEP }]);
        return { ok: false, etag: null };
      }
      setErrors(null);
      return { ok: false, etag: null, queued: true };
    };
    if (isOffline()) return queue();
    const result = await call(
      api.PUT('/api/v1/case-discussions/{caseDiscussionId}', {
        params: { path: { caseDiscussionId }, header: { 'If-Match': ifMatch as string } },
        body,
      }),
    );
    if (!result.ok && result.problem.status === 0) return queue();
    if (!result.ok) {
      const items = shortfallItems(result.problem.errors ?? [], draft);
      setFieldErrors(shortfallsByField(result.problem.errors ?? [], draft));
      setErrors(items.length ? items : [{ text: problemText(result.problem) }]);
      return { ok: false, etag: null };
    }
    discardPendingTyping();
    void clearCaseDiscussionDraft(storageKey);
    setDirty(false);
    setSavedAt('');
    setSentAt(new Date().toISOString());
    setErrors(null);
    setFieldErrors({});
    replace(result.data, result.etag);
    return { ok: true, etag: result.etag ?? ifMatchFor(null, result.data) ?? null, discussion: result.data };
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const saved = await saveToServer();
    setBusy(false);
    if (saved.ok) setMessage('Case discussion saved');
    else if (saved.queued) {
      setMessage(null);
      setNotice('Your case discussion is saved on this device. It will be sent when your connection comes back.');
    }
  };

  /** "Finish and sign": send the latest typing first, so what is missing and the warnings are current. */
  const finish = async () => {
    if (busy) return;
    setMessage(null);
    if (dirty) {
      setBusy(true);
      await saveToServer();
      setBusy(false);
    }
    setFinishing(true);
    window.setTimeout(() => document.getElementById('finish-heading')?.scrollIntoView?.(), 0);
  };

  const sign = async () => {
    if (busy || loaded.state !== 'ok') return;
    if (!accurate) {
      setAccurateError('Confirm that this is an accurate record');
      setErrors([{ text: 'Confirm that this is an accurate record', href: '#accurate' }]);
      return;
    }
    setAccurateError(null);
    setBusy(true);
    let etag = ifMatchFor(loaded.value.etag, loaded.value.discussion) ?? null;
    if (dirty) {
      const saved = await saveToServer();
      if (!saved.ok) return setBusy(false);
      etag = saved.etag;
    }
    const result = await call(
      api.POST('/api/v1/case-discussions/{caseDiscussionId}/signatures', {
        params: { path: { caseDiscussionId }, header: { 'If-Match': etag as string } },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      const shortfalls = result.problem.errors ?? [];
      const items = shortfallItems(shortfalls, draft);
      const byField = shortfallsByField(shortfalls, draft);
      setFieldErrors(byField);
      const first = Object.keys(byField)[0];
      if (first) {
        const index = partOf(partsList, first);
        if (index >= 0) setPartIndex(index);
      }
      const detail = result.problem.detail && items.length ? [{ text: result.problem.detail }] : [];
      return setErrors(items.length ? [...detail, ...items] : [{ text: problemText(result.problem) }]);
    }
    setFieldErrors({});
    setErrors(null);
    setFinishing(false);
    setAccurate(false);
    replace(result.data, result.etag);
    if (result.data.status !== 'SIGNED') {
      const other = result.data.supervisor.id === me?.staff?.id ? result.data.supervisee : result.data.supervisor;
      setMessage(`You have signed the case discussion. It locks when ${other.displayName} has signed too.`);
    } else setMessage(null);
  };

  if (loaded.state !== 'ok' || !draft) {
    return (
      <>
        <h1 className="govuk-heading-l">Case discussion</h1>
        {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} /> : <Loading />}
      </>
    );
  }

  const { discussion } = loaded.value;
  const myId = me?.staff?.id;
  const iAmSupervisor = !!myId && discussion.supervisor.id === myId;
  const isParty = iAmSupervisor || (!!myId && discussion.supervisee.id === myId);
  const back = discussion.sessionId ? `/sessions/${encodeURIComponent(discussion.sessionId)}/record` : '/';
  const caption = `${discussion.child.name}, case number ${discussion.child.caseNumber}`;
  const tag = statusTag(discussion);
  const header = (
    <>
      <BackLink href={back} />
      {errors && <ErrorSummary errors={errors} />}
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">Case discussion</h1>
    </>
  );

  if (discussion.status === 'SIGNED' || !isParty) {
    const other = iAmSupervisor ? discussion.supervisee : discussion.supervisor;
    const lockedText = isParty ? `Signed by you and ${other.displayName}` : `Signed by ${discussion.supervisee.displayName} and ${discussion.supervisor.displayName}`;
    return (
      <>
        {header}
        {discussion.status === 'SIGNED' ? (
          <NotificationBanner type="success" title="Signed" autoFocus={false} heading={lockedText}>
            <p className="govuk-body" data-testid="locked">
              <Tag colour="grey">
                <span aria-hidden="true">🔒 </span>Locked
              </Tag>{' '}
              {discussion.signedAt && `Signed ${formatDate(discussion.signedAt.slice(0, 10))}. `}The case discussion can no longer be changed.
            </p>
          </NotificationBanner>
        ) : (
          <p className="govuk-body" data-testid="status">
            <Tag colour={tag.colour}>{tag.text}</Tag>
          </p>
        )}
        <CaseDiscussionReadOnly discussion={discussion} sections={sections} />
      </>
    );
  }

  const currentIndex = Math.min(partIndex, partsList.length - 1);
  const current = partsList[currentIndex] as Part;
  const mySignature = discussion.signatures.find((s) => s.signer.id === myId);
  const complete = (part: Part) =>
    part.kind === 'voice'
      ? childVoiceComplete(draft.childVoice)
      : part.kind === 'decisions'
        ? decisionsComplete(draft.decisions, draft.actions)
        : part.section.items.every((item) => {
            const a = draft.answers[item.key];
            return !!a && (a.notApplicable || a.text.trim() !== '');
          });

  const nav = (
    <SectionNav
      landscape={landscape}
      ariaLabel="Sections of the case discussion"
      sections={partsList.map((part) => ({ name: part.name, complete: complete(part) }))}
      current={currentIndex}
      onChoose={setPartIndex}
    />
  );

  const answerField = (item: TemplateItem): ReactNode => {
    const answer = draft.answers[item.key] ?? { text: '', notApplicable: false };
    const id = `answer-${item.key}`;
    const hint = isReflective(item) ? undefined : item.hint;
    const error = fieldErrors[id];
    let field: ReactNode;
    if (answer.notApplicable) field = <p className="govuk-body govuk-!-font-weight-bold">{item.label}</p>;
    else if (item.answerType === 'SAFETY_SCALE')
      field = <SafetyScale id={id} legend={item.label} hint={hint} options={item.options} value={answer.text} error={error} onChange={(text) => changeAnswer(item.key, { text })} />;
    else if (item.answerType === 'DATE')
      field = <DateField id={id} legend={item.label} hint={hint} name="the date" value={answer.text} error={error} onChange={(text) => changeAnswer(item.key, { text })} />;
    else if (item.options && item.options.length > 0)
      field = (
        <Radios
          id={id}
          legend={item.label}
          hint={hint}
          error={error}
          options={item.options.map((o) => ({ value: String(o.value), text: o.label }))}
          value={answer.text}
          onChange={(text) => changeAnswer(item.key, { text })}
        />
      );
    else if (item.answerType === 'CLAUSE') field = <p className="govuk-body">{item.label}</p>;
    else
      field = (
        <Textarea id={id} label={item.label} labelClassName="govuk-label--s" hint={hint} error={error} value={answer.text} onChange={(e) => changeAnswer(item.key, { text: e.target.value })} />
      );
    return (
      <div key={item.key} className="govuk-!-margin-bottom-6">
        {field}
        {item.answerType !== 'CLAUSE' && (
          <Checkbox
            id={`na-${item.key}`}
            label={
              <>
                Not applicable<span className="govuk-visually-hidden">: {item.label}</span>
              </>
            }
            checked={answer.notApplicable}
            onChange={(e) => changeAnswer(item.key, { notApplicable: e.target.checked })}
          />
        )}
      </div>
    );
  };

  const templateItems = (items: TemplateItem[]): ReactNode[] => {
    const out: ReactNode[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as TemplateItem;
      const nextItem = items[i + 1];
      if (nextItem && isWorkingWell(item) && isWorried(nextItem)) {
        out.push(
          landscape ? (
            <div className="govuk-grid-row" key={`${item.key}-columns`} data-testid="signs-of-safety-columns">
              <div className="govuk-grid-column-one-half">{answerField(item)}</div>
              <div className="govuk-grid-column-one-half">{answerField(nextItem)}</div>
            </div>
          ) : (
            <div key={`${item.key}-columns`} data-testid="signs-of-safety-columns">
              {answerField(item)}
              {answerField(nextItem)}
            </div>
          ),
        );
        i += 1;
      } else out.push(answerField(item));
    }
    return out;
  };

  const prompts = (part: Part) => {
    if (part.kind !== 'template') return <ReflectivePrompts id={`prompts-${part.kind}`} />;
    const reflective = part.section.items.filter(isReflective);
    if (reflective.length === 0) return <ReflectivePrompts id={`prompts-section-${currentIndex}`} />;
    return (
      <div className="app-reflective-prompts" data-testid="reflective-prompts">
        {reflective.map((item) => (
          <details className="govuk-details" key={item.key}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Reflective prompts: {item.label}</span>
            </summary>
            <div className="govuk-details__text">{item.hint}</div>
          </details>
        ))}
      </div>
    );
  };

  const partBody = (
    <section aria-labelledby="current-section-heading" data-testid="current-section">
      <span className="govuk-caption-m">
        Section {currentIndex + 1} of {partsList.length}
      </span>
      <h2 className="govuk-heading-m" id="current-section-heading">
        {current.name}
      </h2>
      {prompts(current)}
      {current.kind === 'template' && templateItems(current.section.items)}
      {current.kind === 'voice' && <ChildVoiceFields voice={draft.childVoice} errors={fieldErrors} onChange={(patch) => change({ childVoice: { ...draft.childVoice, ...patch } })} />}
      {current.kind === 'decisions' && (
        <DecisionsAndActions
          decisions={draft.decisions}
          actions={draft.actions}
          onDecisions={(decisions) => change({ decisions })}
          onActions={(actions) => change({ actions })}
          supervisorName={discussion.supervisor.displayName}
          superviseeName={discussion.supervisee.displayName}
          errors={fieldErrors}
        />
      )}
      <SectionSteps current={currentIndex} count={partsList.length} onChoose={setPartIndex} className="govuk-button-group govuk-!-margin-top-6" />
    </section>
  );

  return (
    <>
      {header}
      <p className="govuk-body-s app-save-status" role="status" data-testid="save-status">
        {waiting > 0
          ? `Waiting to send (${waiting})`
          : savedAt
            ? `Saved on this device ${formatTime(savedAt)}`
            : sentAt
              ? `Sent ${formatTime(sentAt)}`
              : dirty
                ? 'Not saved yet'
                : ''}
      </p>
      {message && <NotificationBanner type="success" heading={message} />}
      {notice && waiting > 0 && <NotificationBanner title="Important" heading={notice} />}
      <DeviceStorageWarning />
      <p className="govuk-body" data-testid="status">
        <Tag colour={tag.colour}>{tag.text}</Tag> {discussion.supervisee.displayName} with {discussion.supervisor.displayName}
      </p>

      <form noValidate onSubmit={save}>
        <DateField
          id="discussed-on"
          legend="Date of the discussion"
          name="the date of the discussion"
          error={fieldErrors['discussed-on-day']}
          value={draft.discussedOn}
          onChange={(discussedOn) => discussedOn && change({ discussedOn })}
        />
        {landscape ? (
          <div className="govuk-grid-row app-sections">
            <div className="govuk-grid-column-one-third">{nav}</div>
            <div className="govuk-grid-column-two-thirds">{partBody}</div>
          </div>
        ) : (
          <div className="app-sections">
            {nav}
            {partBody}
          </div>
        )}
        <div className="govuk-button-group">
          <Button type="submit" disabled={busy}>
            Save case discussion
          </Button>
          <Button type="button" variant="secondary" onClick={() => void finish()} disabled={busy}>
            Finish and sign
          </Button>
        </div>
      </form>

      {finishing && (
        <section aria-labelledby="finish-heading" data-testid="finish">
          <h2 className="govuk-heading-m" id="finish-heading">
            Finish and sign
          </h2>
          <SummaryList
            rows={[
              { key: 'Child', value: `${discussion.child.name} (case number ${discussion.child.caseNumber})` },
              { key: 'Child’s view', value: childVoiceComplete(draft.childVoice) ? (draft.childVoice.status === 'RECORDED' ? 'Recorded' : 'Could not be obtained, reason given') : 'Not complete' },
              { key: 'Decisions', value: String(draft.decisions.filter((x) => x.text.trim()).length) },
              { key: 'Actions', value: String(draft.actions.filter((x) => x.text.trim()).length) },
            ]}
          />
          {discussion.missing.length > 0 ? (
            <div className="govuk-error-summary" data-testid="missing">
              <div role="alert">
                <h3 className="govuk-error-summary__title">Before it can be signed</h3>
                <div className="govuk-error-summary__body">
                  <ul className="govuk-list govuk-error-summary__list">
                    {shortfallItems(discussion.missing, draft).map((item, index) => (
                      <li key={index}>
                        {item.href ? (
                          <a
                            href={item.href}
                            onClick={(event) => {
                              event.preventDefault();
                              showField((item.href as string).slice(1));
                            }}
                          >
                            {item.text}
                          </a>
                        ) : (
                          item.text
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </div>
          ) : (
            <p className="govuk-body" data-testid="missing-none">
              Nothing stops it being signed.
            </p>
          )}
          {discussion.warnings.length > 0 && (
            <div data-testid="warnings">
              {discussion.warnings.map((w, index) => (
                <WarningText key={index}>{w.message}</WarningText>
              ))}
              <p className="govuk-body">These do not stop you signing.</p>
            </div>
          )}
          {dirty && <p className="govuk-body">Your latest changes will be saved before you sign.</p>}
          {mySignature && !mySignature.current && (
            <p className="govuk-body">
              <Tag colour="orange">Signature out of date, sign again</Tag>
            </p>
          )}
          <Checkbox id="accurate" label="This is an accurate record" checked={accurate} error={accurateError ?? undefined} onChange={(e) => setAccurate(e.target.checked)} />
          <Button type="button" onClick={() => void sign()} disabled={busy}>
            Sign
          </Button>
        </section>
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
                  <Tag colour="orange">Signature out of date, sign again</Tag>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
