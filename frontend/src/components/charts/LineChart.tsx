/**
 * A line chart of a monthly series (UX.md "Pictures where people would rather look than read"): an SVG with an
 * accessible name and the one-sentence summary as its description, a round marker on every month with a figure
 * and an open dashed ring where the figure is suppressed (so the gap is not told by colour), the first and last
 * values written on the chart, and the figures in a GOV.UK table beside it.
 */
import { useId } from 'react';
import { ChartTable, type ChartRow } from './ChartTable';
import './charts.css';

export interface LinePoint {
  /** The axis label ("Jun 2026") and the table's row heading ("June 2026"). */
  label: string;
  longLabel?: string;
  /** Null where there is no figure (suppressed, or nothing to count). */
  value: number | null;
  /** The figure in words for the table ("78% (39 of 50)", "Suppressed (fewer than 5)"). */
  text: string;
  suppressed?: boolean;
}

export interface LineChartProps {
  /** The accessible name: what is plotted and where ("Staff supervised within the interval, Children's Services"). */
  title: string;
  summary: string;
  points: LinePoint[];
  /** How a value reads on the axis and beside the first and last point. */
  format: (value: number) => string;
  /** The top of the scale (1 for a share); the largest value otherwise. */
  max?: number;
  /** A dashed line at the policy's target, labelled. */
  target?: { value: number; label: string };
  valueHeading?: string;
  /** Show the table open (a page about one measure) or in a details element (a home with several charts). */
  tableOpen?: boolean;
}

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 32, right: 72, bottom: 44, left: 72 };

export function LineChart({ title, summary, points, format, max, target, valueHeading = 'Figure', tableOpen }: LineChartProps) {
  const id = useId();
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const top = max ?? Math.max(1, ...values, target?.value ?? 0);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - (Math.min(v, top) / top) * plotH;
  const ticks = [0, top / 2, top];

  // A line through consecutive months with figures; a suppressed month breaks it.
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${current.length ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));

  const labelled = new Set<number>();
  const firstWithValue = points.findIndex((p) => p.value !== null);
  const lastWithValue = points.length - 1 - [...points].reverse().findIndex((p) => p.value !== null);
  if (firstWithValue >= 0) {
    labelled.add(firstWithValue);
    labelled.add(lastWithValue);
  }
  // Axis labels: every other month on a year's series, so they do not overlap on a phone.
  // Months named on the axis: counted back from the last, so the last is always named and the gaps are even.
  const last = points.length - 1;
  const step = points.length > 8 ? Math.ceil(points.length / 6) : 1;
  const named = points.map((_, i) => (last - i) % step === 0);
  const first = named.indexOf(true);
  const middle = last - Math.round(last / 2 / step) * step;

  const rows: ChartRow[] = points.map((p) => ({ label: p.longLabel ?? p.label, text: p.text }));
  return (
    <figure className="app-chart" data-testid="line-chart">
      <svg
        className="app-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
      >
        <title id={`${id}-title`}>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line className="app-chart__grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} />
            <text className="app-chart__axis-text" x={PAD.left - 8} y={y(t) + 5} textAnchor="end">
              {format(t)}
            </text>
          </g>
        ))}
        {target && (
          <g>
            <line className="app-chart__target" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(target.value)} y2={y(target.value)} />
            <text className="app-chart__axis-text" x={WIDTH - PAD.right} y={y(target.value) - 8} textAnchor="end">
              {target.label}
            </text>
          </g>
        )}
        {segments.map((d, i) => (
          <path key={i} className="app-chart__line" d={d} />
        ))}
        {points.map((p, i) =>
          p.value === null ? (
            p.suppressed ? <circle key={i} className="app-chart__marker--suppressed" cx={x(i)} cy={PAD.top + plotH} r={6} /> : null
          ) : (
            <g key={i}>
              <circle className="app-chart__marker" cx={x(i)} cy={y(p.value)} r={6} />
              {labelled.has(i) && (
                <text className="app-chart__value-text" x={x(i)} y={y(p.value) - 12} textAnchor="middle">
                  {format(p.value)}
                </text>
              )}
            </g>
          ),
        )}
        {points.map((p, i) =>
          named[i] ? (
            <text
              key={i}
              // On a phone only the first, middle and last of them are named, in larger type.
              className={i === first || i === last || i === middle ? 'app-chart__axis-text' : 'app-chart__axis-text app-chart__axis-text--minor'}
              x={x(i)}
              y={HEIGHT - 12}
              textAnchor={i === 0 && last > 0 ? 'start' : i === last && last > 0 ? 'end' : 'middle'}
            >
              {p.label}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>
        <p className="govuk-body app-chart__summary" id={`${id}-summary`}>
          {summary}
        </p>
      </figcaption>
      <ChartTable caption={title} rows={rows} labelHeading="Month" valueHeading={valueHeading} open={tableOpen} />
    </figure>
  );
}
