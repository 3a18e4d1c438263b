import type { Problem } from '../../api/client';

/** Why figures cannot be shown, in words. */
export function measureProblemText(problem: Problem, what = 'These figures'): string {
  if (problem.status === 0) return `${what} cannot be shown while you are offline.`;
  if (problem.status === 403) return `You cannot see ${what.toLowerCase()}.`;
  if (problem.status === 404) return `${what} cannot be found.`;
  return `${what} cannot be shown at the moment. Try again later.`;
}

export function MeasureProblem({ problem, what }: { problem: Problem; what?: string }) {
  return (
    <p className="govuk-body" data-testid="measure-problem">
      {measureProblemText(problem, what)}
    </p>
  );
}
