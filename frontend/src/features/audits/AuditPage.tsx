import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, type Problem, type Schemas } from '../../api/client';
import { ifMatchFor } from '../../api/etag';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { SectionNav, SectionSteps } from '../../components/SectionNav';
import { BackLink, Button, ErrorSummary, Input, NotificationBanner, SummaryList, Tag, type ErrorItem } from '../../components/govuk';
import { formatDate, formatTime } from '../../format';
import { deviceAccount } from '../../offline/account';
import { DeviceStorageWarning } from '../../offline/DeviceStorageWarning';
import { writeDraft, type DraftMeta } from '../../offline/drafts';
import { DeviceStorageUnavailable, enqueue, isOffline, list as listOutbox, onSent, subscribe as subscribeOutbox } from '../../offline/outbox';
import { useDeviceAutosave } from '../../offline/useDeviceAutosave';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { useIsLandscape } from '../agreements/useIsLandscape';
import { DateField } from '../casediscussions/fields';
import { AuditActions, ChecklistTable, QuestionField, ownerChoices } from './AuditFields';
import { AuditReadOnly } from './AuditReadOnly';
import {
  KIND_TEXT,
  auditDraftKey,
  auditHref,
  auditPath,
  clearAuditDraft,
  draftFromAudit,
  gradeItemOf,
  isBelowGood,
  isQaAuditor,
  loadAuditTemplate,
  partsOf,
  problemItems,
  problemsByField,
  quarterText,
  readAuditDraft,
  sampleHref,
  toUpdate,
  type Audit,
  type AuditDraft,
  type AuditEvidence,
  type AuditPart,
  type TemplateItem,
} from './audits';
import './audits.css';

const CANNOT_KEEP = 'You are offline and this device cannot keep your changes. Stay on this page and save again when you are back online.';

interface Loaded {
  audit: Audit;
  etag: string | null;
  template: Schemas['PolicyTemplate'];
  evidence: AuditEvidence | null;
  manager: Schemas['StaffRef'] | null;
}

const label = (a: Audit) => `Audit of ${a.supervisee.displayName}’s supervision file, ${quarterText(a.quarter)}`;

function problemText(problem: Problem): string {
  if (problem.status === 412) {
    return 'Someone else changed this audit since you opened it. Your changes are still saved on this device: reload the page to see theirs.';
  }
  if (problem.status === 409) return problem.detail ?? 'This audit is completed and can no longer be changed.';
  if (problem.status === 0) return 'You are offline. Your changes are saved on this device: try again when you are back online.';
  return problem.errors?.[0]?.message ?? problem.detail ?? problem.title;
}

/** Asks before following a link in the app while typing has not reached the service (the browser asks on unload). */
function useConfirmLeaving(unsent: boolean) {
  useEffect(() => {
    if (!unsent) return;
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!anchor || event.defaultPrevented || anchor.getAttribute('target') === '_blank') return;
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

/** The page of the form holding a field (by element id); 0 (about the audit) for the period and post. */
function partOf(parts: AuditPart[], fieldId: string, gradeKey: string): number {
  if (/^(action|actions)/.test(fieldId)) return 1 + parts.findIndex((p) => p.items.some((i) => i.key === gradeKey));
  const m = /^answer-(.+)$/.exec(fieldId);
  if (m) return 1 + parts.findIndex((p) => p.items.some((i) => i.key === m[1]));
  return 0;
}

async function loadAll(auditId: string, signal: AbortSignal): Promise<{ ok: true; value: Loaded } | { ok: false; problem: Problem }> {
  const got = await call(api.GET('/api/v1/audits/{auditId}', { params: { path: { auditId } }, signal }));
  if (!got.ok) return got;
  const [template, evidence, manager] = await Promise.all([
    loadAuditTemplate(got.data.templateId, signal),
    call(api.GET('/api/v1/audits/{auditId}/evidence', { params: { path: { auditId } }, signal })),
    got.data.status === 'DRAFT'
      ? call(api.GET('/api/v1/staff/{staffId}', { params: { path: { staffId: got.data.supervisor.id } }, signal }))
      : Promise.resolve(null),
  ]);
  if (!template.ok) return template;
  return {
    ok: true,
    value: {
      audit: got.data,
      etag: got.etag,
      template: template.data,
      evidence: evidence.ok ? evidence.data : null,
      manager: manager && manager.ok ? (manager.data.supervisor ?? null) : null,
    },
  };
}

export function AuditPage({ auditId }: { auditId: string }) {
  const me = useMe();
  const landscape = useIsLandscape();
  const storageKey = auditDraftKey(auditId);
  const path = auditPath(auditId);
  const href = auditHref(auditId);
  const [loaded, setLoaded] = useState<{ state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; value: Loaded }>({ state: 'loading' });
  const [draft, setDraft] = useState<AuditDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState('');
  const [sentAt, setSentAt] = useState('');
  const [waiting, setWaiting] = useState(0);
  const [partIndex, setPartIndex] = useState(0);
  const [errors, setErrors] = useState<ErrorItem[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [justCompleted, setJustCompleted] = useState(false);
  const [busy, setBusy] = useState(false);
  const draftRef = useRef<AuditDraft | null>(null);
  draftRef.current = draft;

  usePageTitle(justCompleted ? 'Audit completed and signed' : 'Supervision file audit', !!errors);
  useConfirmLeaving(dirty);

  // Writes for this audit still in the outbox.
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
    (async () => {
      const result = await loadAll(auditId, controller.signal);
      if (!result.ok) return setLoaded({ state: 'error', problem: result.problem });
      const local = result.value.audit.status === 'DRAFT' ? await readAuditDraft(storageKey) : null;
      setDraft(local ?? draftFromAudit(result.value.audit));
      setDirty(!!local);
      setSavedAt(local?.savedAt ?? '');
      setLoaded({ state: 'ok', value: result.value });
    })().catch(() => {
      // aborted
    });
    return () => controller.abort();
  }, [auditId, storageKey]);

  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  const items = useMemo(() => (loaded.state === 'ok' ? loaded.value.template.items : []), [loaded]);
  const parts = useMemo(() => partsOf(items), [items]);
  const gradeKey = gradeItemOf(items)?.key ?? 'q13a';
  const gradeKeyRef = useRef(gradeKey);
  gradeKeyRef.current = gradeKey;

  const describeDraft = useCallback(
    (value: AuditDraft): DraftMeta => {
      const current = loadedRef.current;
      if (current.state !== 'ok') return { label: 'Supervision file audit', href };
      const a = current.value.audit;
      return {
        label: label(a),
        href,
        send: { method: 'PUT', path, body: toUpdate(value, gradeKeyRef.current), ifMatch: ifMatchFor(current.value.etag, a), idempotencyKey: newIdempotencyKey(), label: label(a), href },
      };
    },
    [href, path],
  );

  // Save on the device as you type, once more on leaving the page; ask before closing with unsent changes.
  const { flush, discard: discardPendingTyping } = useDeviceAutosave(storageKey, draft, dirty, describeDraft, setSavedAt);

  // An error summary link to a field in another page of the form opens that page, then moves to the field.
  const showField = useCallback(
    (fieldId: string) => {
      setPartIndex(partOf(parts, fieldId, gradeKey));
      window.setTimeout(() => document.getElementById(fieldId)?.focus(), 0);
    },
    [parts, gradeKey],
  );
  useEffect(() => {
    const onHash = () => {
      const id = decodeURIComponent(window.location.hash.replace(/^#/, ''));
      if (id) showField(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [showField]);

  const change = (patch: Partial<AuditDraft>) => {
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setDirty(true);
  };
  const changeAnswer = (key: string, value: string) => {
    setDraft((current) => (current ? { ...current, answers: { ...current.answers, [key]: value } } : current));
    setDirty(true);
  };

  const replace = (audit: Audit, etag: string | null) =>
    setLoaded((current) => (current.state === 'ok' ? { state: 'ok', value: { ...current.value, audit, etag: etag ?? current.value.etag } } : current));

  // A queued save of this audit reached the service.
  useEffect(
    () =>
      onSent(({ entry, data, etag, at }) => {
        if (entry.path !== path) return;
        if (data && typeof data === 'object' && 'missing' in data && 'answers' in data) replace(data as Audit, etag);
        setSentAt(at);
        setNotice(null);
        const now = draftRef.current;
        // Typing since the save stays on the device.
        if (now && JSON.stringify(toUpdate(now, gradeKeyRef.current)) === JSON.stringify(entry.body)) {
          discardPendingTyping();
          void clearAuditDraft(storageKey);
          setDirty(false);
          setSavedAt('');
        }
        setMessage('Audit saved');
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one subscription per (path, storageKey); discardPendingTyping is stable
    [path, storageKey],
  );

  /** PUT the draft; ok when the service has it, queued when it waits in the outbox. */
  const saveToServer = async (): Promise<{ ok: boolean; etag: string | null; audit?: Audit; queued?: boolean }> => {
    if (!draft || loaded.state !== 'ok') return { ok: false, etag: null };
    flush();
    const a = loaded.value.audit;
    const body = toUpdate(draft, gradeKey);
    const ifMatch = ifMatchFor(loaded.value.etag, a);
    const queue = async () => {
      const account = deviceAccount();
      try {
        if (!account) throw new DeviceStorageUnavailable();
        // Keep the draft on the device until the service has it.
        const stamped = { ...draft, savedAt: new Date().toISOString() };
        await writeDraft(account, storageKey, stamped, describeDraft(stamped));
        await enqueue({ method: 'PUT', path, body, ifMatch, idempotencyKey: newIdempotencyKey(), label: label(a), href }, { coalesce: true });
      } catch {
        setErrors([{ text: CANNOT_KEEP }]);
        return { ok: false, etag: null };
      }
      setErrors(null);
      return { ok: false, etag: null, queued: true };
    };
    if (isOffline()) return queue();
    const result = await call(api.PUT('/api/v1/audits/{auditId}', { params: { path: { auditId }, header: { 'If-Match': ifMatch as string } }, body }));
    if (!result.ok && result.problem.status === 0) return queue();
    if (!result.ok) {
      const found = result.problem.errors ?? [];
      const list = problemItems(found, draft, gradeKey);
      const byField = problemsByField(found, draft, gradeKey);
      setFieldErrors(byField);
      setErrors(list.length ? list : [{ text: problemText(result.problem) }]);
      const first = Object.keys(byField)[0];
      if (first) setPartIndex(partOf(parts, first, gradeKey));
      return { ok: false, etag: null };
    }
    discardPendingTyping();
    void clearAuditDraft(storageKey);
    setDirty(false);
    setSavedAt('');
    setSentAt(new Date().toISOString());
    setErrors(null);
    setFieldErrors({});
    replace(result.data, result.etag);
    return { ok: true, etag: result.etag ?? ifMatchFor(null, result.data) ?? null, audit: result.data };
  };

  const queuedNotice = () => {
    setMessage(null);
    setNotice('Your audit is saved on this device. It will be sent when your connection comes back.');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const saved = await saveToServer();
    setBusy(false);
    if (saved.ok) setMessage('Audit saved');
    else if (saved.queued) queuedNotice();
  };

  /** Moving to another page of the form sends what was typed (saves as you go); offline it waits in the outbox. */
  const choosePart = (index: number) => {
    setPartIndex(index);
    setMessage(null);
    if (dirty && !busy) {
      setBusy(true);
      void saveToServer().then((saved) => {
        setBusy(false);
        if (saved.queued) queuedNotice();
      });
    }
  };

  /** "Complete and sign": send the latest typing, say what is missing, else complete; 422s are shown at their fields. */
  const complete = async () => {
    if (busy || loaded.state !== 'ok' || !draft) return;
    setMessage(null);
    setBusy(true);
    let current = loaded.value.audit;
    let etag = ifMatchFor(loaded.value.etag, current) ?? null;
    if (dirty) {
      const saved = await saveToServer();
      if (!saved.ok) {
        setBusy(false);
        if (saved.queued) {
          setNotice('You are offline. Your audit is saved on this device; complete and sign it when you are back online.');
        }
        return;
      }
      current = saved.audit ?? current;
      etag = saved.etag;
    }
    const show = (found: { pointer: string; message: string }[], fallback: Problem | null) => {
      const list = problemItems(found, draft, gradeKey);
      const byField = problemsByField(found, draft, gradeKey);
      setFieldErrors(byField);
      const first = Object.keys(byField)[0];
      if (first) setPartIndex(partOf(parts, first, gradeKey));
      setErrors(list.length ? list : fallback ? [{ text: problemText(fallback) }] : []);
    };
    if (current.missing.length > 0) {
      setBusy(false);
      return show(current.missing, null);
    }
    const result = await call(api.POST('/api/v1/audits/{auditId}/completion', { params: { path: { auditId }, header: { 'If-Match': etag as string } } }));
    setBusy(false);
    if (!result.ok) return show(result.problem.errors ?? [], result.problem);
    discardPendingTyping();
    void clearAuditDraft(storageKey);
    setDirty(false);
    setFieldErrors({});
    setErrors(null);
    replace(result.data, result.etag);
    setJustCompleted(true);
    window.scrollTo?.(0, 0);
  };

  if (loaded.state !== 'ok' || !draft) {
    return (
      <>
        <h1 className="govuk-heading-l">Supervision file audit</h1>
        {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} /> : <Loading />}
      </>
    );
  }

  const { audit, evidence, template, manager } = loaded.value;
  const isAuditor = !!me?.staff?.id && audit.auditor.id === me.staff.id;
  const back = audit.sampleId && isQaAuditor(me) ? sampleHref(audit.sampleId) : '/audits';
  const caption = `${audit.supervisee.displayName}, supervised by ${audit.supervisor.displayName}`;
  const editable = audit.status === 'DRAFT' && isAuditor;

  const headerRows = [
    { key: 'Manager audited', value: `${audit.supervisor.displayName}${audit.supervisor.jobTitle ? `, ${audit.supervisor.jobTitle}` : ''}` },
    { key: 'Team', value: audit.team ? `${audit.team.name}${audit.service ? `, ${audit.service.name}` : ''}` : 'No team' },
    { key: 'Auditor and post', value: `${audit.auditor.displayName}${audit.auditorPost ? `, ${audit.auditorPost}` : ''}` },
    { key: 'Team member audited', value: audit.supervisee.displayName },
    { key: 'Audit date', value: formatDate(audit.auditedOn) },
    { key: 'Period audited', value: `${formatDate(audit.periodFrom)} to ${formatDate(audit.periodTo)}` },
    { key: 'Kind of audit', value: `${KIND_TEXT[audit.kind] ?? 'Audit'}, ${quarterText(audit.quarter)}` },
  ];

  const guidance = template.guidance && (
    <details className="govuk-details" data-testid="guidance">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Guidance for auditors</span>
      </summary>
      <div className="govuk-details__text app-pre-wrap">{template.guidance}</div>
    </details>
  );

  if (!editable) {
    return (
      <>
        <BackLink href={back} />
        {justCompleted ? (
          <div className="govuk-panel govuk-panel--confirmation" data-testid="completed-panel">
            <h1 className="govuk-panel__title">Audit completed and signed</h1>
            <div className="govuk-panel__body">
              {audit.questionnaireIssuedAt
                ? `The Part 2 questionnaire has been sent to ${audit.supervisee.displayName}`
                : `The audit of ${audit.supervisee.displayName}’s supervision file is locked`}
            </div>
          </div>
        ) : (
          <>
            <span className="govuk-caption-l">{caption}</span>
            <h1 className="govuk-heading-l">Supervision file audit</h1>
          </>
        )}
        {justCompleted && <h2 className="govuk-heading-l">{caption}</h2>}
        <SummaryList rows={headerRows} />
        <AuditReadOnly audit={audit} parts={parts} showCrossCheck={isQaAuditor(me)} />
      </>
    );
  }

  const partsList = [{ name: 'About this audit', items: [] as TemplateItem[] }, ...parts];
  const currentIndex = Math.min(partIndex, partsList.length - 1);
  const current = partsList[currentIndex] as AuditPart;
  const answered = (item: TemplateItem) => !item.required || (draft.answers[item.key] ?? '').trim() !== '';
  const complete_ = (index: number) => {
    if (index === 0) return !!draft.periodFrom && !!draft.periodTo;
    const part = partsList[index] as AuditPart;
    const actionsOk =
      !part.items.some((i) => i.key === gradeKey) ||
      !isBelowGood(draft.answers[gradeKey]) ||
      (draft.actions.length > 0 && draft.actions.every((a) => a.text.trim() && a.ownerId && a.dueDate));
    return part.items.every(answered) && actionsOk;
  };

  const nav = (
    <SectionNav
      landscape={landscape}
      ariaLabel="Sections of the audit"
      pickerLabel="Section of the audit"
      sections={partsList.map((part, index) => ({ name: part.name, complete: complete_(index) }))}
      current={currentIndex}
      onChoose={choosePart}
    />
  );

  const renderItems = (list: TemplateItem[]) => {
    const out: ReactNode[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as TemplateItem;
      if (item.answerType === 'YES_NO_NA') {
        const run: TemplateItem[] = [];
        while (i < list.length && (list[i] as TemplateItem).answerType === 'YES_NO_NA') run.push(list[i++] as TemplateItem);
        i -= 1;
        out.push(<ChecklistTable key={`checklist-${run[0]?.key}`} items={run} answers={draft.answers} errors={fieldErrors} evidence={evidence} onChange={changeAnswer} />);
        continue;
      }
      out.push(
        <QuestionField key={item.key} item={item} value={draft.answers[item.key] ?? ''} error={fieldErrors[`answer-${item.key}`]} evidence={evidence} onChange={(value) => changeAnswer(item.key, value)} />,
      );
      if (item.key === gradeKey && isBelowGood(draft.answers[gradeKey])) {
        out.push(
          <AuditActions key="actions" actions={draft.actions} owners={ownerChoices(audit, manager)} errors={fieldErrors} onChange={(actions) => change({ actions })} />,
        );
      }
    }
    return out;
  };

  const partBody = (
    <section aria-labelledby="current-section-heading" data-testid="current-section">
      <span className="govuk-caption-m">
        Section {currentIndex + 1} of {partsList.length}
      </span>
      <h2 className="govuk-heading-m" id="current-section-heading">
        {current.name}
      </h2>
      {currentIndex === 0 ? (
        <>
          <DateField id="period-from" legend="Period audited: from" name="the start of the period" error={fieldErrors['period-from-day']} value={draft.periodFrom} onChange={(periodFrom) => change({ periodFrom })} />
          <DateField id="period-to" legend="Period audited: to" name="the end of the period" error={fieldErrors['period-to-day']} value={draft.periodTo} onChange={(periodTo) => change({ periodTo })} />
          <Input id="auditor-post" label="Your post" hint="As it should appear on the audit" error={fieldErrors['auditor-post']} value={draft.auditorPost} onChange={(e) => change({ auditorPost: e.target.value })} className="govuk-!-width-two-thirds" />
        </>
      ) : (
        renderItems(current.items)
      )}
      <SectionSteps current={currentIndex} count={partsList.length} onChoose={choosePart} className="govuk-button-group govuk-!-margin-top-6" />
    </section>
  );

  return (
    <>
      <BackLink href={back} />
      {errors && <ErrorSummary errors={errors} />}
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">Supervision file audit</h1>
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
      {notice && <NotificationBanner title="Important" heading={notice} />}
      <DeviceStorageWarning />
      <p className="govuk-body" data-testid="status">
        <Tag colour="blue">In progress</Tag> Due to be completed and signed by you
      </p>
      <SummaryList rows={headerRows} />
      {guidance}

      <form noValidate onSubmit={save}>
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
        {audit.missing.length > 0 && (
          <p className="govuk-body" data-testid="missing-count">
            {audit.missing.length === 1 ? '1 thing is' : `${audit.missing.length} things are`} still missing before it can be completed (as last
            saved). “Complete and sign” lists {audit.missing.length === 1 ? 'it' : 'them'}.
          </p>
        )}
        <div className="govuk-button-group">
          <Button type="submit" disabled={busy}>
            Save audit
          </Button>
          <Button type="button" variant="secondary" onClick={() => void complete()} disabled={busy}>
            Complete and sign
          </Button>
        </div>
      </form>
    </>
  );
}
