import { useEffect } from 'react';
import type { Schemas } from '../../api/client';
import { Employment } from '../../components/app/StaffBadges';
import { SummaryList, Table } from '../../components/govuk';
import { categoryText } from '../../format';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { canUseStaffDirectory, useAuth } from '../auth/AuthContext';

/** How old the signed-in person's details may be before the home page asks again. */
const FRESH_FOR_MS = 30_000;

function Supervisors({ supervisors }: { supervisors: Schemas['StaffRef'][] }) {
  if (supervisors.length === 0) {
    return (
      <p className="govuk-body" data-testid="no-supervisor">
        You do not have a supervisor recorded. Ask your manager or HR to record who supervises you.
      </p>
    );
  }
  return (
    <ul className="govuk-list">
      {supervisors.map((s) => (
        <li key={s.id}>
          <strong>{s.displayName}</strong>
          {s.jobTitle && `, ${s.jobTitle}`}
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { state, reloadMe } = useAuth();
  usePageTitle('My supervision');
  const me = state.status === 'signedIn' ? state.me : null;
  const loadedAt = state.status === 'signedIn' ? state.loadedAt : 0;

  useEffect(() => {
    if (Date.now() - loadedAt > FRESH_FOR_MS) void reloadMe();
    // Once per visit to the page.
  }, []);

  if (!me) return null;
  const staff = me.staff;
  const linkToStaff = canUseStaffDirectory(me);
  const isSupervisor = me.roles.includes('SUPERVISOR') || me.supervisees.length > 0;

  return (
    <>
      <span className="govuk-caption-l">{me.displayName}</span>
      <h1 className="govuk-heading-l">My supervision</h1>

      {!staff && (
        <p className="govuk-body" data-testid="no-staff-record">
          Your account is not linked to a staff record, so there is no supervision to show.
        </p>
      )}

      {staff && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-full">
            <h2 className="govuk-heading-m">About you</h2>
            <SummaryList
              rows={[
                {
                  key: 'Your supervisor',
                  value: <Supervisors supervisors={me.supervisors} />,
                },
                {
                  key: 'Your team',
                  value: staff.team ? (
                    <>
                      {staff.team.name}
                      {staff.service && <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{staff.service.name}</span>}
                    </>
                  ) : staff.service ? (
                    <>You are not in a team. You work in {staff.service.name}.</>
                  ) : (
                    'You are not in a team.'
                  ),
                },
                { key: 'Job title', value: staff.jobTitle },
              ]}
            />
          </div>
        </div>
      )}

      {me.supervisees.length > 0 ? (
        <Table
          caption="People you supervise"
          head={[{ text: 'Name' }, { text: 'Job title' }, { text: 'Category' }, { text: 'Employment' }, { text: 'Team' }]}
          firstCellIsHeader
          rowKeys={me.supervisees.map((s) => s.id)}
          rows={me.supervisees.map((s) => [
            linkToStaff ? (
              <Link className="govuk-link" href={`/staff/${encodeURIComponent(s.id)}`}>
                {s.displayName}
              </Link>
            ) : (
              s.displayName
            ),
            s.jobTitle,
            categoryText(s.category),
            <Employment type={s.employmentType} />,
            s.team?.name ?? 'No team',
          ])}
          className="app-table--supervisees"
        />
      ) : (
        isSupervisor && (
          <>
            <h2 className="govuk-heading-m">People you supervise</h2>
            <p className="govuk-body" data-testid="no-supervisees">
              You do not supervise anyone at the moment. When someone is recorded as your supervisee, they will
              be listed here.
            </p>
          </>
        )
      )}
    </>
  );
}
