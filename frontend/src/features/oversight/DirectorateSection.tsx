/**
 * Heads of service and QA auditors (UX.md): the services side by side, audit grades over time, and the evidence
 * packs for a chosen scope and period.
 */
import { Link } from '../../router';
import type { Me } from '../auth/AuthContext';
import { GradesOverTime } from './GradesOverTime';
import { SideBySide } from './SideBySide';
import { EVIDENCE_PACKS_HREF, measuresHref } from './measures';

export function DirectorateSection({ me }: { me: Me }) {
  return (
    <>
      <section aria-labelledby="services-side-by-side-heading" data-testid="directorate-home">
        <h2 className="govuk-heading-m" id="services-side-by-side-heading">
          Services side by side
        </h2>
        <SideBySide query={{ scope: 'DIRECTORATE' }} caption={`Services in ${me.organisation.name}`} unitHeading="Service" drillDown />
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link app-touch-link" href={measuresHref({ scope: 'DIRECTORATE' })}>
              Every measure for {me.organisation.name}
            </Link>
          </li>
          <li>
            <Link className="govuk-link app-touch-link" href={EVIDENCE_PACKS_HREF}>
              Evidence packs for a scope and period
            </Link>
          </li>
        </ul>
      </section>
      <GradesOverTime query={{ scope: 'DIRECTORATE' }} scopeName={me.organisation.name} />
    </>
  );
}
