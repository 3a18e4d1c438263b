/**
 * The service manager's part of the home (UX.md): each of their services' teams side by side (share on track,
 * overdue, unsigned, agreements missing, signed agreements), every figure opening the people behind it, for each
 * service their role grants them (Me.managedServices), whichever service their own staff record is in.
 */
import { Link } from '../../router';
import type { Me } from '../auth/AuthContext';
import { SideBySide } from './SideBySide';
import { measuresHref } from './measures';

export function ServiceManagerSection({ me }: { me: Me }) {
  const services = me.managedServices ?? [];
  return (
    <section aria-labelledby="teams-side-by-side-heading" data-testid="service-manager-home">
      <h2 className="govuk-heading-m" id="teams-side-by-side-heading">
        Your teams side by side
      </h2>
      {services.length === 0 && <p className="govuk-body">No service is recorded as yours. An administrator can give you one.</p>}
      {services.map((service) => (
          <div key={service.id} data-testid="service-teams">
            <SideBySide query={{ scope: 'SERVICE', scopeId: service.id }} caption={`Teams in ${service.name}`} unitHeading="Team" drillDown />
            <p className="govuk-body">
              <Link className="govuk-link app-touch-link" href={measuresHref({ scope: 'SERVICE', scopeId: service.id })}>
                Every measure for {service.name}
              </Link>
            </p>
          </div>
        ))}
    </section>
  );
}
