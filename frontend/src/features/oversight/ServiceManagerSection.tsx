/**
 * The service manager's part of the home (UX.md): each of their services' teams side by side (share on track,
 * overdue, unsigned, agreements missing, signed agreements), every figure opening the people behind it. Their
 * service is the one their staff record is in; without one, every service they may read.
 */
import { api } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Link } from '../../router';
import type { Me } from '../auth/AuthContext';
import { SkeletonLines } from '../home/Skeleton';
import { MeasureProblem } from './MeasureProblem';
import { SideBySide } from './SideBySide';
import { measuresHref } from './measures';

export function ServiceManagerSection({ me }: { me: Me }) {
  const own = me.staff?.service;
  const services = useQuery(
    async (signal) => {
      if (own) return { state: 'ok' as const, data: [own] };
      const got = await settle(api.GET('/api/v1/services', { params: { query: { limit: 200 } }, signal }));
      return got.state === 'ok' ? { state: 'ok' as const, data: got.data.items.map((s) => ({ id: s.id, name: s.name })) } : got;
    },
    [own?.id],
  );
  return (
    <section aria-labelledby="teams-side-by-side-heading" data-testid="service-manager-home">
      <h2 className="govuk-heading-m" id="teams-side-by-side-heading">
        Your teams side by side
      </h2>
      {services.state === 'loading' && <SkeletonLines lines={3} />}
      {services.state === 'error' && <MeasureProblem problem={services.problem} what="Your services" />}
      {services.state === 'ok' &&
        services.data.map((service) => (
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
