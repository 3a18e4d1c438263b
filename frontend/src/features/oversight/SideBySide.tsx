/**
 * Units side by side (UX.md: a service manager's teams, a head of service's services): one row per unit with the
 * headline figures in words, the scope's own total last. A figure about people links to the people behind it
 * for those who may see them; a suppressed figure says so in words and links nowhere.
 */
import { Table } from '../../components/govuk';
import { Link } from '../../router';
import { SkeletonLines } from '../home/Skeleton';
import { MeasureProblem } from './MeasureProblem';
import { figureText, measuresHref, peopleHref, periodText, suppressedText, type MeasureBreakdown, type ScopeQuery } from './measures';
import { useBreakdown } from './useMeasures';

type Row = MeasureBreakdown['rows'][number];

function Cell({ row, measureKey, label, breakdown, drillDown }: { row: Row; measureKey: string; label: string; breakdown: MeasureBreakdown; drillDown: boolean }) {
  if (row.suppressed) return <>{suppressedText(breakdown.minimumGroupSize)}</>;
  const measure = row.measures.find((m) => m.key === measureKey);
  // A unit nobody is counted in (a new team, a service of leavers) has no figures at all.
  if (!measure) return <>No one counted</>;
  const text = figureText(measure, breakdown.minimumGroupSize);
  if (!drillDown || measure.suppressed || !measure.people || !row.scope.id && row.scope.kind !== 'DIRECTORATE') return <>{text}</>;
  return (
    <Link
      className="govuk-link"
      href={peopleHref({ measure: measure.key, scope: row.scope.kind, scopeId: row.scope.id, from: breakdown.from, to: breakdown.to })}
    >
      {text}{' '}
      <span className="govuk-visually-hidden">– {label}, {row.scope.name}: the people behind this figure</span>
    </Link>
  );
}

export function SideBySideTable({ breakdown, caption, unitHeading, drillDown }: { breakdown: MeasureBreakdown; caption: string; unitHeading: string; drillDown: boolean }) {
  const rows = [...breakdown.rows, breakdown.total];
  return (
    <Table
      caption={`${caption}, ${periodText(breakdown.from, breakdown.to)}`}
      captionSize="s"
      head={[{ text: unitHeading }, ...breakdown.headline.map((h) => ({ text: h.label, numeric: true }))]}
      firstCellIsHeader
      rowKeys={rows.map((r, i) => `${r.scope.id ?? 'total'}-${i}`)}
      rows={rows.map((row, i) => [
        i === rows.length - 1 ? (
          <strong>{`All: ${row.scope.name}`}</strong>
        ) : (
          <Link className="govuk-link" href={measuresHref({ scope: row.scope.kind, scopeId: row.scope.id, from: breakdown.from, to: breakdown.to })}>
            {row.scope.name}
          </Link>
        ),
        ...breakdown.headline.map((h) => ({
          content: <Cell row={row} measureKey={h.key} label={h.label} breakdown={breakdown} drillDown={drillDown} />,
          numeric: true,
        })),
      ])}
      className="app-side-by-side"
      stackOnSmallScreens
    />
  );
}

/** Loads the breakdown of one scope and shows it. */
export function SideBySide({ query, caption, unitHeading, drillDown }: { query: ScopeQuery; caption: string; unitHeading: string; drillDown: boolean }) {
  const state = useBreakdown(query);
  if (state.state === 'loading') return <SkeletonLines lines={3} />;
  if (state.state === 'error') return <MeasureProblem problem={state.problem} />;
  return <SideBySideTable breakdown={state.data} caption={caption} unitHeading={unitHeading} drillDown={drillDown} />;
}
