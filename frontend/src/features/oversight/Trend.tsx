/** A measure's 12-month trend as a line chart with its table and the server's one-sentence summary. */
import { LineChart } from '../../components/charts';
import { SkeletonLines } from '../home/Skeleton';
import { MeasureProblem } from './MeasureProblem';
import { axisText, figureText, monthText, pointValue, shortMonthText, type MeasureSeries, type ScopeQuery } from './measures';
import { useSeries } from './useMeasures';

export function TrendChart({ series, minimumGroupSize, tableOpen }: { series: MeasureSeries; minimumGroupSize: number; tableOpen?: boolean }) {
  const m = series.measure;
  const values = series.points.map((p) => pointValue(m, p)).filter((v): v is number => v !== null);
  return (
    <LineChart
      title={`${m.label}, ${series.scope.name}`}
      summary={series.summary}
      points={series.points.map((p) => ({
        label: shortMonthText(p.month),
        longLabel: monthText(p.month),
        value: pointValue(m, p),
        suppressed: p.suppressed,
        text: figureText({ kind: m.kind, unit: m.unit, ...p }, minimumGroupSize),
      }))}
      format={(v) => axisText(m, v)}
      max={m.kind === 'SHARE' ? 1 : Math.max(1, ...values, m.target ?? 0)}
      target={m.target !== undefined && m.target !== null ? { value: m.target, label: 'Target' } : undefined}
      valueHeading={m.label}
      tableOpen={tableOpen}
    />
  );
}

export function Trend({ query, measure, minimumGroupSize, heading, tableOpen }: { query: ScopeQuery; measure: string; minimumGroupSize: number; heading?: 'h3'; tableOpen?: boolean }) {
  const state = useSeries(query, measure);
  if (state.state === 'loading') return <SkeletonLines lines={4} />;
  if (state.state === 'error') return <MeasureProblem problem={state.problem} what="This trend" />;
  if (!state.data) return null;
  return (
    <div className="app-trend" data-testid={`trend-${measure}`}>
      {heading && <h3 className="govuk-heading-s">{state.data.measure.label}</h3>}
      <TrendChart series={state.data} minimumGroupSize={minimumGroupSize} tableOpen={tableOpen} />
    </div>
  );
}
