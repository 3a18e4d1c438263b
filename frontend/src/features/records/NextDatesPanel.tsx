import { useRef, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Button, ErrorSummary, NotificationBanner } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useMe } from '../auth/AuthContext';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { localTimeText, sessionHref, todayIso } from '../sessions/sessions';

const COUNT = 3;

/** The date the cadence continues from: this session, or the last one already booked after it. */
async function continueAfter(session: Schemas['Session'], superviseeId: string, signal: AbortSignal): Promise<string> {
  const planned = await settle(
    api.GET('/api/v1/sessions', { params: { query: { superviseeId, status: 'PLANNED', from: todayIso(), limit: 200 } }, signal }),
  );
  const dates = planned.state === 'ok' ? planned.data.items.map((s) => s.date) : [];
  return dates.reduce((latest, d) => (d > latest ? d : latest), session.date);
}

/**
 * At the end of a record: the next three dates from the person's cadence (the server's preview, which is what
 * booking books), booked in one tap at this session's time and place. Shown to the session's supervisor only.
 */
export function NextDatesPanel({ session }: { session: Schemas['Session'] }) {
  const me = useMe();
  const superviseeId = session.supervisees[0]?.id ?? '';
  const show = session.kind === 'ONE_TO_ONE' && !!superviseeId && me?.staff?.id === session.supervisor.id;
  const preview = useQuery(
    async (signal) => {
      if (!show) return { state: 'loading' as const };
      const after = await continueAfter(session, superviseeId, signal);
      return settle(
        api.GET('/api/v1/staff/{staffId}/session-dates', { params: { path: { staffId: superviseeId }, query: { after, count: COUNT } }, signal }),
      );
    },
    [show, session.id, superviseeId],
  );
  const [booked, setBooked] = useState<Schemas['Session'][] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  if (!show || preview.state !== 'ok') return null;
  const dates = preview.data.items;
  const first = dates[0];
  if (!first) return null;
  const name = session.supervisees[0]?.displayName ?? 'them';

  const book = async () => {
    if (sending) return;
    setSending(true);
    const result = await call(
      api.POST('/api/v1/sessions', {
        params: { header: { 'Idempotency-Key': idempotencyKey.current } },
        body: {
          superviseeIds: [superviseeId],
          date: first.date,
          startTime: session.startTime,
          plannedMinutes: session.plannedMinutes,
          location: session.location,
          count: dates.length,
        },
      }),
    );
    setSending(false);
    if (result.ok) {
      setProblem(null);
      setBooked(result.data.items);
    } else setProblem(result.problem.detail ?? result.problem.title);
  };

  return (
    <section aria-labelledby="next-dates-heading" data-testid="next-dates">
      <h2 className="govuk-heading-m" id="next-dates-heading">
        Next sessions
      </h2>
      {problem && <ErrorSummary errors={[{ text: problem }]} />}
      {booked ? (
        <NotificationBanner type="success" heading={`${booked.length} sessions booked with ${name}`} autoFocus={false}>
          <ul className="govuk-list" data-testid="next-dates-booked">
            {booked.map((s) => (
              <li key={s.id}>
                <Link className="govuk-link app-touch-link" href={sessionHref(s.id)}>
                  {formatDate(s.date)} at {localTimeText(s.startTime)}
                </Link>
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : (
        <>
          <p className="govuk-body">
            The next {dates.length} dates from {name}’s cadence, at {localTimeText(session.startTime)} in {session.location}:
          </p>
          <ul className="govuk-list govuk-list--bullet" data-testid="next-dates-suggested">
            {dates.map((d) => (
              <li key={d.date}>{formatDate(d.date)}</li>
            ))}
          </ul>
          <Button type="button" variant="secondary" disabled={sending} onClick={() => void book()}>
            {sending ? 'Booking…' : `Book these ${dates.length} dates`}
          </Button>
        </>
      )}
    </section>
  );
}
