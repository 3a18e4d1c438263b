import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { NotRecordedAsHeldFlag } from '../sessions/NotRecordedAsHeld';
import { AgreementComplianceTag, ScheduleStatusTag, SessionStatusTag } from '../sessions/StatusTags';
import { localTimeText, planHref, sessionHref } from '../sessions/sessions';
import { ShortSessionsRow } from '../sessions/ShortSessions';

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

/** "1 record to write", "2 records awaiting signature": a written record is not one to write. */
export function recordsText(n: number | undefined, what: 'to write' | 'awaiting signature'): string {
  if (!n) return 'None';
  return `${n} ${n === 1 ? 'record' : 'records'} ${what}`;
}

function DashboardCard({ row, linkToStaff }: { row: Row; linkToStaff: boolean }) {
  const { supervisee: s, schedule, nextPlanned } = row;
  const headingId = `dashboard-${s.id}`;
  return (
    <li className="govuk-summary-card app-dashboard-card" data-testid="dashboard-row" aria-labelledby={headingId}>
      <div className="govuk-summary-card__title-wrapper">
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
        <ul className="govuk-summary-card__actions">
          <li className="govuk-summary-card__action">
            <Link className="govuk-link app-touch-link" href={planHref(s.id)}>
              Plan a session{' '}
              <span className="govuk-visually-hidden">with {s.displayName}</span>
            </Link>
          </li>
        </ul>
      </div>
      <div className="govuk-summary-card__content">
        <NotRecordedAsHeldFlag row={row} />
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value" data-testid="schedule-status">
              <ScheduleStatusTag status={schedule.status} />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Next due</dt>
            <dd className="govuk-summary-list__value" data-testid="next-due">
              {schedule.nextDue ? formatDate(schedule.nextDue) : 'Not set'}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Last held</dt>
            <dd className="govuk-summary-list__value">{schedule.lastHeld ? formatDate(schedule.lastHeld) : 'Not yet'}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Next planned</dt>
            <dd className="govuk-summary-list__value">
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
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Records to write</dt>
            <dd className="govuk-summary-list__value" data-testid="records-to-write">{recordsText(row.heldAwaitingRecord, 'to write')}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Records awaiting signature</dt>
            <dd className="govuk-summary-list__value" data-testid="records-awaiting-signature">
              {recordsText(row.recordsAwaitingSignature, 'awaiting signature')}
            </dd>
          </div>
          <ShortSessionsRow row={row} />
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Agreement</dt>
            <dd className="govuk-summary-list__value">
              <AgreementComplianceTag status={schedule.agreementStatus} />
            </dd>
          </div>
        </dl>
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
      {dashboard.state === 'loading' && <p className="govuk-body">Loading…</p>}
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
