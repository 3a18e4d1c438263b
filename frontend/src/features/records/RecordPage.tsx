import { ifMatchFor } from '../../api/etag';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { NextDatesPanel } from './NextDatesPanel';
import { api, type Problem } from '../../api/client';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { SectionNav, SectionSteps } from '../../components/SectionNav';
import {
  BackLink,
  Button,
  Checkbox,
  ErrorMessage,
  ErrorSummary,
  Input,
  NotificationBanner,
  SummaryList,
  Tag,
  Textarea,
  classNames,
  type ErrorItem,
} from '../../components/govuk';
import { formatDate, formatTime } from '../../format';
import { usePageTitle } from '../../usePageTitle';
import { DeviceStorageUnavailable, enqueue, isOffline, list as listOutbox, onSent, subscribe as subscribeOutbox } from '../../offline/outbox';
import { deviceAccount } from '../../offline/account';
import { writeDraft, type DraftMeta } from '../../offline/drafts';
import { DeviceStorageWarning } from '../../offline/DeviceStorageWarning';
import { useMe } from '../auth/AuthContext';
import { call, newIdempotencyKey, type Section } from '../agreements/agreements';
import { useIsLandscape } from '../agreements/useIsLandscape';
import { DateInput, partsOf, type DateParts } from '../sessions/DateInput';
import { checkDate } from '../sessions/dateChecks';
import { dateFromParts, sessionHref, type Session } from '../sessions/sessions';
import { AgreedActions } from './AgreedActions';
import { AuditOutcomesSection } from './AuditOutcomesSection';
import { ProposedAgenda } from './ProposedAgenda';
import { ReflectivePrompts } from './ReflectivePrompts';
import {
  NOTE_TEXT,
  OUTCOMES,
  OUTCOME_TEXT,
  clearRecordDraft,
  draftFromRecord,
  loadAgendaSections,
  mayAddAddendum,
  recordStatusTag,
  signatureWords,
  readRecordDraft,
  recordDraftKey,
  toUpdate,
  type Action,
  type NoteKind,
  type Outcome,
  type RecordDraft,
  type SessionRecord,
} from './records';
import { useDeviceAutosave } from '../../offline/useDeviceAutosave';
import { ShortSessionWarning } from '../sessions/ShortSessions';
import { sectionOf, signErrors, useEntryLinks } from './requiredItems';
import { CaseDiscussionsInSession } from '../casediscussions/CaseDiscussionsInSession';

const recordPath = (sessionId: string) => `/api/v1/sessions/${encodeURIComponent(sessionId)}/record`;
const recordHref = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/record`;
const recordLabel = (session: Session) =>
  `Session record: ${session.supervisees.map((s) => s.displayName).join(', ')}, ${formatDate(session.date)}`;

/** Said when an offline save cannot be kept: this device cannot save changes. */
const CANNOT_KEEP =
  'You are offline and this device cannot keep your changes. Stay on this page and save again when you are back online.';

/** How long typing may pause before the record is saved on the device. */
interface Loaded {
  session: Session;
  record: SessionRecord;
  etag: string | null;
  sections: Section[];
}

function problemText(problem: Problem): string {
  if (problem.status === 412) {
    return 'Someone else changed this record since you opened it. Your changes are still saved on this device: reload the page to see theirs.';
  }
  if (problem.status === 0) return 'You are offline. Your changes are saved on this device: try again when you are back online.';
  const first = problem.errors?.[0]?.message;
  return first ?? problem.detail ?? problem.title;
}

function Radios<T extends string>({
  name,
  legend,
  legendClassName,
  options,
  value,
  onChange,
  inline,
  error,
}: {
  name: string;
  legend: ReactNode;
  legendClassName?: string;
  options: { value: T; text: string }[];
  value: T | undefined;
  onChange: (value: T) => void;
  inline?: boolean;
  error?: string;
}) {
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${name}-error` : undefined}>
        <legend className={classNames('govuk-fieldset__legend', legendClassName ?? 'govuk-fieldset__legend--s')}>{legend}</legend>
        {error && <ErrorMessage id={name}>{error}</ErrorMessage>}
        <div className={classNames('govuk-radios', 'govuk-radios--small', inline && 'govuk-radios--inline')} data-module="govuk-radios">
          {options.map((option, index) => (
            <div className="govuk-radios__item" key={option.value}>
              <input
                className="govuk-radios__input"
                id={index === 0 ? name : `${name}-${index + 1}`}
                name={name}
                type="radio"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={index === 0 ? name : `${name}-${index + 1}`}>
                {option.text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

const sectionComplete = (section: Section, draft: RecordDraft) =>
  section.items.every((item) => {
    const entry = draft.entries[item.key];
    return !!entry && (entry.notApplicable || entry.text.trim() !== '');
  });

function NotesList({ record }: { record: SessionRecord }) {
  if (record.notes.length === 0) return <p className="govuk-body">No comments yet.</p>;
  return (
    <ul className="govuk-list" data-testid="notes">
      {record.notes.map((note, index) => (
        <li key={index} className="govuk-!-margin-bottom-4">
          <Tag colour={note.kind === 'DISAGREEMENT' ? 'orange' : 'grey'}>{NOTE_TEXT[note.kind]}</Tag>{' '}
          <strong>{note.author.displayName}</strong>, {formatDate(note.createdAt.slice(0, 10))} at {formatTime(note.createdAt)}
          <p className="govuk-body app-pre-wrap govuk-!-margin-top-1">{note.text}</p>
        </li>
      ))}
    </ul>
  );
}

export function SignaturesList({ record }: { record: SessionRecord }) {
  if (record.signatures.length === 0) return <p className="govuk-body">Nobody has signed yet.</p>;
  return (
    <ul className="govuk-list" data-testid="signatures">
      {record.signatures.map((s, index) => (
        <li key={index}>
          {s.signer.displayName}, signed {formatDate(s.signedAt.slice(0, 10))} at {formatTime(s.signedAt)}
          {signatureWords(s, record) && (
            <>
              {' '}
              <Tag colour={signatureWords(s, record)?.colour}>{signatureWords(s, record)?.text}</Tag>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The add-a-note form: comment, amendment or disagreement before signing; addendum after. */
function NoteForm({
  sessionId,
  kinds,
  heading,
  onAdded,
  onQueued,
}: {
  sessionId: string;
  kinds: NoteKind[];
  heading: string;
  onAdded: (record: SessionRecord, etag: string | null) => void;
  onQueued?: () => void;
}) {
  const [kind, setKind] = useState<NoteKind | undefined>(kinds.length === 1 ? kinds[0] : undefined);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (!kind) return setError('Select what kind of note this is');
    if (!text.trim()) return setError('Enter the text of your note');
    setSending(true);
    const queue = async () => {
      try {
        await enqueue({
          method: 'POST',
          path: `/api/v1/sessions/${encodeURIComponent(sessionId)}/record/notes`,
          body: { kind, text: text.trim() },
          idempotencyKey: key.current,
          label: `${NOTE_TEXT[kind]} on a session record`,
          href: recordHref(sessionId),
        });
      } catch {
        setSending(false);
        return setError(CANNOT_KEEP);
      }
      key.current = newIdempotencyKey();
      setSending(false);
      setText('');
      setError(null);
      onQueued?.();
    };
    if (isOffline()) return queue();
    const result = await call(
      api.POST('/api/v1/sessions/{sessionId}/record/notes', {
        params: { path: { sessionId }, header: { 'Idempotency-Key': key.current } },
        body: { kind, text: text.trim() },
      }),
    );
    if (!result.ok && result.problem.status === 0) return queue();
    setSending(false);
    if (!result.ok) return setError(problemText(result.problem));
    key.current = newIdempotencyKey();
    setText('');
    setError(null);
    onAdded(result.data, result.etag);
  };
  return (
    <form noValidate onSubmit={submit} data-testid="note-form">
      <h2 className="govuk-heading-m">{heading}</h2>
      {error && <ErrorMessage id="note-text">{error}</ErrorMessage>}
      {kinds.length > 1 && (
        <Radios
          name="note-kind"
          legend="What kind of note is it?"
          options={kinds.map((k) => ({ value: k, text: NOTE_TEXT[k] }))}
          value={kind}
          onChange={setKind}
          inline
        />
      )}
      <Textarea id="note-text" label={kinds.length === 1 ? NOTE_TEXT[kinds[0] as NoteKind] : 'Your note'} value={text} onChange={(e) => setText(e.target.value)} />
      <Button type="submit" variant="secondary" disabled={sending}>
        {kinds.length === 1 && kinds[0] === 'ADDENDUM' ? 'Add the addendum' : 'Add note'}
      </Button>
    </form>
  );
}

function ReadOnlyRecord({ loaded, actions }: { loaded: Loaded; actions: Action[] }) {
  const { record, sections } = loaded;
  const reviewed = record.actionReviews;
  const entry = (key: string) => record.entries.find((e) => e.key === key);
  return (
    <div data-testid="read-only-record">
      <ProposedAgenda items={record.proposedAgenda ?? []} />
      <h2 className="govuk-heading-m">Previous actions</h2>
      {reviewed.length === 0 ? (
        <p className="govuk-body">No previous actions were reviewed.</p>
      ) : (
        <SummaryList
          rows={reviewed.map((r) => ({
            key: record.openActions.find((a) => a.id === r.actionId)?.text ?? 'Action',
            value: (
              <>
                {OUTCOME_TEXT[r.outcome]}
                {r.note && <span className="govuk-hint app-block govuk-!-margin-bottom-0">{r.note}</span>}
              </>
            ),
          }))}
        />
      )}
      {sections.map((section) => (
        <section key={section.name}>
          <h2 className="govuk-heading-m">{section.name}</h2>
          <SummaryList
            rows={section.items.map((item) => {
              const e = entry(item.key);
              return {
                key: item.label,
                value: e?.notApplicable ? 'Not applicable' : e?.text ? <span className="app-pre-wrap">{e.text}</span> : 'Not recorded',
              };
            })}
          />
        </section>
      ))}
      <AuditOutcomesSection outcomes={record.auditOutcomes} value={record.supervisoryPractice ?? ''} readOnly />
      <h2 className="govuk-heading-m">The rest of the record</h2>
      <SummaryList
        rows={[
          { key: 'Reflection on practice', value: record.reflection ? <span className="app-pre-wrap">{record.reflection}</span> : 'Not recorded' },
          { key: 'Personal issues discussed', value: record.personalIssuesDiscussed ? 'Yes' : 'No' },
          ...(record.confidentialNotes
            ? [{ key: 'Confidential notes', value: <span className="app-pre-wrap">{record.confidentialNotes}</span> }]
            : record.confidentialNotesWithheld
              ? [{ key: 'Confidential notes', value: 'Confidential notes withheld' }]
              : []),
          {
            key: 'Actions agreed',
            value: actions.length ? (
              <ul className="govuk-list">
                {actions.map((a) => (
                  <li key={a.id}>
                    {a.text} ({a.owner.displayName}, due {formatDate(a.dueDate)})
                  </li>
                ))}
              </ul>
            ) : (
              'None'
            ),
          },
          { key: 'Future agenda items', value: record.futureAgenda ? <span className="app-pre-wrap">{record.futureAgenda}</span> : 'None' },
          { key: 'Date of next session', value: record.nextDate ? formatDate(record.nextDate) : 'Not set' },
        ]}
      />
    </div>
  );
}

export function RecordPage({ sessionId }: { sessionId: string }) {
  const me = useMe();
  const landscape = useIsLandscape();
  const storageKey = recordDraftKey(sessionId);
  const [loaded, setLoaded] = useState<{ state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; value: Loaded }>({
    state: 'loading',
  });
  const [draft, setDraft] = useState<RecordDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState('');
  const [sentAt, setSentAt] = useState('');
  const [sectionIndex, setSectionIndex] = useState(0);
  const [actions, setActions] = useState<Action[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<ErrorItem[] | null>(null);
  const [entryErrors, setEntryErrors] = useState<Record<string, string>>({});
  const [finishing, setFinishing] = useState(false);
  const [accurate, setAccurate] = useState(false);
  const [accurateError, setAccurateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The next date as typed (day, month, year); the draft keeps it as a date once it is a real one.
  const [nextDate, setNextDate] = useState<DateParts | null>(null);
  const [nextDateError, setNextDateError] = useState<{ message: string; fields: (keyof DateParts)[] } | null>(null);
  const [waiting, setWaiting] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const draftRef = useRef<RecordDraft | null>(null);
  draftRef.current = draft;

  // Writes for this record still in the outbox.
  useEffect(() => {
    let live = true;
    const prefix = recordPath(sessionId);
    const read = () =>
      void listOutbox()
        .then((entries) => {
          if (live) setWaiting(entries.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}/`)).length);
        })
        .catch(() => undefined);
    read();
    const off = subscribeOutbox(read);
    return () => {
      live = false;
      off();
    };
  }, [sessionId]);

  usePageTitle('Session record', !!errors);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    (async () => {
      const session = await call(api.GET('/api/v1/sessions/{sessionId}', { params: { path: { sessionId } }, signal }));
      if (!session.ok) return setLoaded({ state: 'error', problem: session.problem });
      const record = await call(api.GET('/api/v1/sessions/{sessionId}/record', { params: { path: { sessionId } }, signal }));
      if (!record.ok) return setLoaded({ state: 'error', problem: record.problem });
      const sections = await loadAgendaSections(record.data.templateId, signal);
      if (!sections.ok) return setLoaded({ state: 'error', problem: sections.problem });
      const superviseeId = session.data.supervisees[0]?.id;
      if (superviseeId) {
        const listed = await call(api.GET('/api/v1/actions', { params: { query: { superviseeId, limit: 100 } }, signal }));
        if (listed.ok) setActions(listed.data.items.filter((a) => a.createdInSessionId === sessionId));
      }
      const local = record.data.status === 'DRAFT' ? await readRecordDraft(storageKey) : null;
      setDraft(local ?? draftFromRecord(record.data));
      setDirty(!!local);
      setSavedAt(local?.savedAt ?? '');
      setLoaded({ state: 'ok', value: { session: session.data, record: record.data, etag: record.etag, sections: sections.data } });
    })().catch(() => {
      // aborted
    });
    return () => controller.abort();
  }, [sessionId, storageKey]);

  // What the device keeps beside the typing: the label and the write that would send it (sign-out offers to).
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  const describeDraft = useCallback(
    (value: RecordDraft): DraftMeta => {
      const current = loadedRef.current;
      const href = recordHref(sessionId);
      if (current.state !== 'ok') return { label: 'Session record', href };
      const label = recordLabel(current.value.session);
      return {
        label,
        href,
        send: { method: 'PUT', path: recordPath(sessionId), body: toUpdate(value), ifMatch: ifMatchFor(current.value.etag, current.value.record), idempotencyKey: newIdempotencyKey(), label, href },
      };
    },
    [sessionId],
  );

  // Save on the device as you type, once more on leaving the page; ask before closing with unsent changes.
  const { flush, discard: discardPendingTyping } = useDeviceAutosave(storageKey, draft, dirty, describeDraft, setSavedAt);

  const sections = useMemo(() => (loaded.state === 'ok' ? loaded.value.sections : []), [loaded]);
  const nonEmpty = useMemo(() => sections.filter((s) => s.items.length > 0), [sections]);
  useEntryLinks(nonEmpty, setSectionIndex);

  const change = (patch: Partial<RecordDraft>) => {
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setDirty(true);
  };
  const changeEntry = (key: string, patch: Partial<{ text: string; notApplicable: boolean }>) => {
    setDraft((current) =>
      current
        ? { ...current, entries: { ...current.entries, [key]: { text: '', notApplicable: false, ...current.entries[key], ...patch } } }
        : current,
    );
    setDirty(true);
  };
  const changeReview = (actionId: string, patch: Partial<{ outcome: Outcome; note: string }>) => {
    setDraft((current) =>
      current ? { ...current, reviews: { ...current.reviews, [actionId]: { note: '', ...current.reviews[actionId], ...patch } } } : current,
    );
    setDirty(true);
  };

  const replaceRecord = (record: SessionRecord, etag: string | null) => {
    setLoaded((current) => (current.state === 'ok' ? { state: 'ok', value: { ...current.value, record, etag: etag ?? current.value.etag } } : current));
  };

  // A queued write for this record reached the service.
  useEffect(
    () =>
      onSent(({ entry, data, etag, at }) => {
        const path = recordPath(sessionId);
        if (entry.path !== path && !entry.path.startsWith(`${path}/`)) return;
        if (data && typeof data === 'object' && 'entries' in data) {
          setLoaded((current) =>
            current.state === 'ok'
              ? { state: 'ok', value: { ...current.value, record: data as SessionRecord, etag: etag ?? current.value.etag } }
              : current,
          );
        }
        setSentAt(at);
        setNotice(null);
        if (entry.method === 'PUT') {
          const now = draftRef.current;
          // Typing since the save stays on the device.
          if (now && JSON.stringify(toUpdate(now)) === JSON.stringify(entry.body)) {
            discardPendingTyping();
            void clearRecordDraft(storageKey);
            setDirty(false);
            setSavedAt('');
          }
          setMessage('Record saved');
        } else {
          setMessage('Your note has been added');
        }
      }),
    // discardPendingTyping comes from useDeviceAutosave and is only called when a send arrives; subscribe once per record.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one subscription per (sessionId, storageKey), see above
    [sessionId, storageKey],
  );

  /** A fresh ETag when a response carried none. */
  const refetch = async (): Promise<string | null> => {
    const got = await call(api.GET('/api/v1/sessions/{sessionId}/record', { params: { path: { sessionId } } }));
    if (got.ok) {
      replaceRecord(got.data, got.etag);
      return got.etag;
    }
    return null;
  };

  /** PUT the draft; true when the server has it. */
  const saveToServer = async (): Promise<{ ok: boolean; etag: string | null; queued?: boolean }> => {
    if (!draft || loaded.state !== 'ok') return { ok: false, etag: null };
    const dateProblem = nextDate ? checkDate(nextDate, 'the date of the next session', { required: false }) : null;
    setNextDateError(dateProblem);
    if (dateProblem) {
      setErrors([{ text: dateProblem.message, href: '#next-date-day' }]);
      return { ok: false, etag: null };
    }
    flush();
    const body = toUpdate(draft);
    const ifMatch = ifMatchFor(loaded.value.etag, loaded.value.record);
    const queue = async () => {
      const account = deviceAccount();
      try {
        if (!account) throw new DeviceStorageUnavailable();
        // Keep the draft on the device until the service has it.
        const stamped = { ...draft, savedAt: new Date().toISOString() };
        await writeDraft(account, storageKey, stamped, describeDraft(stamped));
        await enqueue(
          {
            method: 'PUT',
            path: recordPath(sessionId),
            body,
            ifMatch,
            idempotencyKey: newIdempotencyKey(),
            label: recordLabel(loaded.value.session),
            href: recordHref(sessionId),
          },
          { coalesce: true },
        );
      } catch {
        setErrors([{ text: CANNOT_KEEP }]);
        return { ok: false, etag: null };
      }
      setErrors(null);
      return { ok: false, etag: null, queued: true };
    };
    if (isOffline()) return queue();
    const result = await call(
      api.PUT('/api/v1/sessions/{sessionId}/record', {
        params: { path: { sessionId }, header: { 'If-Match': ifMatch } },
        body,
      }),
    );
    if (!result.ok && result.problem.status === 0) return queue();
    if (!result.ok) {
      setErrors([{ text: problemText(result.problem) }]);
      return { ok: false, etag: null };
    }
    discardPendingTyping();
    void clearRecordDraft(storageKey);
    setDirty(false);
    setSavedAt('');
    setSentAt(new Date().toISOString());
    setErrors(null);
    replaceRecord(result.data, result.etag);
    return { ok: true, etag: result.etag ?? loaded.value.etag };
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const saved = await saveToServer();
    setBusy(false);
    if (saved.ok) setMessage('Record saved');
    else if (saved.queued) {
      setMessage(null);
      setNotice('Your record is saved on this device. It will be sent when your connection comes back.');
    }
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
    let etag = loaded.value.etag;
    if (dirty) {
      const saved = await saveToServer();
      if (!saved.ok) return setBusy(false);
      etag = saved.etag;
    }
    const result = await call(
      api.POST('/api/v1/sessions/{sessionId}/record/signatures', {
        params: { path: { sessionId }, header: { 'If-Match': ifMatchFor(etag, loaded.value.record) as string } },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      // Required agenda items not recorded: the summary links to each; the first one's section opens.
      const refused = signErrors(result.problem, problemText(result.problem));
      const first = Object.keys(refused.byKey)[0];
      if (first) setSectionIndex(Math.max(0, sectionOf(nonEmpty, first)));
      setEntryErrors(refused.byKey);
      return setErrors(refused.summary);
    }
    setEntryErrors({});
    setErrors(null);
    setFinishing(false);
    setAccurate(false);
    replaceRecord(result.data, result.etag);
    if (!result.etag) await refetch();
    setMessage(result.data.status === 'SIGNED' ? null : 'You have signed the record. It locks when everyone in the session has signed.');
  };

  const onNoteQueued = () => {
    setMessage(null);
    setNotice('Your note is saved on this device. It will be sent when your connection comes back.');
  };

  const onNote = (record: SessionRecord, etag: string | null) => {
    replaceRecord(record, etag);
    if (!etag) void refetch();
    setMessage('Your note has been added');
  };

  if (loaded.state !== 'ok' || !draft) {
    return (
      <>
        <h1 className="govuk-heading-l">Session record</h1>
        {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} /> : <Loading />}
      </>
    );
  }
  const { session, record } = loaded.value;
  const myId = me?.staff?.id;
  const iAmSupervisor = !!myId && session.supervisor.id === myId;
  const isParty = iAmSupervisor || (!!myId && session.supervisees.some((s) => s.id === myId));
  const names = session.supervisees.map((s) => s.displayName).join(', ');
  const caption = `${names} with ${session.supervisor.displayName}, ${formatDate(session.date)}`;

  if (record.status === 'SIGNED' || !isParty) {
    const lockedText = iAmSupervisor
      ? `Signed by you and ${names}`
      : isParty
        ? 'Signed by you and your supervisor'
        : 'Signed by everyone in the session';
    return (
      <>
        <BackLink href={sessionHref(sessionId)} />
        {errors && <ErrorSummary errors={errors} />}
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">Session record</h1>
        {record.status === 'SIGNED' ? (
          <NotificationBanner type="success" title="Signed" autoFocus={false} heading={lockedText}>
            <p className="govuk-body" data-testid="locked">
              <Tag colour="grey">
                <span aria-hidden="true">🔒 </span>Locked
              </Tag>{' '}
              {record.signedAt && `Signed ${formatDate(record.signedAt.slice(0, 10))}. `}The record can no longer be changed
              {mayAddAddendum(record, isParty) ? '; you can add an addendum.' : '.'}
            </p>
          </NotificationBanner>
        ) : (
          <p className="govuk-body">
            <Tag colour="blue">Awaiting signature</Tag>
          </p>
        )}
        {message && <NotificationBanner type="success" heading={message} />}
      {notice && waiting > 0 && <NotificationBanner title="Important" heading={notice} />}
        <ShortSessionWarning session={session} />
        <ReadOnlyRecord loaded={loaded.value} actions={actions} />
        <CaseDiscussionsInSession session={session} />
        <h2 className="govuk-heading-m">Signatures</h2>
        <SignaturesList record={record} />
        <h2 className="govuk-heading-m">Comments and addenda</h2>
        <NotesList record={record} />
        {mayAddAddendum(record, isParty) && <NoteForm sessionId={sessionId} kinds={['ADDENDUM']} heading="Add an addendum" onAdded={onNote} onQueued={onNoteQueued} />}
      </>
    );
  }

  const current = nonEmpty[Math.min(sectionIndex, Math.max(0, nonEmpty.length - 1))];
  const currentIndex = current ? nonEmpty.indexOf(current) : 0;
  const mySignature = record.signatures.find((s) => s.signer.id === myId);

  const sectionNav = (
    <SectionNav
      landscape={landscape}
      ariaLabel="Sections of the agenda"
      heading="Agenda"
      pickerLabel="Agenda section"
      sections={nonEmpty.map((section) => ({ name: section.name, complete: sectionComplete(section, draft) }))}
      current={currentIndex}
      onChoose={setSectionIndex}
    />
  );

  const agenda = current && (
    <section aria-labelledby="current-section-heading" data-testid="current-section">
      <span className="govuk-caption-m">
        Section {currentIndex + 1} of {nonEmpty.length}
      </span>
      <h2 className="govuk-heading-m" id="current-section-heading">
        {current.name}
      </h2>
      <ReflectivePrompts id={`prompts-section-${currentIndex}`} />
      {current.items.map((item) => {
        const entry = draft.entries[item.key] ?? { text: '', notApplicable: false };
        return (
          <div key={item.key} className="govuk-!-margin-bottom-6">
            {!entry.notApplicable && (
              <Textarea
                id={`entry-${item.key}`}
                label={item.label}
                labelClassName="govuk-label--s"
                hint={item.hint}
                error={entryErrors[item.key]}
                value={entry.text}
                onChange={(e) => changeEntry(item.key, { text: e.target.value })}
              />
            )}
            {entry.notApplicable && <p className="govuk-body govuk-!-font-weight-bold">{item.label}</p>}
            <Checkbox
              id={`na-${item.key}`}
              label={<>Not applicable<span className="govuk-visually-hidden">: {item.label}</span></>}
              checked={entry.notApplicable}
              onChange={(e) => changeEntry(item.key, { notApplicable: e.target.checked })}
            />
          </div>
        );
      })}
      <SectionSteps current={currentIndex} count={nonEmpty.length} onChoose={setSectionIndex} />
    </section>
  );

  return (
    <>
      <BackLink href={sessionHref(sessionId)} />
      {errors && <ErrorSummary errors={errors} />}
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">Session record</h1>
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
      <ShortSessionWarning session={session} />
      <p className="govuk-body" data-testid="record-status">
        <Tag colour={recordStatusTag(record).colour}>{recordStatusTag(record).text}</Tag>
      </p>
      <ProposedAgenda items={record.proposedAgenda ?? []} />

      <form noValidate onSubmit={save}>
        <section aria-labelledby="previous-actions-heading" data-testid="previous-actions">
          <h2 className="govuk-heading-m" id="previous-actions-heading">
            Previous actions
          </h2>
          {record.openActions.length === 0 && <p className="govuk-body">There were no open actions to review.</p>}
          {record.openActions.map((action, index) => {
            const review = draft.reviews[action.id];
            return (
              <div key={action.id} className="app-action-review">
                <Radios
                  name={`review-${index}`}
                  legend={
                    <>
                      {action.text}
                      <span className="govuk-hint app-block govuk-!-margin-bottom-0">
                        {action.owner.displayName}, due {formatDate(action.dueDate)}
                      </span>
                    </>
                  }
                  options={OUTCOMES.map((o) => ({ value: o, text: OUTCOME_TEXT[o] }))}
                  value={review?.outcome}
                  onChange={(outcome) => changeReview(action.id, { outcome })}
                  inline
                />
                <Input
                  id={`review-note-${index}`}
                  label={<>Note<span className="govuk-visually-hidden"> on {action.text}</span></>}
                  optional
                  value={review?.note ?? ''}
                  onChange={(e) => changeReview(action.id, { note: e.target.value })}
                />
              </div>
            );
          })}
        </section>

        {nonEmpty.length > 0 &&
          (landscape ? (
            <div className="govuk-grid-row app-sections">
              <div className="govuk-grid-column-one-third">{sectionNav}</div>
              <div className="govuk-grid-column-two-thirds">{agenda}</div>
            </div>
          ) : (
            <div className="app-sections">
              {sectionNav}
              {agenda}
            </div>
          ))}

        <h2 className="govuk-heading-m">Reflection and wellbeing</h2>
        <ReflectivePrompts id="prompts-reflection" />
        <Textarea id="reflection" label="Reflection on practice" labelClassName="govuk-label--s" value={draft.reflection} onChange={(e) => change({ reflection: e.target.value })} />
        <Radios
          name="personal-issues"
          legend="Were personal issues discussed?"
          options={[
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
          ]}
          value={draft.personalIssuesDiscussed ? 'yes' : 'no'}
          onChange={(v) => change({ personalIssuesDiscussed: v === 'yes' })}
          inline
        />
        {draft.personalIssuesDiscussed && (
          <Textarea
            id="confidential-notes"
            label="Confidential notes"
            labelClassName="govuk-label--s"
            hint="Only you and your supervisor see this"
            value={draft.confidentialNotes}
            onChange={(e) => change({ confidentialNotes: e.target.value })}
          />
        )}

        <AgreedActions
          session={session}
          actions={actions}
          beingSigned={loaded.value.record.signatures.some((signature) => signature.current)}
          onAdded={(a) => setActions((list) => [...list, a])}
          onChanged={(a) => setActions((list) => list.map((x) => (x.id === a.id ? a : x)))}
          onRemoved={(id) => setActions((list) => list.filter((x) => x.id !== id))}
        />

        <AuditOutcomesSection outcomes={record.auditOutcomes} value={draft.supervisoryPractice ?? ''} onChange={(supervisoryPractice) => change({ supervisoryPractice })} />

        <h2 className="govuk-heading-m">Next time</h2>
        <Textarea id="future-agenda" label="Future agenda items" labelClassName="govuk-label--s" value={draft.futureAgenda} onChange={(e) => change({ futureAgenda: e.target.value })} />
        <DateInput
          id="next-date"
          legend="Date of next session"
          hint="For example, 27 3 2027"
          value={nextDate ?? partsOf(draft.nextDate)}
          error={nextDateError?.message}
          errorFields={nextDateError?.fields}
          onChange={(parts) => {
            setNextDate(parts);
            change({ nextDate: dateFromParts(parts.day, parts.month, parts.year) ?? '' });
          }}
        />

        <div className="govuk-button-group">
          <Button type="submit" disabled={busy}>
            Save record
          </Button>
          <Button type="button" variant="secondary" onClick={() => setFinishing(true)}>
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
              { key: 'Previous actions reviewed', value: `${Object.values(draft.reviews).filter((r) => r.outcome).length} of ${record.openActions.length}` },
              {
                key: 'Agenda items answered',
                value: `${nonEmpty.flatMap((s) => s.items).filter((i) => draft.entries[i.key]?.notApplicable || draft.entries[i.key]?.text.trim()).length} of ${nonEmpty.flatMap((s) => s.items).length}`,
              },
              { key: 'Actions agreed', value: String(actions.length) },
              { key: 'Date of next session', value: draft.nextDate ? formatDate(draft.nextDate) : 'Not set' },
            ]}
          />
          <h3 className="govuk-heading-s">What the policy expects and is not there yet</h3>
          {record.missing.length > 0 ? (
            <ul className="govuk-list govuk-list--bullet" data-testid="missing">
              {record.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body" data-testid="missing-none">
              Nothing is missing.
            </p>
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
      <CaseDiscussionsInSession session={session} />
      <NextDatesPanel session={session} />

      <h2 className="govuk-heading-m">Signatures</h2>
      <SignaturesList record={record} />
      <h2 className="govuk-heading-m">Comments, amendments and disagreements</h2>
      <NotesList record={record} />
      <NoteForm sessionId={sessionId} kinds={['COMMENT', 'AMENDMENT', 'DISAGREEMENT']} heading="Add a comment or record a disagreement" onAdded={onNote} onQueued={onNoteQueued} />
    </>
  );
}
