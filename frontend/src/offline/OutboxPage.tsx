import { ifMatchFor } from '../api/etag';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { Loading } from '../components/app/ProblemMessage';
import { Button, NotificationBanner, SummaryList, Tag } from '../components/govuk';
import { formatDate, formatTime } from '../format';
import { usePageTitle } from '../usePageTitle';
import { clearDraftFor } from './drafts';
import { list, remove, replay, subscribe, update, type OutboxEntry } from './outbox';

type Requester = (method: string, path: string, init: object) => Promise<{ data?: unknown; response: Response }>;

interface RecordLike {
  entries?: { key: string; text?: string; notApplicable?: boolean }[];
  reflection?: string;
  futureAgenda?: string;
  nextDate?: string;
  version?: number;
}

/** A record body (server's or queued) as rows to read side by side. */
function rowsOf(value: unknown): { key: string; value: string }[] {
  if (!value || typeof value !== 'object') return [];
  const record = value as RecordLike;
  const discussion = value as { answers?: { key: string; text?: string; notApplicable?: boolean }[]; childVoice?: { view?: string }; decisions?: { text: string }[]; actions?: { text: string }[] };
  // issue 9: fe-audit - an audit (features/audits): its answers carry a value, its actions an owner and date.
  const audit = value as { answers?: { key: string; value?: string }[]; actions?: { text: string }[]; periodFrom?: string };
  if (Array.isArray(audit.answers) && typeof audit.periodFrom === 'string') {
    // The form's numbering (q11_job_description: "Q11 job description") and values in words (REQUIRES_IMPROVEMENT: "Requires improvement").
    const words = (v: string) => (/^[A-Z_]+$/.test(v) ? v.charAt(0) + v.slice(1).replace(/_/g, ' ').toLowerCase() : v);
    const rows = audit.answers.map((a) => ({ key: a.key.replace(/^q(\d+[a-z]?)_?/, 'Q$1 ').replace(/_/g, ' ').trim(), value: words(a.value ?? '') }));
    (audit.actions ?? []).forEach((a, i) => rows.push({ key: `Action ${i + 1}`, value: a.text }));
    return rows;
  }
  if (Array.isArray(discussion.answers)) {
    // A case discussion (features/casediscussions).
    const rows = discussion.answers.map((a) => ({ key: a.key.replace(/_/g, ' '), value: a.notApplicable ? 'Not applicable' : (a.text ?? '') }));
    if (discussion.childVoice?.view) rows.push({ key: 'The child’s view', value: discussion.childVoice.view });
    (discussion.decisions ?? []).forEach((d, i) => rows.push({ key: `Decision ${i + 1}`, value: d.text }));
    (discussion.actions ?? []).forEach((a, i) => rows.push({ key: `Action ${i + 1}`, value: a.text }));
    return rows;
  }
  if (!Array.isArray(record.entries)) {
    return Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: typeof v === 'string' ? v : JSON.stringify(v) }));
  }
  const rows = record.entries.map((e) => ({ key: e.key, value: e.notApplicable ? 'Not applicable' : (e.text ?? '') }));
  if (record.reflection) rows.push({ key: 'Reflection on practice', value: record.reflection });
  if (record.futureAgenda) rows.push({ key: 'Future agenda items', value: record.futureAgenda });
  if (record.nextDate) rows.push({ key: 'Date of next session', value: record.nextDate });
  return rows;
}

function Version({ heading, value, testId }: { heading: string; value: unknown; testId: string }) {
  const rows = rowsOf(value);
  return (
    <div className="govuk-grid-column-one-half" data-testid={testId}>
      <h3 className="govuk-heading-s">{heading}</h3>
      {rows.length ? (
        <SummaryList rows={rows.map((r) => ({ key: r.key, value: <span className="app-pre-wrap">{r.value}</span> }))} />
      ) : (
        <p className="govuk-body">Nothing written.</p>
      )}
    </div>
  );
}

/** A 412: the service's current version beside the queued one; the user chooses. */
function Conflict({ entry }: { entry: OutboxEntry }) {
  const [theirs, setTheirs] = useState<{ data: unknown; etag: string | null } | 'loading' | 'error'>('loading');
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const request = api.request as unknown as Requester;
        const { data, response } = await request('get', entry.path, {});
        if (live) setTheirs(response.ok ? { data, etag: response.headers.get('ETag') } : 'error');
      } catch {
        if (live) setTheirs('error');
      }
    })();
    return () => {
      live = false;
    };
  }, [entry.path]);
  if (theirs === 'loading') return <Loading what="Loading the version on the service…" />;
  if (theirs === 'error') return <p className="govuk-body">The version on the service cannot be loaded. Try again when you are online.</p>;
  const keepMine = async () => {
    await update({ ...entry, state: 'pending', problem: undefined, ifMatch: ifMatchFor(theirs.etag, theirs.data as { version?: number }) });
    await replay();
  };
  const takeTheirs = async () => {
    await remove(entry.id);
    void clearDraftFor(entry.path);
  };
  return (
    <>
      <p className="govuk-body">Someone else changed this since you wrote yours. Choose which version to keep.</p>
      <div className="govuk-grid-row">
        <Version heading="On the service now" value={theirs.data} testId="their-version" />
        <Version heading="Yours, waiting to send" value={entry.body} testId="my-version" />
      </div>
      <div className="govuk-button-group">
        <Button type="button" onClick={() => void keepMine()}>
          Keep mine
        </Button>
        <Button type="button" variant="secondary" onClick={() => void takeTheirs()}>
          Use theirs
        </Button>
      </div>
    </>
  );
}

const STATE_TAG = {
  pending: { text: 'Waiting to send', colour: 'blue' },
  conflict: { text: 'Changed by someone else', colour: 'orange' },
  failed: { text: 'Not sent', colour: 'red' },
} as const;

/** Writes that have not reached the service yet: waiting, in conflict or refused. */
export function OutboxPage() {
  usePageTitle('Waiting to send');
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const read = useCallback(() => {
    void list()
      .then(setEntries)
      .catch(() => setEntries([]));
  }, []);
  useEffect(() => {
    read();
    return subscribe(read);
  }, [read]);

  return (
    <>
      <h1 className="govuk-heading-l">Waiting to send</h1>
      {entries === null ? (
        <Loading />
      ) : entries.length === 0 ? (
        <NotificationBanner type="success" heading="Everything has been sent" autoFocus={false} />
      ) : (
        <>
          <p className="govuk-body">
            These changes are saved on this device. Waiting changes are sent when your connection comes back.
          </p>
          <Button type="button" variant="secondary" onClick={() => void replay()}>
            Try sending now
          </Button>
          <ul className="govuk-list" data-testid="outbox-list">
            {entries.map((entry) => (
              <li key={entry.id} className="govuk-!-margin-bottom-6" data-testid="outbox-item">
                <h2 className="govuk-heading-m">
                  {entry.href ? (
                    <a className="govuk-link" href={entry.href}>
                      {entry.label}
                    </a>
                  ) : (
                    entry.label
                  )}
                </h2>
                <p className="govuk-body">
                  <Tag colour={STATE_TAG[entry.state].colour}>{STATE_TAG[entry.state].text}</Tag> Saved{' '}
                  {formatDate(entry.createdAt.slice(0, 10))} at {formatTime(entry.createdAt)}
                </p>
                {entry.state === 'conflict' && <Conflict entry={entry} />}
                {entry.state === 'failed' && (
                  <>
                    <p className="govuk-body" data-testid="problem">
                      {entry.problem?.errors?.[0]?.message ?? entry.problem?.detail ?? entry.problem?.title ?? 'The service refused this change.'}
                    </p>
                    <Button type="button" variant="warning" onClick={() => void remove(entry.id)}>
                      Discard
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
