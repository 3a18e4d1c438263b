/**
 * A horizontal bar chart (a distribution: grades, reasons, answers), optionally in groups (a quarter's grades
 * under the quarter's name). Every bar carries its label and its figure in text, so the colour tells nothing
 * the words do not; alternate groups are hatched as well as filled. The figures are in a GOV.UK table beside it.
 */
import { useId } from 'react';
import { ChartTable, type ChartRow } from './ChartTable';
import './charts.css';

export interface Bar {
  label: string;
  /** Null where the figure is suppressed or missing: no bar, the words say why. */
  value: number | null;
  text: string;
}

export interface BarGroup {
  label?: string;
  bars: Bar[];
}

export interface BarChartProps {
  title: string;
  summary: string;
  groups: BarGroup[];
  max?: number;
  labelHeading?: string;
  valueHeading?: string;
  tableOpen?: boolean;
}

// Drawn narrow, each label above its bar, so the text stays readable when a phone shrinks the chart.
const WIDTH = 420;
const TEXT_W = 110;
const LABEL_H = 20;
const BAR_H = 22;
const GAP = 10;
const GROUP_HEAD = 28;

export function BarChart({ title, summary, groups, max, labelHeading = 'Label', valueHeading = 'Figure', tableOpen }: BarChartProps) {
  const id = useId();
  // An id a url() reference can hold, unique to this chart.
  const hatchId = `hatch${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const values = groups.flatMap((g) => g.bars.map((b) => b.value)).filter((v): v is number => v !== null);
  const top = max ?? Math.max(1, ...values);
  const plotW = WIDTH - TEXT_W;
  let yPos = 0;
  const laidOut = groups.map((g, gi) => {
    const head = g.label ? yPos : null;
    if (g.label) yPos += GROUP_HEAD;
    const bars = g.bars.map((b) => {
      const at = yPos + LABEL_H;
      yPos += LABEL_H + BAR_H + GAP;
      return { ...b, y: at };
    });
    yPos += g.label ? GAP : 0;
    return { ...g, head, bars, alt: gi % 2 === 1 };
  });
  const height = Math.max(yPos, BAR_H);
  const rows: ChartRow[] = groups.flatMap((g) => g.bars.map((b) => ({ label: g.label ? `${g.label}: ${b.label}` : b.label, text: b.text })));

  return (
    <figure className="app-chart" data-testid="bar-chart">
      <svg className="app-chart__svg app-chart__svg--bars" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
        <title id={`${id}-title`}>{title}</title>
        <defs>
          <pattern id={hatchId} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#1d70b8" strokeWidth="5" />
          </pattern>
        </defs>
        {laidOut.map((g, gi) => (
          <g key={gi}>
            {g.head !== null && g.label && (
              <text className="app-chart__value-text" x={0} y={g.head + 20}>
                {g.label}
              </text>
            )}
            {g.bars.map((b, bi) => {
              const width = b.value === null ? 0 : Math.max(2, (Math.min(b.value, top) / top) * plotW);
              return (
                <g key={bi}>
                  <text className="app-chart__axis-text" x={0} y={b.y - 6}>
                    {b.label}
                  </text>
                  {b.value !== null && (
                    <rect
                      className={g.alt ? 'app-chart__bar app-chart__bar--alt' : 'app-chart__bar'}
                      fill={g.alt ? `url(#${hatchId})` : undefined}
                      x={0}
                      y={b.y}
                      width={width}
                      height={BAR_H}
                    />
                  )}
                  <text className="app-chart__axis-text" x={width + (b.value === null ? 0 : 8)} y={b.y + BAR_H / 2 + 5}>
                    {b.value === null ? b.text : shortText(b.text)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption>
        <p className="govuk-body app-chart__summary" id={`${id}-summary`}>
          {summary}
        </p>
      </figcaption>
      <ChartTable caption={title} rows={rows} labelHeading={labelHeading} valueHeading={valueHeading} open={tableOpen} />
    </figure>
  );
}

/** Beside a bar, the figure's first part ("78%" of "78% (39 of 50)"); the table has all of it. */
function shortText(text: string): string {
  const cut = text.indexOf(' (');
  return cut > 0 ? text.slice(0, cut) : text;
}
