/**
 * The home of the roles that oversee supervision (UX.md; decision 0035). A person with several roles sees the
 * sections of each, the most senior first; their own supervision (as someone supervised, or supervising) comes
 * after, with the full "My supervision" page a link away. Practitioners and supervisors keep that page as home.
 */
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { canUseStaffDirectory, useMe, type Me } from '../auth/AuthContext';
import { AuditsHome } from '../audits/AuditsHome';
import { canAudit } from '../audits/audits';
import { HomeAudits } from '../auditreports/HomeAudits';
import { SuperviseeDashboard } from '../home/SuperviseeDashboard';
import { RecordsToSign } from '../home/MyRecordsAndActions';
import { HomeQuestionnaires } from '../questionnaires/HomeQuestionnaires';
import { AdminSection } from './AdminSection';
import { DirectorateSection } from './DirectorateSection';
import { HrSection } from './HrSection';
import { MemberSection } from './MemberHome';
import { ServiceManagerSection } from './ServiceManagerSection';
import { hasOversightHome, isMemberOnly } from './measures';
import type { ReactNode } from 'react';

function OwnSupervision({ me }: { me: Me }) {
  const staff = me.staff;
  if (!staff) return null;
  return (
    <section aria-labelledby="own-supervision-heading" data-testid="own-supervision">
      <h2 className="govuk-heading-m" id="own-supervision-heading">
        Your own supervision
      </h2>
      <p className="govuk-body">
        <Link className="govuk-link app-touch-link" href="/my-supervision">
          My supervision: your next session, records to sign, actions and agreement
        </Link>
      </p>
      {me.supervisees.length > 0 && (
        <>
          <RecordsToSign staffId={staff.id} />
          <SuperviseeDashboard linkToStaff={canUseStaffDirectory(me)} />
        </>
      )}
    </section>
  );
}

/** The sections for a person's roles, the most senior first. */
export function sectionsFor(me: Me): { key: string; node: ReactNode }[] {
  const roles = new Set(me.roles);
  const sections: { key: string; node: ReactNode }[] = [];
  if (roles.has('ELECTED_MEMBER')) sections.push({ key: 'member', node: <MemberSection me={me} /> });
  if (roles.has('HEAD_OF_SERVICE') || roles.has('QA_AUDITOR')) sections.push({ key: 'directorate', node: <DirectorateSection me={me} /> });
  if (roles.has('SERVICE_MANAGER')) sections.push({ key: 'service', node: <ServiceManagerSection me={me} /> });
  // The audits due from managers, the QA auditor's sample, drafts and questionnaires (issue 9's own cards).
  if (roles.has('SERVICE_MANAGER') || roles.has('HEAD_OF_SERVICE')) sections.push({ key: 'audits-due', node: <HomeAudits /> });
  if (canAudit(me)) sections.push({ key: 'audits', node: <AuditsHome /> });
  if (roles.has('HR')) sections.push({ key: 'hr', node: <HrSection /> });
  if (roles.has('ADMIN')) sections.push({ key: 'admin', node: <AdminSection /> });
  return sections;
}

export function OversightHome() {
  const me = useMe();
  const memberOnly = isMemberOnly(me);
  const title = me && memberOnly ? `Supervision in ${me.organisation.name}` : 'Home';
  usePageTitle(title);
  if (!me) return null;
  return (
    <>
      {!memberOnly && <span className="govuk-caption-l">{me.displayName}</span>}
      <h1 className="govuk-heading-l">{title}</h1>
      {!memberOnly && me.staff && <HomeQuestionnaires />}
      {sectionsFor(me).map((s) => (
        <div key={s.key}>{s.node}</div>
      ))}
      {!memberOnly && <OwnSupervision me={me} />}
    </>
  );
}

/** "/" for everyone: the oversight home for those roles, today's "My supervision" page for the others. */
export function RoleHome({ supervisionHome }: { supervisionHome: ReactNode }) {
  const me = useMe();
  if (hasOversightHome(me)) return <OversightHome />;
  return <>{supervisionHome}</>;
}
