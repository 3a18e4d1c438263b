/**
 * Audit grades over the last four quarters as bars (UX.md, head of service: "audit grades over time"): one
 * measures call per quarter for the scope (four in all, whatever the size of the organisation), the grades of
 * each quarter as a group of bars with the counts written beside them.
 */
import { api, type Schemas } from '../../api/client';
import { settle, useQuery, type QueryState } from '../../api/useQuery';
import { BarChart } from '../../components/charts';
import { SkeletonLines } from '../home/Skeleton';
import { MeasureProblem } from './MeasureProblem';
import { lastQuarters, suppressedText, type Measure, type ScopeQuery } from './measures';

interface QuarterGrades {
  label: string;
  grades: Measure | undefined;
  minimumGroupSize: number;
}

/** "In July to September 2026 (Q3), 6 audits were graded; most were graded Good (4)." */
export function gradesSummary(quarters: QuarterGrades[]): string {
  const counted = quarters.filter((q) => q.grades && !q.grades.suppressed);
  const totals = counted.map((q) => (q.grades?.parts ?? []).reduce((n, p) => n + (p.count ?? 0), 0));
  if (counted.length === 0 || totals.every((t) => t === 0)) return 'No audits were graded in the last four quarters, or too few to show.';
  const lastIndex = totals.map((t, i) => (t > 0 ? i : -1)).filter((i) => i >= 0).pop() as number;
  const last = counted[lastIndex] as QuarterGrades;
  const parts = last.grades?.parts ?? [];
  const most = parts.reduce<Schemas['MeasurePart']>((a, b) => ((b.count ?? 0) > (a.count ?? 0) ? b : a), parts[0] ?? { label: '' });
  const total = totals[lastIndex] as number;
  const all = totals.reduce((a, b) => a + b, 0);
  return `${all} ${all === 1 ? 'audit was' : 'audits were'} graded in the last four quarters; in ${last.label}, ${total} ${total === 1 ? 'was' : 'were'} graded, most of them ${most.label} (${most.count ?? 0}).`;
}

export function GradesOverTime({ query, scopeName }: { query: Omit<ScopeQuery, 'from' | 'to'>; scopeName: string }) {
  const quarters = lastQuarters(4);
  const state: QueryState<QuarterGrades[]> = useQuery(async (signal) => {
    const answers = await Promise.all(
      quarters.map((q) => settle(api.GET('/api/v1/measures', { params: { query: { scope: query.scope, scopeId: query.scopeId, from: q.from, to: q.to } }, signal }))),
    );
    const failed = answers.find((a) => a.state === 'error');
    if (failed && failed.state === 'error') return failed;
    return {
      state: 'ok' as const,
      data: answers.map((a, i) => {
        const set = a.state === 'ok' ? a.data : null;
        return { label: quarters[i]?.label ?? '', grades: set?.measures.find((m) => m.key === 'audits.grades'), minimumGroupSize: set?.minimumGroupSize ?? 5 };
      }),
    };
  }, [query.scope, query.scopeId]);

  return (
    <section aria-labelledby="grades-heading" data-testid="grades-over-time">
      <h2 className="govuk-heading-m" id="grades-heading">
        Audit grades over time
      </h2>
      {state.state === 'loading' && <SkeletonLines lines={4} />}
      {state.state === 'error' && <MeasureProblem problem={state.problem} what="The audit grades" />}
      {state.state === 'ok' && (
        <BarChart
          title={`Audit grades by quarter, ${scopeName}`}
          summary={gradesSummary(state.data)}
          labelHeading="Quarter and grade"
          valueHeading="Audits"
          groups={state.data.map((q) => ({
            label: q.label,
            bars:
              !q.grades || q.grades.suppressed
                ? [{ label: 'All grades', value: null, text: q.grades ? suppressedText(q.minimumGroupSize, q.grades.suppressedBecause) : 'Not known' }]
                : (q.grades.parts ?? []).length === 0
                  ? [{ label: 'All grades', value: null, text: 'No audits graded' }]
                  : (q.grades.parts ?? []).map((p) => ({ label: p.label, value: p.count ?? 0, text: String(p.count ?? 0) })),
          }))}
        />
      )}
    </section>
  );
}
