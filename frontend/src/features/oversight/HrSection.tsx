/**
 * The HR officer's home (UX.md): the staff directory, who leaves in the next eight weeks, who left or started in
 * a post in the last eight, and managers' supervision training. Three staff list calls, each a window the service
 * filters (so the answer never depends on who is on a first page), and one measures call; no
 * case discussion or record content.
 */
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Table } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { SkeletonLines } from '../home/Skeleton';
import { MeasureProblem } from './MeasureProblem';
import { figureText, measuresHref } from './measures';
import { useMeasureSet } from './useMeasures';

const WEEKS = 8;
const DAY_MS = 86_400_000;

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The window of days around today the home looks at: [from, to] as ISO dates. */
export function window(now = new Date()) {
  return { past: isoDay(new Date(now.getTime() - WEEKS * 7 * DAY_MS)), today: isoDay(now), future: isoDay(new Date(now.getTime() + WEEKS * 7 * DAY_MS)) };
}

function StaffTable({ caption, people, dateHeading, date, testId }: { caption: string; people: Schemas['Staff'][]; dateHeading: string; date: (s: Schemas['Staff']) => string | undefined; testId: string }) {
  if (people.length === 0) return <p className="govuk-body" data-testid={testId}>{`${caption}: none.`}</p>;
  return (
    <div data-testid={testId}>
      <Table
        caption={caption}
        captionSize="s"
        head={[{ text: 'Name' }, { text: 'Team' }, { text: dateHeading }]}
        firstCellIsHeader
        rowKeys={people.map((p) => p.id)}
        rows={people.map((p) => [
          <Link className="govuk-link" href={`/staff/${encodeURIComponent(p.id)}`}>
            {p.displayName}
          </Link>,
          p.team?.name ?? 'No team',
          formatDate(date(p)),
        ])}
        stackOnSmallScreens
      />
    </div>
  );
}

function ManagersTraining() {
  const people = useQuery(
    (signal) => settle(api.GET('/api/v1/measures/people', { params: { query: { measure: 'workforce.managersTrained', scope: 'DIRECTORATE', limit: 50 } }, signal })),
    [],
  );
  // HR may see the figure where it may not see the people behind it.
  const set = useMeasureSet(people.state === 'error' && people.problem.status === 403 ? { scope: 'DIRECTORATE' } : null);
  const figure = set.state === 'ok' ? set.data?.measures.find((m) => m.key === 'workforce.managersTrained') : undefined;
  return (
    <section aria-labelledby="training-heading" data-testid="managers-training">
      <h2 className="govuk-heading-m" id="training-heading">
        Managers’ supervision training
      </h2>
      {people.state === 'loading' && <SkeletonLines lines={2} />}
      {people.state === 'error' && people.problem.status !== 403 && <MeasureProblem problem={people.problem} what="Managers’ training" />}
      {people.state === 'ok' &&
        (people.data.items.filter((p) => !p.inNumerator).length === 0 ? (
          <p className="govuk-body">Every manager has completed their supervision training in time.</p>
        ) : (
          <Table
            caption="Managers whose supervision training is due or late"
            captionSize="s"
            head={[{ text: 'Name' }, { text: 'Team' }, { text: 'Training' }]}
            firstCellIsHeader
            rowKeys={people.data.items.filter((p) => !p.inNumerator).map((p) => p.staff.id)}
            rows={people.data.items
              .filter((p) => !p.inNumerator)
              .map((p) => [
                <Link className="govuk-link" href={`/staff/${encodeURIComponent(p.staff.id)}`}>
                  {p.staff.displayName}
                </Link>,
                p.team?.name ?? 'No team',
                p.detail ?? 'Not recorded',
              ])}
            stackOnSmallScreens
          />
        ))}
      {figure && set.state === 'ok' && set.data && (
        <p className="govuk-body" data-testid="training-figure">
          {figure.label}: <strong>{figureText(figure, set.data.minimumGroupSize)}</strong>
        </p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link app-touch-link" href={measuresHref({ scope: 'DIRECTORATE' })}>
          Workforce measures for the organisation
        </Link>
      </p>
    </section>
  );
}

/** The day before an ISO date. */
function dayBefore(iso: string): string {
  const day = new Date(`${iso}T12:00:00`);
  day.setDate(day.getDate() - 1);
  return isoDay(day);
}

/** One window of the staff list, filtered by the service (never a first page filtered here). */
function useStaffWindow(query: Record<string, string>) {
  return useQuery((signal) => settle(api.GET('/api/v1/staff', { params: { query: { ...query, limit: 200 } }, signal })), [JSON.stringify(query)]);
}

export function HrSection() {
  const w = window();
  const leavingSoon = useStaffWindow({ status: 'current', leavingFrom: w.today, leavingTo: w.future });
  const newInPost = useStaffWindow({ status: 'current', postStartFrom: w.past, postStartTo: w.today });
  const leavers = useStaffWindow({ status: 'leavers', leavingFrom: w.past, leavingTo: dayBefore(w.today) });
  const leaving = leavingSoon.state === 'ok' ? leavingSoon.data.items : [];
  const movers = newInPost.state === 'ok' ? newInPost.data.items : [];
  const left = leavers.state === 'ok' ? leavers.data.items : [];
  const partial = [leavingSoon, newInPost, leavers].some((q) => q.state === 'ok' && q.data.nextCursor);
  const failed = [leavingSoon, newInPost, leavers].find((q) => q.state === 'error');
  return (
    <>
      <section aria-labelledby="hr-staff-heading" data-testid="hr-home">
        <h2 className="govuk-heading-m" id="hr-staff-heading">
          Staff
        </h2>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link app-touch-link" href="/staff">
              Staff directory
            </Link>
          </li>
          <li>
            <Link className="govuk-link app-touch-link" href="/teams">
              Teams
            </Link>
          </li>
        </ul>
        {(leavingSoon.state === 'loading' || newInPost.state === 'loading' || leavers.state === 'loading') && <SkeletonLines lines={3} />}
        {failed?.state === 'error' && <MeasureProblem problem={failed.problem} what="The staff" />}
        {leavingSoon.state === 'ok' && <StaffTable caption={`Leaving in the next ${WEEKS} weeks`} people={leaving} dateHeading="Leaving date" date={(s) => s.leavingDate} testId="leaving-soon" />}
        {newInPost.state === 'ok' && <StaffTable caption={`New in post in the last ${WEEKS} weeks (starters and movers)`} people={movers} dateHeading="In post since" date={(s) => s.postStartDate} testId="movers" />}
        {leavers.state === 'ok' && <StaffTable caption={`Left in the last ${WEEKS} weeks`} people={left} dateHeading="Left on" date={(s) => s.leavingDate} testId="recent-leavers" />}
        {partial && <p className="govuk-body">Each list shows its first 200 people. The staff directory lists everyone.</p>}
      </section>
      <ManagersTraining />
    </>
  );
}
