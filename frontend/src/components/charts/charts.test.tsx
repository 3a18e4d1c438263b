import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart';
import { LineChart, type LinePoint } from './LineChart';

const pct = (v: number) => `${Math.round(v * 100)}%`;

const points: LinePoint[] = [
  { label: 'Jan 2026', longLabel: 'January 2026', value: 0.61, text: '61% (61 of 100)' },
  { label: 'Feb 2026', longLabel: 'February 2026', value: null, suppressed: true, text: 'Suppressed (fewer than 5)' },
  { label: 'Mar 2026', longLabel: 'March 2026', value: 0.7, text: '70% (70 of 100)' },
  { label: 'Apr 2026', longLabel: 'April 2026', value: 0.78, text: '78% (78 of 100)' },
];

describe('LineChart', () => {
  it('is an image named by its title and described by its one-sentence summary', () => {
    render(<LineChart title="Staff supervised within the interval, Demo City Council" summary="Rose from 61% to 78% since January 2026." points={points} format={pct} max={1} />);
    const img = screen.getByRole('img', { name: 'Staff supervised within the interval, Demo City Council' });
    expect(img).toHaveAccessibleDescription('Rose from 61% to 78% since January 2026.');
    expect(screen.getByText('Rose from 61% to 78% since January 2026.')).toBeVisible();
  });

  it('marks each month with a figure, rings a suppressed one, breaks the line there and labels the first and last values', () => {
    const { container } = render(<LineChart title="T" summary="S" points={points} format={pct} max={1} />);
    // Three months with figures (January, March, April) -> three filled markers; February is an open ring.
    expect(container.querySelectorAll('.app-chart__marker')).toHaveLength(3);
    expect(container.querySelectorAll('.app-chart__marker--suppressed')).toHaveLength(1);
    // January alone, then March to April: two pieces of line.
    expect(container.querySelectorAll('.app-chart__line')).toHaveLength(2);
    const values = [...container.querySelectorAll('.app-chart__value-text')].map((t) => t.textContent);
    expect(values).toEqual(['61%', '78%']);
  });

  it('gives its figures in a table, each month in words, with the suppressed month saying so', () => {
    render(<LineChart title="Staff on track" summary="S" points={points} format={pct} max={1} valueHeading="Share on track" />);
    const table = screen.getByRole('table', { name: 'Staff on track' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Month', 'Share on track']);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['January 202661% (61 of 100)', 'February 2026Suppressed (fewer than 5)', 'March 202670% (70 of 100)', 'April 202678% (78 of 100)']);
    // In a details element, so a home with several charts stays short.
    expect(table.closest('details')).not.toBeNull();
  });

  it('names every other month of a year counted back from the last, and only three of them on a phone', () => {
    const year: LinePoint[] = Array.from({ length: 12 }, (_, i) => ({ label: `M${i + 1}`, value: 0.5, text: '50%' }));
    const { container } = render(<LineChart title="T" summary="S" points={year} format={pct} max={1} />);
    const axis = [...container.querySelectorAll('.app-chart__axis-text')].filter((t) => /^M\d+$/.test(t.textContent ?? ''));
    // 12 months, a step of ceil(12 / 6) = 2 back from M12: M2, M4, ..., M12.
    expect(axis.map((t) => t.textContent)).toEqual(['M2', 'M4', 'M6', 'M8', 'M10', 'M12']);
    // First (M2), middle (index 11 - round(11 / 4) * 2 = 5, M6) and last (M12) stay on a phone.
    expect(axis.filter((t) => !t.classList.contains('app-chart__axis-text--minor')).map((t) => t.textContent)).toEqual(['M2', 'M6', 'M12']);
  });

  it('shows the table open when asked, and a labelled target line', () => {
    const { container } = render(<LineChart title="T" summary="S" points={points} format={pct} max={1} target={{ value: 1, label: 'Target' }} tableOpen />);
    expect(screen.getByRole('table').closest('details')).toBeNull();
    expect(container.querySelector('.app-chart__target')).not.toBeNull();
    expect(within(screen.getByRole('img')).getByText('Target')).toBeInTheDocument();
  });
});

describe('BarChart', () => {
  const groups = [
    { label: 'July to September 2026 (Q3)', bars: [{ label: 'Good', value: 4, text: '4' }, { label: 'Requires improvement', value: 2, text: '2' }] },
    { label: 'October to December 2026 (Q4)', bars: [{ label: 'All grades', value: null, text: 'Suppressed (fewer than 5)' }] },
  ];

  it('draws one bar per figure with its label and count in text, none for a suppressed one', () => {
    const { container } = render(<BarChart title="Audit grades by quarter" summary="Most were graded Good." groups={groups} />);
    const img = screen.getByRole('img', { name: 'Audit grades by quarter' });
    expect(img).toHaveAccessibleDescription('Most were graded Good.');
    const bars = container.querySelectorAll('rect.app-chart__bar');
    expect(bars).toHaveLength(2);
    // Good (4) is the longest: its width is the whole plot; Requires improvement (2) half of it.
    const [good, ri] = [...bars].map((b) => Number(b.getAttribute('width')));
    expect(ri).toBeCloseTo((good as number) / 2);
    for (const text of ['Good', 'Requires improvement', 'July to September 2026 (Q3)', 'Suppressed (fewer than 5)']) {
      expect(within(img).getByText(text)).toBeInTheDocument();
    }
  });

  it('tells the groups apart by a pattern as well as colour', () => {
    const twoGroups = [groups[0] as (typeof groups)[number], { label: 'Q4', bars: [{ label: 'Good', value: 3, text: '3' }] }];
    const { container } = render(<BarChart title="T" summary="S" groups={twoGroups} />);
    const alt = container.querySelectorAll('rect.app-chart__bar--alt');
    expect(alt).toHaveLength(1);
    const fill = alt[0]?.getAttribute('fill') ?? '';
    const pattern = container.querySelector('pattern');
    expect(fill).toBe(`url(#${pattern?.getAttribute('id')})`);
  });

  it('gives its figures in a table', () => {
    render(<BarChart title="Audit grades" summary="S" groups={groups} labelHeading="Quarter and grade" valueHeading="Audits" />);
    const table = screen.getByRole('table', { name: 'Audit grades' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['July to September 2026 (Q3): Good', '4'],
      ['July to September 2026 (Q3): Requires improvement', '2'],
      ['October to December 2026 (Q4): All grades', 'Suppressed (fewer than 5)'],
    ]);
  });
});
