import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { Button, ErrorSummary, NotificationBanner, Textarea } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { call } from '../agreements/agreements';
import { problemErrors, type FormErrors } from '../sessions/problemErrors';
import { localTimeText, sessionHref, type Session } from '../sessions/sessions';

type Handover = Schemas['SupervisionHandover'];

const when = (s: Session) => `${formatDate(s.date)} at ${localTimeText(s.startTime)}`;

/**
 * What a person's supervision leaves open when they leave or change supervisor: sessions cancelled because
 * they left, open actions, records not yet signed, and planned sessions still with a former supervisor,
 * which the new supervisor or a manager transfers or cancels here. Shows nothing to those who may not see it.
 */
export function HandoverSection({ staffId, headingLevel = 2 }: { staffId: string; headingLevel?: 1 | 2 }) {
  const [handover, setHandover] = useState<Handover | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(async (signal?: AbortSignal) => {
    const r = await call(api.GET('/api/v1/staff/{staffId}/handover', { params: { path: { staffId } }, signal }));
    if (!signal?.aborted && r.ok) setHandover(r.data);
  }, [staffId]);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).catch(() => {});
    return () => controller.abort();
  }, [load]);
  if (!handover) return null;
  const h = handover;
  const nothing = !h.leavingDate && h.sessionsToTransfer.length === 0;
  if (nothing && headingLevel === 2) return null;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section aria-labelledby="handover-heading" data-testid="handover">
      {done && <NotificationBanner type="success" heading={done} />}
      <Heading className={headingLevel === 1 ? 'govuk-heading-l' : 'govuk-heading-m'} id="handover-heading">
        What is left open
      </Heading>
      {h.leavingDate && (
        <p className="govuk-body">
          {h.supervisee.displayName} {h.leavingDate <= new Date().toISOString().slice(0, 10) ? 'left' : 'leaves'} on {formatDate(h.leavingDate)}.
          {h.agreementStatus === 'ENDED' && h.agreementEndedOn && <> Their supervision agreement ended on {formatDate(h.agreementEndedOn)}.</>}
        </p>
      )}
      {h.sessionsToTransfer.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Planned sessions with a former supervisor</h3>
          <p className="govuk-body">
            Move each to {h.supervisor?.displayName ?? 'the new supervisor'}, or cancel it.
          </p>
          <ul className="govuk-list" data-testid="sessions-to-transfer">
            {h.sessionsToTransfer.map((s) => (
              <li key={s.id}>
                <TransferChoice session={s} newSupervisor={h.supervisor?.displayName}
                  onDone={(text) => {
                    setDone(text);
                    void load();
                  }} />
              </li>
            ))}
          </ul>
        </>
      )}
      {h.cancelledOnLeaving.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Sessions cancelled because they left</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="cancelled-on-leaving">
            {h.cancelledOnLeaving.map((s) => (
              <li key={s.id}>
                <Link className="govuk-link" href={sessionHref(s.id)}>{when(s)}</Link> with {s.supervisor.displayName}
              </li>
            ))}
          </ul>
        </>
      )}
      {h.unsignedSessions.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Records not yet signed</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="unsigned-records">
            {h.unsignedSessions.map((s) => (
              <li key={s.id}>
                <Link className="govuk-link" href={`${sessionHref(s.id)}/record`}>Session of {formatDate(s.date)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {h.openActions.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Open actions</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="open-actions">
            {h.openActions.map((a) => (
              <li key={a.id}>
                {a.text} <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{a.owner.displayName}, due {formatDate(a.dueDate)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {h.leavingDate && h.cancelledOnLeaving.length + h.unsignedSessions.length + h.openActions.length === 0 && (
        <p className="govuk-body">Nothing was left open.</p>
      )}
    </section>
  );
}

function TransferChoice({ session, newSupervisor, onDone }: { session: Session; newSupervisor?: string; onDone: (text: string) => void }) {
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sending, setSending] = useState(false);
  const send = async (outcome: 'TRANSFER' | 'CANCEL') => {
    if (sending) return;
    if (outcome === 'CANCEL' && !reason.trim()) {
      return setErrors({ byField: { reason: 'Say why the session is cancelled' }, summary: [{ text: 'Say why the session is cancelled', href: `#reason-${session.id}` }] });
    }
    setSending(true);
    const r = await call(api.POST('/api/v1/sessions/{sessionId}/transfer', {
      params: { path: { sessionId: session.id }, header: { 'If-Match': `"v${session.version}"` } },
      body: outcome === 'CANCEL' ? { outcome, reason: reason.trim() } : { outcome },
    }));
    setSending(false);
    if (r.ok) onDone(outcome === 'TRANSFER' ? `Session of ${formatDate(session.date)} moved to ${newSupervisor ?? 'the new supervisor'}` : `Session of ${formatDate(session.date)} cancelled`);
    else {
      // The field is reason-{id} (one form per session): point the summary's link at it, not at a #reason that is not there.
      const found = problemErrors(r.problem, ['reason']);
      setErrors({ ...found, summary: found.summary.map((e) => (e.href === '#reason' ? { ...e, href: `#reason-${session.id}` } : e)) });
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send('CANCEL');
  };
  return (
    <div className="govuk-!-margin-bottom-4">
      {errors && <ErrorSummary errors={errors.summary} />}
      <p className="govuk-body govuk-!-margin-bottom-2">
        <Link className="govuk-link" href={sessionHref(session.id)}>{when(session)}</Link>, {session.location}, with {session.supervisor.displayName}
      </p>
      {cancelling ? (
        <form noValidate onSubmit={onSubmit}>
          <Textarea id={`reason-${session.id}`} label="Why is it cancelled?" rows={2} value={reason}
            error={errors?.byField.reason} onChange={(e) => setReason(e.target.value)} />
          <div className="govuk-button-group">
            <Button variant="warning" disabled={sending} preventDoubleClick>Cancel the session</Button>
            <Button type="button" variant="secondary" onClick={() => setCancelling(false)}>Go back</Button>
          </div>
        </form>
      ) : (
        <div className="govuk-button-group">
          <Button type="button" disabled={sending} onClick={() => void send('TRANSFER')}>
            Move to {newSupervisor ?? 'the new supervisor'}
            <span className="govuk-visually-hidden"> ({when(session)})</span>
          </Button>
          <Button type="button" variant="secondary" onClick={() => setCancelling(true)}>
            Cancel it<span className="govuk-visually-hidden"> ({when(session)})</span>
          </Button>
        </div>
      )}
    </div>
  );
}
