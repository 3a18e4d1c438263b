import { useEffect, useRef, type ReactNode } from 'react';
import { Footer, Header, SkipLink, type NavigationItem } from './components/govuk';
import { rolesText } from './format';
import { AuthProvider, canUseStaffDirectory, useAuth, type Me } from './features/auth/AuthContext';
import { RequireAuth } from './features/auth/RequireAuth';
import { SignInPage } from './features/auth/SignInPage';
import { SignOutPage } from './features/auth/SignOutPage';
import { AgreementFormPage } from './features/agreements/AgreementFormPage';
import { AgreementPage } from './features/agreements/AgreementPage';
import { HomePage } from './features/home/HomePage';
import { HomeSkeleton } from './features/home/Skeleton';
import { PlanSessionsPage } from './features/sessions/PlanSessionsPage';
import { SessionPage } from './features/sessions/SessionPage';
import { RecordPastSessionPage } from './features/sessions/RecordPastSessionPage';
import { RecordPage } from './features/records/RecordPage';
import { NotFoundPage } from './features/notfound/NotFoundPage';
import { StaffDetailPage } from './features/staff/StaffDetailPage';
import { StaffListPage } from './features/staff/StaffListPage';
import { TeamsPage } from './features/teams/TeamsPage';
import { OfflineBanner } from './offline/OfflineBanner';
import { OutboxPage } from './offline/OutboxPage';
import { OutboxSync } from './offline/OutboxSync';
import { usePageRetryKey } from './offline/retryWhenOnline';
import { useOutboxCount } from './offline/useOutboxCount';
import { HandoverPage } from './features/handover/HandoverPage';
import { DecideSessionRequestPage } from './features/sessionrequests/DecideSessionRequestPage';
import { RequestSessionPage } from './features/sessionrequests/RequestSessionPage';
import { CaseDiscussionPage } from './features/casediscussions/CaseDiscussionPage';
import { ChildrenPage } from './features/children/ChildrenPage';
import { AddChildPage } from './features/children/AddChildPage';
import { ChildPage } from './features/children/ChildPage';
import { QuickDecisionPage } from './features/decisions/QuickDecisionPage';
import { DecisionsPage } from './features/decisions/DecisionsPage';
import { canSeeChildren, canSeeDecisions } from './features/decisions/decisions';
import { MyActivityPage } from './features/activity/MyActivityPage';
// issue 9: audit reports
import { AuditReportsPage } from './features/auditreports/AuditReportsPage';
import { AuditReportPage } from './features/auditreports/AuditReportPage';
import { Redirect, Router, isLocalPath, matchPath, useLocation, useSearchParams } from './router';
// issue 9: fe-audit
import { AuditPage } from './features/audits/AuditPage';
import { AuditsListPage } from './features/audits/AuditsListPage';
import { CrossCheckPage } from './features/audits/CrossCheckPage';
import { DisagreementsPage } from './features/audits/DisagreementsPage';
import { DrawSamplePage } from './features/audits/DrawSamplePage';
import { SamplePage } from './features/audits/SamplePage';
import { canAudit } from './features/audits/audits';
// issue 9: fe-questionnaire
import { QuestionnairePage } from './features/questionnaires/QuestionnairePage';
import { QuestionnaireResultsPage } from './features/questionnaires/QuestionnaireResultsPage';
import { IssueRoundPage } from './features/questionnaires/IssueRoundPage';
import { InvitationsPage } from './features/questionnaires/InvitationsPage';
// issue 10: evidence packs
import { EvidencePacksPage } from './features/evidencepacks/EvidencePacksPage';
// issue 10: front - every role's home and the measures pages
import { RoleHome } from './features/oversight/OversightHome';
import { MeasuresPage } from './features/oversight/MeasuresPage';
import { MeasurePeoplePage } from './features/oversight/MeasurePeoplePage';
import { canSeeMeasures, hasOversightHome, isMemberOnly } from './features/oversight/measures';

/** The page for a path. Unknown paths get the 404 page (the server sends index.html for them). */
function Routes() {
  const { pathname } = useLocation();
  const params = useSearchParams();
  const { state } = useAuth();

  if (matchPath('/sign-in', pathname)) {
    if (state.status === 'signedIn') {
      const returnTo = params.get('returnTo');
      return <Redirect to={isLocalPath(returnTo) && !returnTo.startsWith('/sign-') ? returnTo : '/'} />;
    }
    return <SignInPage />;
  }
  if (matchPath('/sign-out', pathname)) return <SignOutPage />;

  let page: ReactNode;
  let staffMatch: Record<string, string> | null;
  let agreementMatch: Record<string, string> | null;
  if (matchPath('/', pathname)) page = <HomePage />;
  else if (matchPath('/agreements/new', pathname)) {
    const superviseeId = params.get('superviseeId') ?? '';
    page = <AgreementFormPage key={`new-${superviseeId}`} superviseeId={superviseeId} />;
  } else if ((agreementMatch = matchPath('/agreements/:agreementId/edit', pathname))) {
    page = <AgreementFormPage key={`edit-${agreementMatch.agreementId}`} agreementId={agreementMatch.agreementId as string} />;
  } else if ((agreementMatch = matchPath('/agreements/:agreementId', pathname))) {
    page = <AgreementPage key={agreementMatch.agreementId} agreementId={agreementMatch.agreementId as string} />;
  }
  else if (matchPath('/sessions/new', pathname)) {
    const superviseeId = params.get('superviseeId') ?? '';
    page = <PlanSessionsPage key={`plan-${superviseeId}`} superviseeId={superviseeId} />;
  } else if (matchPath('/sessions/past', pathname)) {
    const superviseeId = params.get('superviseeId') ?? '';
    page = <RecordPastSessionPage key={`past-${superviseeId}`} superviseeId={superviseeId} />;
  } else if ((staffMatch = matchPath('/sessions/:sessionId/record', pathname))) {
    page = <RecordPage key={`record-${staffMatch.sessionId}`} sessionId={staffMatch.sessionId as string} />;
  } else if ((staffMatch = matchPath('/sessions/:sessionId', pathname))) {
    page = <SessionPage key={staffMatch.sessionId} sessionId={staffMatch.sessionId as string} />;
  } else if (matchPath('/session-requests/new', pathname)) page = <RequestSessionPage />;
  else if ((staffMatch = matchPath('/session-requests/:requestId', pathname))) {
    page = <DecideSessionRequestPage key={staffMatch.requestId} requestId={staffMatch.requestId as string} />;
  } else if ((staffMatch = matchPath('/case-discussions/:caseDiscussionId', pathname))) {
    // Case discussions (issue 8).
    page = <CaseDiscussionPage key={staffMatch.caseDiscussionId} caseDiscussionId={staffMatch.caseDiscussionId as string} />;
  } else if (matchPath('/staff', pathname)) page = <StaffListPage />;
  else if ((staffMatch = matchPath('/staff/:staffId/handover', pathname))) {
    page = <HandoverPage key={`handover-${staffMatch.staffId}`} staffId={staffMatch.staffId as string} />;
  } else if ((staffMatch = matchPath('/staff/:staffId', pathname))) {
    page = <StaffDetailPage key={staffMatch.staffId} staffId={staffMatch.staffId as string} />;
  } else if (matchPath('/teams', pathname)) page = <TeamsPage />;
  else if (matchPath('/outbox', pathname)) page = <OutboxPage />;
  // Issue 8: children, decisions, who read my records.
  else if (matchPath('/children', pathname)) page = <ChildrenPage />;
  else if (matchPath('/children/new', pathname)) page = <AddChildPage />;
  else if ((staffMatch = matchPath('/children/:childId', pathname))) {
    page = <ChildPage key={staffMatch.childId} childId={staffMatch.childId as string} />;
  } else if (matchPath('/decisions', pathname)) page = <DecisionsPage />;
  else if (matchPath('/decisions/new', pathname)) page = <QuickDecisionPage key={params.get('childId') ?? ''} />;
  else if (matchPath('/me/activity', pathname)) page = <MyActivityPage />;
  // issue 9: fe-audit - audits, the quarter's sample, the cross-check with Part 2.
  else if (matchPath('/audits', pathname)) page = <AuditsListPage />;
  else if ((staffMatch = matchPath('/audits/:auditId/cross-check', pathname))) {
    page = <CrossCheckPage key={`cross-check-${staffMatch.auditId}`} auditId={staffMatch.auditId as string} />;
  } else if ((staffMatch = matchPath('/audits/:auditId', pathname))) {
    page = <AuditPage key={`audit-${staffMatch.auditId}`} auditId={staffMatch.auditId as string} />;
  } else if (matchPath('/audit-samples/new', pathname)) page = <DrawSamplePage />;
  else if ((staffMatch = matchPath('/audit-samples/:sampleId', pathname))) {
    page = <SamplePage key={staffMatch.sampleId} sampleId={staffMatch.sampleId as string} />;
  } else if (matchPath('/audit-disagreements', pathname)) page = <DisagreementsPage />;
  // issue 9: fe-questionnaire - the Part 2 questionnaire from its link, its results, rounds and invitations.
  else if ((staffMatch = matchPath('/questionnaires/:invitationId', pathname))) {
    page = <QuestionnairePage key={staffMatch.invitationId} invitationId={staffMatch.invitationId as string} />;
  } else if (matchPath('/questionnaire-results', pathname)) page = <QuestionnaireResultsPage key={params.get('quarter') ?? ''} />;
  else if (matchPath('/questionnaire-rounds/new', pathname)) page = <IssueRoundPage />;
  else if (matchPath('/questionnaire-invitations', pathname)) page = <InvitationsPage />;
  // issue 9: audit reports - the quarterly audit reports and their sign-off.
  else if (matchPath('/audit-reports', pathname)) page = <AuditReportsPage />;
  else if ((staffMatch = matchPath('/audit-reports/:serviceId/:quarter', pathname))) {
    page = <AuditReportPage key={`${staffMatch.serviceId}-${staffMatch.quarter}`} serviceId={staffMatch.serviceId as string} quarter={staffMatch.quarter as string} />;
  }
  // issue 10: evidence packs - ask for a pack, watch it being made, download its files.
  else if (matchPath('/evidence-packs', pathname)) page = <EvidencePacksPage />;
  // issue 10: front - the measures, the people behind a figure, and "My supervision" for those whose home is another
  else if (matchPath('/measures', pathname)) page = <MeasuresPage key={params.toString()} />;
  else if (matchPath('/measures/people', pathname)) page = <MeasurePeoplePage key={params.toString()} />;
  else if (matchPath('/my-supervision', pathname)) page = <HomePage />;
  else return <NotFoundPage />;
  // issue 10: front - the oversight roles land on their own home
  if (matchPath('/', pathname)) page = <RoleHome supervisionHome={page} />;
  return <RequireAuth loading={matchPath('/', pathname) ? <HomeSkeleton /> : undefined}>{page}</RequireAuth>;
}

function navigationFor(pathname: string, showStaff: boolean, waiting: number, me: Me | null = null): NavigationItem[] {
  // issue 9: fe-questionnaire - the questionnaire's link opens the form alone, with no service navigation.
  if (matchPath('/questionnaires/:invitationId', pathname)) return [];
  const items: NavigationItem[] = [{ href: '/', text: 'My supervision', current: pathname === '/' }];
  // issue 10: front - "Home" for the oversight roles, their own supervision beside it, and the measures
  if (hasOversightHome(me)) {
    items.splice(0, 1, { href: '/', text: 'Home', current: pathname === '/' });
    if (me.staff) items.push({ href: '/my-supervision', text: 'My supervision', current: pathname === '/my-supervision' });
  }
  if (canSeeMeasures(me)) items.push({ href: '/measures', text: 'Measures', current: pathname.startsWith('/measures') });
  if (canSeeChildren(me)) items.push({ href: '/children', text: 'Children', current: pathname.startsWith('/children') });
  if (canSeeDecisions(me)) items.push({ href: '/decisions', text: 'Decisions', current: pathname.startsWith('/decisions') });
  if (showStaff) items.push({ href: '/staff', text: 'Staff', current: pathname.startsWith('/staff') });
  // issue 9: fe-audit
  if (canAudit(me)) items.push({ href: '/audits', text: 'Audits', current: pathname.startsWith('/audit') });
  // An elected member has no team pages: their figures are on their home and the measures.
  if (!isMemberOnly(me)) items.push({ href: '/teams', text: 'Teams', current: pathname.startsWith('/teams') });
  if (waiting > 0) items.push({ href: '/outbox', text: `Waiting to send (${waiting})`, current: pathname === '/outbox' });
  items.push({ href: '/sign-out', text: 'Sign out' });
  return items;
}

function Layout() {
  const { state } = useAuth();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const me = state.status === 'signedIn' ? state.me : null;
  const waiting = useOutboxCount();
  // A page that failed to load offline starts again when the connection returns.
  const retryKey = usePageRetryKey();

  // After moving to another page, start a screen reader (and the keyboard) at its heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector('h1');
    const target = heading ?? mainRef.current;
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
    }
    window.scrollTo?.(0, 0);
  }, [pathname]);

  return (
    <>
      <OutboxSync signedIn={!!me} />
      <SkipLink />
      <Header
        organisationName={me?.organisation.name}
        navigation={me ? navigationFor(pathname, canUseStaffDirectory(me), waiting, me) : []}
        account={me ? { name: me.displayName, role: rolesText(me.roles) } : undefined}
      />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" ref={mainRef}>
          <OfflineBanner />
          <Routes key={retryKey} />
        </main>
      </div>
      <Footer links={[{ href: '/api-docs/', text: 'API documentation' }]} />
    </>
  );
}

export function App() {
  return (
    <Router>
      <AuthProvider>
        <Layout />
      </AuthProvider>
    </Router>
  );
}
