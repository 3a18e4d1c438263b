/**
 * The elected member's one page (UX.md, scrutiny board): the directorate and its services against the policy's
 * measures, the headline measures' trends over the last 12 months, every small group suppressed in words, and the
 * evidence packs. Figures only: nothing here names a person or links to a record.
 */
import { Button } from '../../components/govuk';
import type { Me } from '../auth/AuthContext';
import { SkeletonLines } from '../home/Skeleton';
import { MeasureList } from './MeasureList';
import { MeasureProblem } from './MeasureProblem';
import { SideBySide } from './SideBySide';
import { Trend } from './Trend';
import { EVIDENCE_PACKS_HREF, HEADLINE_KEYS, periodText } from './measures';
import { useMeasureSet } from './useMeasures';

export function MemberSection({ me }: { me: Me }) {
  const state = useMeasureSet({ scope: 'DIRECTORATE' });
  const set = state.state === 'ok' ? state.data : null;
  const headline = set?.headline.length ? set.headline : [...HEADLINE_KEYS];
  return (
    <div data-testid="member-home">
      {set && (
        <p className="govuk-body-l">
          How supervision went in {me.organisation.name}, {periodText(set.from, set.to)}. Any group of fewer than{' '}
          {set.minimumGroupSize} people is shown as suppressed, so no one can be recognised.
        </p>
      )}
      <Button href={EVIDENCE_PACKS_HREF} variant="secondary">
        Evidence packs
      </Button>
      <section aria-labelledby="member-services-heading">
        <h2 className="govuk-heading-m" id="member-services-heading">
          Services side by side
        </h2>
        <SideBySide query={{ scope: 'DIRECTORATE' }} caption={`Services in ${me.organisation.name}`} unitHeading="Service" drillDown={false} />
      </section>
      <section aria-labelledby="member-trends-heading">
        <h2 className="govuk-heading-m" id="member-trends-heading">
          Trends over the last 12 months
        </h2>
        {state.state === 'loading' && <SkeletonLines lines={4} />}
        {state.state === 'error' && <MeasureProblem problem={state.problem} what="The trends" />}
        {set && headline.map((key) => <Trend key={key} query={{ scope: 'DIRECTORATE' }} measure={key} minimumGroupSize={set.minimumGroupSize} heading="h3" />)}
      </section>
      <section aria-labelledby="member-measures-heading">
        <h2 className="govuk-heading-m" id="member-measures-heading">
          The policy’s measures
        </h2>
        {state.state === 'loading' && <SkeletonLines lines={6} />}
        {state.state === 'error' && <MeasureProblem problem={state.problem} what="The measures" />}
        {set && <MeasureList set={set} drillDown={false} />}
      </section>
    </div>
  );
}
