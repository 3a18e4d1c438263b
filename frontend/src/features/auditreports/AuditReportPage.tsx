/**
 * A service's quarterly audit report: grades (bars, data table and a sentence), the mean rating per question and per
 * function (lower is better), the actions and their progress, the themes and recommendations (written until sign-off,
 * kept on the device until sent), and the head of service's sign-off, after which the report is locked.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../api/client';
import { ifMatchFor } from '../../api/etag';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Button, ErrorSummary, NotificationBanner, Table, Tag, Textarea, type ErrorItem } from '../../components/govuk';
import { formatDate, formatTime } from '../../format';
import { readDraft, removeDraft, type DraftMeta } from '../../offline/drafts';
import { useDeviceAutosave } from '../../offline/useDeviceAutosave';
import { usePageTitle } from '../../usePageTitle';
import { call } from '../agreements/agreements';
import {
  GRADES,
  GRADE_TEXT,
  LOWER_IS_BETTER,
  REPORT_STATUS_TEXT,
  actionProgress,
  actionsSummary,
  functionText,
  gradesSummary,
  instantDateText,
  meanText,
  quarterText,
  reportHref,
  reportsHref,
  type AuditReport,
  type AuditReportSummary,
} from './auditReports';
import './auditReports.css';

interface Draft {
  themes: string;
  recommendations: string;
  savedAt: string;
}

interface Loaded {
  report: AuditReport;
  etag: string | null;
  /** What the caller may do with it (from the quarter's list). */
  summary: AuditReportSummary | null;
}

/** Asks before following a link in the app while typed text has not reached the service (the browser asks on unload). */
function useConfirmLeaving(unsent: boolean) {
  useEffect(() => {
    if (!unsent) return;
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!anchor || event.defaultPrevented) return;
      if ((anchor.getAttribute('href') ?? '').startsWith('#')) return;
      if (!window.confirm('Your themes and recommendations are saved on this device but not sent yet. Leave this page?')) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [unsent]);
}

export const auditReportDraftKey = (serviceId: string, quarter: string) => `auditReportDraft.${serviceId}.${quarter}`;

const FIELDS = ['themes', 'recommendations'];

function writeProblemText(problem: Problem, what: string): string {
  if (problem.status === 412 || problem.status === 409) {
    return `Someone else changed this report since you opened it. Your text is still saved on this device: reload the page to see their changes before you ${what}.`;
  }
  if (problem.status === 0) return `You are offline. Your text is saved on this device: ${what} when you are back online.`;
  if (problem.status === 403) return `You cannot ${what}.`;
  return problem.detail ?? problem.title;
}

/** A problem as error summary items: each field error linked to its field when the field is on the page. */
function errorItems(problem: Problem, fieldsShown: boolean, what: string): ErrorItem[] {
  const items: ErrorItem[] = (problem.errors ?? []).map((error) => {
    const field = error.pointer.replace(/^[#/]+/, '');
    return fieldsShown && FIELDS.includes(field) ? { text: error.message, href: `#${field}` } : { text: error.message };
  });
  if (items.length === 0 || (problem.status !== 422 && problem.status !== 400)) return [{ text: writeProblemText(problem, what) }];
  return items;
}

const mean = (value: number | undefined) =>
  value === undefined ? (
    'Not rated'
  ) : (
    <>
      {meanText(value)} <span className="app-lower-is-better">({LOWER_IS_BETTER})</span>
    </>
  );

function GradesChart({ report }: { report: AuditReport }) {
  const count = (grade: (typeof GRADES)[number]) => report.grades.find((g) => g.grade === grade)?.count ?? 0;
  const max = Math.max(1, ...GRADES.map(count));
  return (
    <section aria-labelledby="grades-heading" data-testid="grades">
      <h2 className="govuk-heading-m" id="grades-heading">
        Grades
      </h2>
      <p className="govuk-body" data-testid="grades-summary">
        {gradesSummary(report)}
      </p>
      <figure className="app-bar-chart" aria-hidden="true">
        <ul className="app-bar-chart__rows">
          {GRADES.map((grade) => (
            <li className="app-bar-chart__row" key={grade}>
              <span>{GRADE_TEXT[grade]}</span>
              <span className="app-bar-chart__track">
                <span className="app-bar-chart__bar" style={{ display: 'block', width: `${(count(grade) / max) * 100}%` }} />
              </span>
              <span className="app-bar-chart__value">{count(grade)}</span>
            </li>
          ))}
        </ul>
      </figure>
      <Table
        caption="Overall grade of the audits completed"
        captionSize="s"
        head={[{ text: 'Grade' }, { text: 'Audits', numeric: true }]}
        firstCellIsHeader
        rowKeys={GRADES}
        rows={GRADES.map((grade) => [GRADE_TEXT[grade], { content: count(grade), numeric: true }])}
      />
    </section>
  );
}

function QuestionMeans({ report }: { report: AuditReport }) {
  return (
    <section aria-labelledby="questions-heading" data-testid="question-means">
      <h2 className="govuk-heading-m" id="questions-heading">
        Mean rating per question
      </h2>
      <p className="govuk-body">Ratings are on the audit form’s scale, where 1 is Excellent and 5 is Poor: a lower mean is better.</p>
      {report.questions.length === 0 ? (
        <p className="govuk-body">No question has been rated yet.</p>
      ) : (
        <Table
          caption="Mean rating per question"
          captionSize="s"
          head={[{ text: 'Question' }, { text: 'Function' }, { text: 'Mean rating', numeric: true }, { text: 'Audits rating it', numeric: true }]}
          firstCellIsHeader
          stackOnSmallScreens
          rowKeys={report.questions.map((q) => q.key)}
          rows={report.questions.map((q) => {
            const fn = functionText(q.functionTag);
            return [
              <>
                <span className="app-block">{q.number}</span>
                <span className="govuk-body-s app-block govuk-!-font-weight-regular govuk-!-margin-bottom-0">{q.label}</span>
              </>,
              fn ? <Tag colour="grey">{fn}</Tag> : <span className="app-secondary">No function named</span>,
              { content: mean(q.meanRating), numeric: true },
              { content: q.count, numeric: true },
            ];
          })}
        />
      )}
    </section>
  );
}

function FunctionMeans({ report }: { report: AuditReport }) {
  if (report.functions.length === 0) return null;
  return (
    <section aria-labelledby="functions-heading" data-testid="function-means">
      <h2 className="govuk-heading-m" id="functions-heading">
        Mean rating per function of supervision
      </h2>
      <Table
        caption="Mean rating per function"
        captionSize="s"
        head={[{ text: 'Function' }, { text: 'Mean rating', numeric: true }, { text: 'Ratings', numeric: true }]}
        firstCellIsHeader
        stackOnSmallScreens
        rowKeys={report.functions.map((f) => f.functionTag)}
        rows={report.functions.map((f) => [functionText(f.functionTag) ?? 'No function named', { content: mean(f.meanRating), numeric: true }, { content: f.count, numeric: true }])}
      />
    </section>
  );
}

function Actions({ report }: { report: AuditReport }) {
  return (
    <section aria-labelledby="actions-heading" data-testid="report-actions">
      <h2 className="govuk-heading-m" id="actions-heading">
        Actions and their progress
      </h2>
      <p className="govuk-body" data-testid="actions-summary">
        {actionsSummary(report.actions)}
      </p>
      {report.actions.length > 0 && (
        <Table
          caption="Actions from audits graded below Good"
          captionSize="s"
          head={[{ text: 'Action' }, { text: 'Owner' }, { text: 'Due by' }, { text: 'Progress' }]}
          stackOnSmallScreens
          rowKeys={report.actions.map((a) => a.id)}
          rows={report.actions.map((a) => {
            const progress = actionProgress(a);
            return [<span className="app-pre-wrap">{a.text}</span>, a.owner.displayName, formatDate(a.dueDate), <Tag colour={progress.colour}>{progress.text}</Tag>];
          })}
        />
      )}
    </section>
  );
}

function ReadOnlyText({ id, heading, text, empty }: { id: string; heading: string; text: string | undefined; empty: string }) {
  return (
    <>
      <h3 className="govuk-heading-s" id={`${id}-heading`}>
        {heading}
      </h3>
      <p className="govuk-body app-pre-wrap" data-testid={`${id}-text`}>
        {text?.trim() ? text : empty}
      </p>
    </>
  );
}

export function AuditReportPage({ serviceId, quarter }: { serviceId: string; quarter: string }) {
  const storageKey = auditReportDraftKey(serviceId, quarter);
  const [loaded, setLoaded] = useState<{ state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; value: Loaded }>({ state: 'loading' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState('');
  const [sentAt, setSentAt] = useState('');
  const [errors, setErrors] = useState<ErrorItem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [signedNow, setSignedNow] = useState(false);
  const [busy, setBusy] = useState(false);

  useConfirmLeaving(dirty);
  usePageTitle(signedNow ? 'Report signed off' : `Audit report: ${quarterText(quarter)}`, !!errors);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    (async () => {
      const [got, list] = await Promise.all([
        call(api.GET('/api/v1/audit-reports/{serviceId}/{quarter}', { params: { path: { serviceId, quarter } }, signal })),
        call(api.GET('/api/v1/audit-reports', { params: { query: { quarter } }, signal })),
      ]);
      if (!got.ok) return setLoaded({ state: 'error', problem: got.problem });
      const summary = list.ok ? (list.data.items.find((r) => r.service.id === serviceId) ?? null) : null;
      const local = got.data.status === 'DRAFT' && summary?.mayEdit ? await readDraft<Draft>(storageKey) : null;
      // A signed-off report cannot take the text any more: nothing stays on the device for it.
      if (got.data.status !== 'DRAFT') void removeDraft(storageKey);
      setDraft(local ?? { themes: got.data.themes ?? '', recommendations: got.data.recommendations ?? '', savedAt: '' });
      setDirty(!!local);
      setSavedAt(local?.savedAt ?? '');
      setLoaded({ state: 'ok', value: { report: got.data, etag: got.etag, summary } });
    })().catch(() => {
      // aborted: the page has gone
    });
    return () => controller.abort();
  }, [serviceId, quarter, storageKey]);

  const describeDraft = useCallback(
    (): DraftMeta => ({ label: `Audit report: ${quarterText(quarter)}`, href: reportHref(serviceId, quarter) }),
    [serviceId, quarter],
  );
  const { flush, discard } = useDeviceAutosave(storageKey, draft, dirty, describeDraft, setSavedAt);

  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setDirty(true);
  };

  const replace = (report: AuditReport, etag: string | null) =>
    setLoaded((current) => (current.state === 'ok' ? { state: 'ok', value: { ...current.value, report, etag: etag ?? ifMatchFor(null, report) ?? null } } : current));

  /** Sends the themes and recommendations; the If-Match of the version on screen, or the one a save just returned. */
  const send = async (): Promise<{ ok: true; etag: string | null } | { ok: false }> => {
    const current = loadedRef.current;
    if (current.state !== 'ok' || !draft) return { ok: false };
    flush();
    const ifMatch = ifMatchFor(current.value.etag, current.value.report) as string;
    const result = await call(
      api.PUT('/api/v1/audit-reports/{serviceId}/{quarter}', {
        params: { path: { serviceId, quarter }, header: { 'If-Match': ifMatch } },
        body: { themes: draft.themes, recommendations: draft.recommendations },
      }),
    );
    if (!result.ok) {
      setErrors(errorItems(result.problem, true, 'save the themes and recommendations'));
      return { ok: false };
    }
    discard();
    void removeDraft(storageKey);
    setDirty(false);
    setSavedAt('');
    setSentAt(new Date().toISOString());
    setErrors(null);
    replace(result.data, result.etag);
    return { ok: true, etag: result.etag ?? ifMatchFor(null, result.data) ?? null };
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const sent = await send();
    setBusy(false);
    if (sent.ok) setMessage('Themes and recommendations saved');
  };

  const signOff = async () => {
    const current = loadedRef.current;
    if (busy || current.state !== 'ok') return;
    setBusy(true);
    setMessage(null);
    let etag = ifMatchFor(current.value.etag, current.value.report) ?? null;
    if (dirty) {
      const sent = await send();
      if (!sent.ok) return setBusy(false);
      etag = sent.etag;
    }
    const result = await call(
      api.POST('/api/v1/audit-reports/{serviceId}/{quarter}/sign-off', {
        params: { path: { serviceId, quarter }, header: { 'If-Match': etag as string } },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      const items = errorItems(result.problem, !!current.value.summary?.mayEdit, 'sign off this report');
      const detail = result.problem.status === 422 && result.problem.detail && result.problem.errors?.length ? [{ text: result.problem.detail }] : [];
      return setErrors([...detail, ...items]);
    }
    setErrors(null);
    setConfirming(false);
    setSignedNow(true);
    replace(result.data, result.etag);
    window.scrollTo?.(0, 0);
  };

  if (loaded.state !== 'ok' || !draft) {
    return (
      <>
        <BackLink href={reportsHref(quarter)} />
        <h1 className="govuk-heading-l">Audit report: {quarterText(quarter)}</h1>
        {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} /> : <Loading />}
      </>
    );
  }

  const { report, summary } = loaded.value;
  const signed = report.status === 'SIGNED_OFF';
  const mayEdit = !signed && !!summary?.mayEdit;
  const maySignOff = !signed && !!summary?.maySignOff;
  const status = REPORT_STATUS_TEXT[report.status];

  return (
    <>
      <BackLink href={reportsHref(quarter)} />
      {errors && <ErrorSummary errors={errors} />}
      {signedNow && (
        <div className="govuk-panel govuk-panel--confirmation" data-testid="signed-off-panel">
          <h2 className="govuk-panel__title">Report signed off</h2>
          <div className="govuk-panel__body">
            {report.service.name}, {quarterText(report.quarter)}
          </div>
        </div>
      )}
      <span className="govuk-caption-l">{report.service.name}</span>
      <h1 className="govuk-heading-l">Audit report: {quarterText(report.quarter)}</h1>
      <p className="govuk-body" data-testid="report-status">
        <Tag colour={status.colour}>{status.text}</Tag>
        {signed && (
          <>
            {' '}
            <Tag colour="grey">
              <span aria-hidden="true">🔒 </span>Locked
            </Tag>
          </>
        )}
      </p>
      {signed && (
        <p className="govuk-body" data-testid="signed-off-by">
          Signed off by {report.signedOffBy?.displayName ?? 'a head of service'}
          {report.signedOffAt ? ` on ${instantDateText(report.signedOffAt)}` : ''}. The report can no longer be changed.
        </p>
      )}
      {mayEdit && (
        <p className="govuk-body-s app-save-status" role="status" data-testid="save-status">
          {savedAt ? `Saved on this device ${formatTime(savedAt)}` : sentAt ? `Sent ${formatTime(sentAt)}` : dirty ? 'Not saved yet' : ''}
        </p>
      )}
      {message && (
        <NotificationBanner type="success" heading={message} />
      )}
      <p className="govuk-body" data-testid="audits-completed">
        {report.auditsCompleted === 1 ? '1 audit completed' : `${report.auditsCompleted} audits completed`} in {quarterText(report.quarter)}.
      </p>

      <GradesChart report={report} />
      <QuestionMeans report={report} />
      <FunctionMeans report={report} />
      <Actions report={report} />

      <section aria-labelledby="themes-heading" data-testid="themes-and-recommendations">
        <h2 className="govuk-heading-m" id="themes-heading">
          Themes and recommendations
        </h2>
        {mayEdit ? (
          <form onSubmit={save} noValidate>
            <Textarea
              id="themes"
              label="Themes"
              labelClassName="govuk-label--s"
              hint="What the audits of this quarter show across the service."
              rows={6}
              value={draft.themes}
              onChange={(event) => change({ themes: event.target.value })}
            />
            <Textarea
              id="recommendations"
              label="Recommendations"
              labelClassName="govuk-label--s"
              hint="What the service should do next."
              rows={6}
              value={draft.recommendations}
              onChange={(event) => change({ recommendations: event.target.value })}
            />
            <Button variant="secondary" disabled={busy}>
              Save themes and recommendations
            </Button>
          </form>
        ) : (
          <>
            <ReadOnlyText id="themes" heading="Themes" text={report.themes} empty="No themes have been written." />
            <ReadOnlyText id="recommendations" heading="Recommendations" text={report.recommendations} empty="No recommendations have been written." />
          </>
        )}
      </section>

      {maySignOff && (
        <section aria-labelledby="sign-off-heading" data-testid="sign-off">
          <h2 className="govuk-heading-m" id="sign-off-heading">
            Sign off
          </h2>
          {!confirming ? (
            <Button type="button" onClick={() => setConfirming(true)}>
              Sign off this report
            </Button>
          ) : (
            <div data-testid="sign-off-confirmation">
              <p className="govuk-body">
                You are signing off the audit report of {report.service.name} for {quarterText(report.quarter)}
                {report.auditsCompleted > 0 && ` (${report.auditsCompleted === 1 ? '1 audit' : `${report.auditsCompleted} audits`})`}.
              </p>
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  Once signed off, the report is locked: its figures, themes and recommendations can no longer be changed.
                </strong>
              </div>
              <div className="govuk-button-group">
                <Button type="button" onClick={() => void signOff()} disabled={busy} preventDoubleClick>
                  Yes, sign off this report
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => {
                    setConfirming(false);
                    setErrors(null);
                  }}
                >
                  Cancel
                </Button>
              </div>
            </div>
          )}
        </section>
      )}
    </>
  );
}
