import type { ReactNode } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { NotRecordedAsHeldFlag } from '../sessions/NotRecordedAsHeld';
import { AgreementComplianceTag, ScheduleStatusTag, SessionStatusTag } from '../sessions/StatusTags';
import { localTimeText, planHref, sessionHref } from '../sessions/sessions';
import { ShortSessionsFlag } from '../sessions/ShortSessions';
import { SkeletonLines } from './Skeleton';

type Row = Schemas['SuperviseeDashboardRow'];

/** "NQSW/ASYE" and "Agency" badges: their cadence and agreement rules differ. */
export function StaffBadgeTags({ staff }: { staff: Schemas['Staff'] }) {
  return (
    <>
      {staff.category === 'NEWLY_QUALIFIED' && (
        <>
          {' '}
          <Tag colour="turquoise" className="app-badge">
            NQSW/ASYE
          </Tag>
        </>
      )}
      {staff.employmentType === 'AGENCY' && (
        <>
          {' '}
          <Tag colour="purple" className="app-badge">
            Agency
          </Tag>
        </>
      )}
    </>
  );
}

/** One fact of a card: a small label over its value. */
function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="app-fact">
      <dt className="app-fact__label">{label}</dt>
      <dd className="app-fact__value" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Held sessions with no record written yet. */
function RecordsToWriteFlag({ row }: { row: Row }) {
  const n = row.heldAwaitingRecord;
  if (n <= 0) return null;
  return (
    <li>
      <Tag colour="blue">{plural(n, 'record to write', 'records to write')}</Tag>
    </li>
  );
}

/** Records written and waiting for someone's signature. */
function UnsignedRecordsFlag({ row }: { row: Row }) {
  const n = row.recordsAwaitingSignature ?? 0;
  if (n <= 0) return null;
  return (
    <li>
      <Tag colour="blue">{plural(n, 'record awaiting signature', 'records awaiting signature')}</Tag>
    </li>
  );
}

/** Open actions of this supervision past their due date. */
function OverdueActionsFlag({ row }: { row: Row }) {
  if (row.overdueActions <= 0) return null;
  return (
    <li>
      <Tag colour="red">{plural(row.overdueActions, 'overdue action', 'overdue actions')}</Tag>
    </li>
  );
}

/**
 * One supervisee, compact enough that eight fit a tablet with little scrolling: name, badges and status
 * in the title, four facts in a grid, then what waits as flags.
 */
function DashboardCard({ row, linkToStaff }: { row: Row; linkToStaff: boolean }) {
  const { supervisee: s, schedule, nextPlanned } = row;
  const headingId = `dashboard-${s.id}`;
  return (
    <li className="govuk-summary-card app-dashboard-card" data-testid="dashboard-row" aria-labelledby={headingId}>
      <div className="govuk-summary-card__title-wrapper app-dashboard-card__title">
        <h3 className="govuk-summary-card__title" id={headingId}>
          {linkToStaff ? (
            <Link className="govuk-link" href={`/staff/${encodeURIComponent(s.id)}`}>
              {s.displayName}
            </Link>
          ) : (
            s.displayName
          )}
          <StaffBadgeTags staff={s} />
        </h3>
        <span>
          <span className="govuk-visually-hidden">Status: </span>
          <span data-testid="schedule-status">
            <ScheduleStatusTag status={schedule.status} />
          </span>
        </span>
        <ul className="govuk-summary-card__actions">
          <li className="govuk-summary-card__action">
            <Link className="govuk-link app-touch-link" href={planHref(s.id)}>
              Plan a session <span className="govuk-visually-hidden">with {s.displayName}</span>
            </Link>
          </li>
        </ul>
      </div>
      <div className="govuk-summary-card__content app-dashboard-card__content">
        <NotRecordedAsHeldFlag row={row} />
        <dl className="app-facts">
          <Fact label="Next due" testId="next-due">
            {schedule.nextDue ? formatDate(schedule.nextDue) : 'Not set'}
          </Fact>
          <Fact label="Last held">{schedule.lastHeld ? formatDate(schedule.lastHeld) : 'Not yet'}</Fact>
          <Fact label="Next planned">
            {nextPlanned ? (
              <>
                <Link className="govuk-link" href={sessionHref(nextPlanned.id)}>
                  {formatDate(nextPlanned.date)} at {localTimeText(nextPlanned.startTime)}
                </Link>{' '}
                <SessionStatusTag status={nextPlanned.status} />
              </>
            ) : (
              'Nothing planned'
            )}
          </Fact>
          <Fact label="Agreement">
            <AgreementComplianceTag status={schedule.agreementStatus} />
          </Fact>
        </dl>
        <ul className="govuk-list app-flags" aria-label={`What waits for ${s.displayName}`}>
          {/* What waits: one flag component per line; each shows nothing when there is nothing. */}
          <RecordsToWriteFlag row={row} />
          <UnsignedRecordsFlag row={row} />
          <OverdueActionsFlag row={row} />
          <ShortSessionsFlag row={row} />
        </ul>
      </div>
    </li>
  );
}

/** The supervisor's supervisees, most urgent first, exactly in the order the API gives. */
export function SuperviseeDashboard({ linkToStaff }: { linkToStaff: boolean }) {
  const dashboard = useQuery(
    (signal) => settle(api.GET('/api/v1/dashboards/my-supervisees', { signal })),
    [],
  );
  return (
    <section aria-labelledby="dashboard-heading" data-testid="supervisee-dashboard">
      <h2 className="govuk-heading-m" id="dashboard-heading">
        Supervision due
      </h2>
      {dashboard.state === 'loading' && <SkeletonLines lines={3} />}
      {dashboard.state === 'error' && (
        <p className="govuk-body">Your supervisees’ supervision cannot be shown at the moment.</p>
      )}
      {dashboard.state === 'ok' &&
        (dashboard.data.items.length === 0 ? (
          <p className="govuk-body">There is nobody to show.</p>
        ) : (
          <>
            <p className="govuk-body">Most urgent first.</p>
            <ul className="govuk-list app-dashboard" aria-labelledby="dashboard-heading">
              {dashboard.data.items.map((row) => (
                <DashboardCard key={row.supervisee.id} row={row} linkToStaff={linkToStaff} />
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
