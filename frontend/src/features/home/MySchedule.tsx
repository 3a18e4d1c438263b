import { api } from '../../api/client';
import { settle, useQuery, type QueryState } from '../../api/useQuery';
import { SummaryList } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { ScheduleStatusTag, SessionStatusTag } from '../sessions/StatusTags';
import { localTimeText, sessionHref, todayIso, type Session } from '../sessions/sessions';
import { SkeletonLines } from './Skeleton';

/** The practitioner's sessions still to come (planned or postponed), soonest first: one call for the home page. */
export function useMyUpcomingSessions(staffId: string | undefined): QueryState<Session[]> {
  return useQuery(async (signal) => {
    if (!staffId) return { state: 'ok', data: [] };
    const listed = await settle(
      api.GET('/api/v1/sessions', { params: { query: { superviseeId: staffId, from: todayIso(), limit: 5 } }, signal }),
    );
    if (listed.state !== 'ok') return listed;
    return { state: 'ok', data: listed.data.items.filter((s) => s.status === 'PLANNED' || s.status === 'POSTPONED') };
  }, [staffId]);
}

/** A practitioner's own schedule and their next sessions. */
export function MySchedule({ staffId, sessions }: { staffId: string; sessions: QueryState<Session[]> }) {
  const schedule = useQuery(
    (signal) => settle(api.GET('/api/v1/staff/{staffId}/schedule', { params: { path: { staffId } }, signal })),
    [staffId],
  );
  const upcoming = sessions.state === 'ok' ? sessions.data : [];
  return (
    <section aria-labelledby="my-schedule-heading" data-testid="my-schedule">
      <h2 className="govuk-heading-m" id="my-schedule-heading">
        Your supervision
      </h2>
      {schedule.state === 'loading' && <SkeletonLines />}
      {schedule.state === 'error' && <p className="govuk-body">Your supervision schedule cannot be shown at the moment.</p>}
      {schedule.state === 'ok' && (
        <SummaryList
          rows={[
            { key: 'Status', value: <ScheduleStatusTag status={schedule.data.status} /> },
            { key: 'Next due', value: schedule.data.nextDue ? formatDate(schedule.data.nextDue) : 'Not set' },
            {
              key: 'Sessions in the last 12 months',
              value:
                schedule.data.minimumPerYear != null
                  ? `${schedule.data.sessionsInLast12Months} of at least ${schedule.data.minimumPerYear}`
                  : String(schedule.data.sessionsInLast12Months),
            },
          ]}
        />
      )}
      <h3 className="govuk-heading-s">Your next sessions</h3>
      {sessions.state === 'loading' && <SkeletonLines lines={1} />}
      {sessions.state === 'error' && <p className="govuk-body">Your sessions cannot be shown at the moment.</p>}
      {sessions.state === 'ok' &&
        (upcoming.length === 0 ? (
          <p className="govuk-body">No sessions are planned for you.</p>
        ) : (
          <ul className="govuk-list" data-testid="my-next-sessions">
            {upcoming.map((s) => (
              <li key={s.id}>
                <Link className="govuk-link app-touch-link" href={sessionHref(s.id)}>
                  {formatDate(s.date)} at {localTimeText(s.startTime)}
                </Link>{' '}
                with {s.supervisor.displayName}, {s.location} <SessionStatusTag status={s.status} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
