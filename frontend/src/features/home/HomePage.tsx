import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { Employment } from '../../components/app/StaffBadges';
import { SummaryList, Table } from '../../components/govuk';
import { categoryText } from '../../format';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { canUseStaffDirectory, useAuth } from '../auth/AuthContext';
import { AgreementStatusTag } from '../agreements/AgreementStatusTag';
import { OPEN_STATUSES, call, type Agreement } from '../agreements/agreements';
import { ExtraSessionRequests } from '../sessionrequests/ExtraSessionRequests';
import { AddToNextAgenda } from './AddToNextAgenda';
import { MyNextSession } from './MyNextSession';
import { MySchedule, useMyUpcomingSessions } from './MySchedule';
import { SkeletonLines } from './Skeleton';
import { MyOpenActions, RecordsToSign } from './MyRecordsAndActions';
import { SuperviseeDashboard } from './SuperviseeDashboard';
import { CaseDiscussionsToSign } from './CaseDiscussionsToSign';
import { HomeDecisions } from '../decisions/HomeDecisions';
import { canRecordDecisions } from '../decisions/decisions';
import { AuditsHome } from '../audits/AuditsHome';
import { HomeQuestionnaires } from '../questionnaires/HomeQuestionnaires'; // issue 9: fe-questionnaire
import { HomeAudits } from '../auditreports/HomeAudits'; // issue 9: audit reports

type Agreements = { state: 'loading' } | { state: 'error' } | { state: 'ok'; items: Agreement[] };

/** Agreements from one list call (newest first); none per row. */
function useAgreements(query: { superviseeId?: string; limit: number } | null): Agreements {
  const [state, setState] = useState<Agreements>({ state: 'loading' });
  const key = query ? `${query.superviseeId ?? ''}|${query.limit}` : null;
  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    call(api.GET('/api/v1/agreements', { params: { query }, signal: controller.signal }))
      .then((result) => {
        if (!controller.signal.aborted) setState(result.ok ? { state: 'ok', items: result.data.items } : { state: 'error' });
      })
      .catch(() => {});
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is the query's value; the object is new on every render
  }, [key]);
  return state;
}

const agreementHref = (agreement: Agreement) => `/agreements/${encodeURIComponent(agreement.id)}`;
const draftHref = (superviseeId: string) => `/agreements/new?superviseeId=${encodeURIComponent(superviseeId)}`;

function YourAgreement({ agreements }: { agreements: Agreements }) {
  const newest = agreements.state === 'ok' ? agreements.items[0] : undefined;
  return (
    <section aria-labelledby="your-agreement-heading" data-testid="your-agreement">
      <h2 className="govuk-heading-m" id="your-agreement-heading">
        Your agreement
      </h2>
      {agreements.state === 'loading' && <SkeletonLines lines={1} />}
      {agreements.state === 'error' && <p className="govuk-body">Your agreement cannot be shown at the moment.</p>}
      {agreements.state === 'ok' &&
        (newest ? (
          <p className="govuk-body">
            <AgreementStatusTag status={newest.status} showLock />{' '}
            <Link className="govuk-link app-touch-link" href={agreementHref(newest)}>
              View your supervision agreement with {newest.supervisor.displayName}
            </Link>
          </p>
        ) : (
          <p className="govuk-body">You do not have a supervision agreement yet.</p>
        ))}
    </section>
  );
}

/** The agreement cell for one supervisee: the newest agreement's status, or a link to draft one. */
function AgreementCell({ supervisee, agreements }: { supervisee: Schemas['Staff']; agreements: Agreements }) {
  if (agreements.state !== 'ok') return agreements.state === 'loading' ? <>Loading…</> : <>Not known</>;
  const theirs = agreements.items.filter((a) => a.supervisee.id === supervisee.id);
  const current = theirs.find((a) => OPEN_STATUSES.includes(a.status));
  const shown = current ?? theirs[0];
  return (
    <>
      {shown && (
        <span className="app-block">
          <Link className="govuk-link" href={agreementHref(shown)}>
            <AgreementStatusTag status={shown.status} />{' '}
            <span className="govuk-visually-hidden">agreement for {supervisee.displayName}</span>
          </Link>
        </span>
      )}
      {!current && (
        <Link className="govuk-link" href={draftHref(supervisee.id)}>
          Draft agreement{' '}
          <span className="govuk-visually-hidden">for {supervisee.displayName}</span>
        </Link>
      )}
    </>
  );
}

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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per visit to the page, not on every reload of the account
  }, []);

  const staffId = me?.staff?.id;
  const mine = useAgreements(staffId ? { superviseeId: staffId, limit: 1 } : null);
  const supervised = useAgreements(me && me.supervisees.length > 0 ? { limit: 200 } : null);
  const upcoming = useMyUpcomingSessions(staffId);

  if (!me) return null;
  const staff = me.staff;
  const linkToStaff = canUseStaffDirectory(me);
  const isSupervisor = me.roles.includes('SUPERVISOR') || me.supervisees.length > 0;

  return (
    <>
      <span className="govuk-caption-l">{me.displayName}</span>
      <h1 className="govuk-heading-l">My supervision</h1>
      <HomeQuestionnaires /* issue 9: fe-questionnaire */ />

      {/* Issue 8: a decision about a child in one tap, what waits to be filed, and case discussions to sign. */}
      {canRecordDecisions(me) && <HomeDecisions />}
      <AuditsHome />
      <HomeAudits />{/* issue 9: audit reports */}
      {staff && (me.roles.includes('PRACTITIONER') || me.roles.includes('SUPERVISOR')) && <CaseDiscussionsToSign staffId={staff.id} />}

      {/* What needs this person now comes first (UX.md): for a supervisor, their supervisees by urgency and what
          waits for their signature; for everyone, their own next session and what waits for them. */}
      {me.supervisees.length > 0 && staff && <RecordsToSign staffId={staff.id} />}

      {me.supervisees.length > 0 && <SuperviseeDashboard linkToStaff={linkToStaff} />}

      {staff && <MyNextSession sessions={upcoming} />}

      {staff && me.supervisors.length > 0 && <AddToNextAgenda staffId={staff.id} />}

      {me.supervisees.length === 0 && staff && <RecordsToSign staffId={staff.id} />}

      <ExtraSessionRequests />

      {!staff && (
        <p className="govuk-body" data-testid="no-staff-record">
          Your account is not linked to a staff record, so there is no supervision to show.
        </p>
      )}

      {staff && <MyOpenActions staffId={staff.id} />}

      {staff && <MySchedule staffId={staff.id} sessions={upcoming} />}

      {staff && <YourAgreement agreements={mine} />}

      {staff && (
        <p className="govuk-body">
          <Link className="govuk-link app-touch-link" href="/me/activity">
            Who has read my records
          </Link>
        </p>
      )}

      {me.supervisees.length > 0 ? (
        <Table
          caption="People you supervise"
          head={[{ text: 'Name' }, { text: 'Job title' }, { text: 'Category' }, { text: 'Employment' }, { text: 'Team' }, { text: 'Agreement' }]}
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
            <AgreementCell supervisee={s} agreements={supervised} />,
          ])}
          className="app-table--supervisees"
          stackOnSmallScreens
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
    </>
  );
}
