/**
 * Every measure of a set grouped under its heading (agreements, sessions, records, case discussions, audits,
 * Part 2, workforce): label, figure in words, target, and "lower is better" where it applies. Parts of a
 * distribution are listed under the figure. A figure about people links to them where the viewer may see them.
 */
import { Table } from '../../components/govuk';
import { Link } from '../../router';
import {
  GROUP_ORDER,
  GROUP_TEXT,
  figureText,
  measuresHref,
  partText,
  peopleHref,
  targetText,
  type Measure,
  type MeasureSet,
} from './measures';

function Figure({ measure, set, drillDown }: { measure: Measure; set: MeasureSet; drillDown: boolean }) {
  const parts = measure.suppressed ? [] : measure.parts ?? [];
  if (parts.length > 0) {
    return (
      <>
        {measure.kind !== 'DISTRIBUTION' && <span className="app-block">{figureText(measure, set.minimumGroupSize)}</span>}
        <ul className="govuk-list govuk-!-margin-bottom-0">
          {parts.map((p) => (
            <li key={p.label}>
              {p.label}: {partText(p, measure.unit)}
            </li>
          ))}
        </ul>
      </>
    );
  }
  const text = figureText(measure, set.minimumGroupSize);
  if (!drillDown || measure.suppressed || !measure.people || set.scope.kind === 'PERSON') return <>{text}</>;
  return (
    <Link className="govuk-link" href={peopleHref({ measure: measure.key, scope: set.scope.kind, scopeId: set.scope.id, from: set.from, to: set.to })}>
      {text}{' '}
      <span className="govuk-visually-hidden">– {measure.label}: the people behind this figure</span>
    </Link>
  );
}

export function MeasureList({ set, drillDown, trendLinks = true }: { set: MeasureSet; drillDown: boolean; trendLinks?: boolean }) {
  return (
    <div data-testid="measure-list">
      {GROUP_ORDER.map((group) => {
        const measures = set.measures.filter((m) => m.group === group);
        if (measures.length === 0) return null;
        return (
          <Table
            key={group}
            caption={GROUP_TEXT[group]}
            captionSize="m"
            head={[{ text: 'Measure' }, { text: 'Figure' }, { text: 'Target' }, ...(trendLinks ? [{ text: 'Trend' }] : [])]}
            firstCellIsHeader
            rowKeys={measures.map((m) => m.key)}
            rows={measures.map((m) => [
              <>
                {m.label}
                {m.lowerIsBetter && <span className="govuk-hint govuk-!-margin-bottom-0 app-block">Lower is better</span>}
              </>,
              <Figure measure={m} set={set} drillDown={drillDown} />,
              targetText(m) ?? 'None set',
              ...(trendLinks
                ? [
                    <Link className="govuk-link" href={measuresHref({ scope: set.scope.kind, scopeId: set.scope.id, from: set.from, to: set.to, measure: m.key })}>
                      Show the trend <span className="govuk-visually-hidden">of {m.label}</span>
                    </Link>,
                  ]
                : []),
            ])}
            stackOnSmallScreens
          />
        );
      })}
    </div>
  );
}
