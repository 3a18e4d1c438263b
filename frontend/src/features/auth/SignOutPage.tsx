import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, ErrorSummary, WarningText } from '../../components/govuk';
import { draftsSettled, listDrafts, removeDraft, type DraftInfo } from '../../offline/drafts';
import { enqueue, list as listOutbox, replayEverything, type OutboxEntry } from '../../offline/outbox';
import { Link, useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useAuth } from './AuthContext';

/** One thing the service does not have yet: typing saved on the device, a queued write, or both. */
interface Unsent {
  href: string;
  label: string;
  entries: OutboxEntry[];
  draft?: DraftInfo;
}

/** The signed-in account's unsent work, one line per page (a queued save and later typing are one). */
async function unsentWork(): Promise<Unsent[]> {
  await draftsSettled();
  const [entries, drafts] = await Promise.all([listOutbox().catch(() => []), listDrafts().catch(() => [])]);
  const byPage = new Map<string, Unsent>();
  for (const entry of entries) {
    const href = entry.href ?? entry.path;
    const item = byPage.get(href) ?? { href, label: entry.label, entries: [] };
    item.entries.push(entry);
    byPage.set(href, item);
  }
  for (const draft of drafts) {
    const item = byPage.get(draft.href) ?? { href: draft.href, label: draft.label, entries: [] };
    item.draft = draft;
    byPage.set(draft.href, item);
  }
  return [...byPage.values()];
}

function status(item: Unsent): string {
  if (item.entries.some((e) => e.state === 'conflict')) return 'changed by someone else since: choose which version to keep';
  if (item.entries.some((e) => e.state === 'failed')) return 'the service refused it';
  if (item.entries.length) return 'waiting to send';
  if (item.draft && !item.draft.send) return 'typed but not saved, and it needs correcting before it can be sent';
  return 'typed but not saved';
}

/** Queues every draft that can be sent, sends everything, and forgets the drafts the service now has. */
async function sendEverything(items: Unsent[]): Promise<void> {
  for (const item of items) {
    if (item.draft?.send) await enqueue(item.draft.send, { coalesce: true }).catch(() => undefined);
  }
  await replayEverything();
  const left = await listOutbox().catch(() => []);
  for (const item of items) {
    const send = item.draft?.send;
    if (send && !left.some((e) => e.path === send.path && e.href === send.href)) await removeDraft(item.draft!.key);
  }
}

/**
 * /sign-out: revokes the session, forgets the tokens and wipes this account's drafts and outbox from
 * the device. When anything has not reached the service (queued writes, or typing saved only here) it
 * asks first, offering to send it now, to discard it deliberately, or to cancel.
 */
export function SignOutPage() {
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  const started = useRef(false);
  const [items, setItems] = useState<Unsent[] | null>(null);
  const [phase, setPhase] = useState<'checking' | 'asking' | 'sending' | 'signingOut'>('checking');
  const [notSent, setNotSent] = useState(false);
  const asking = phase === 'asking' || phase === 'sending';
  usePageTitle(asking ? 'Your changes have not been sent' : 'Signing out', notSent);

  const signOutNow = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setPhase('signingOut');
    void signOut().then(() => navigate('/sign-in', { replace: true }));
  }, [signOut, navigate]);

  // Once the session is known (a reload restores it first), look for this account's unsent work.
  const ready = state.status !== 'loading';
  const checked = useRef(false);
  useEffect(() => {
    if (!ready || checked.current) return;
    checked.current = true;
    let cancelled = false;
    void unsentWork().then((found) => {
      if (cancelled) return;
      if (found.length > 0) {
        setItems(found);
        setPhase('asking');
      } else {
        signOutNow();
      }
    });
    return () => {
      cancelled = true;
      checked.current = false;
    };
  }, [ready, signOutNow]);

  const sendNow = async () => {
    if (phase !== 'asking' || !items) return;
    setPhase('sending');
    await sendEverything(items);
    const left = await unsentWork();
    if (left.length === 0) return signOutNow();
    setItems(left);
    setNotSent(true);
    setPhase('asking');
  };

  const cancel = () => {
    if (window.history.length > 1) window.history.back();
    else navigate('/');
  };

  if (asking && items) {
    const one = items.length === 1;
    return (
      <>
        {notSent && (
          <ErrorSummary
            errors={[
              {
                text: `${one ? 'Your change' : 'Some of your changes'} could not be sent. Check your connection and try again, or open ${one ? 'it' : 'them'} to see what is wrong.`,
              },
            ]}
          />
        )}
        <h1 className="govuk-heading-l">Your changes have not been sent</h1>
        <p className="govuk-body">
          {one ? 'This change is' : 'These changes are'} saved on this device only. The service does not have{' '}
          {one ? 'it' : 'them'} yet.
        </p>
        <ul className="govuk-list govuk-list--bullet" data-testid="unsent-list">
          {items.map((item) => (
            <li key={item.href} data-testid="unsent-item">
              <Link className="govuk-link" href={item.href}>
                {item.label}
              </Link>
              : {status(item)}
            </li>
          ))}
        </ul>
        <WarningText>
          If you discard {one ? 'it' : 'them'}, {one ? 'it' : 'they'} will be deleted from this device and cannot be got back.
        </WarningText>
        <div className="govuk-button-group">
          <Button type="button" onClick={() => void sendNow()} disabled={phase === 'sending'}>
            Send now and sign out
          </Button>
          <Button type="button" variant="warning" onClick={signOutNow} disabled={phase === 'sending'}>
            Discard and sign out
          </Button>
          <Button type="button" variant="secondary" onClick={cancel} disabled={phase === 'sending'}>
            Cancel
          </Button>
        </div>
        {phase === 'sending' && (
          <p className="govuk-body" role="status">
            Sending your changes…
          </p>
        )}
      </>
    );
  }

  return (
    <>
      <h1 className="govuk-heading-l">Signing out</h1>
      <p className="govuk-body">You are being signed out.</p>
    </>
  );
}
