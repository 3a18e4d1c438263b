import type { Problem } from '../../api/client';
import { useOfflineFailure } from '../../offline/retryWhenOnline';

/** What a page says when its data could not be loaded, in words a person can act on. */
export function problemText(problem: Problem): { heading: string; body: string } {
  switch (problem.status) {
    case 403:
      return {
        heading: 'You do not have access to this record',
        body: 'If you need to see it for your work, ask your manager or an administrator.',
      };
    case 404:
      return { heading: 'Not found', body: 'There is no record at this address. It may have been removed.' };
    case 0:
      return {
        heading: 'You are offline',
        body: 'This page needs a connection to load. It will load by itself when your connection comes back.',
      };
    default:
      return { heading: 'Sorry, there is a problem with the service', body: 'Try again later.' };
  }
}

export function ProblemMessage({ problem }: { problem: Problem }) {
  const { heading, body } = problemText(problem);
  // Offline: the page starts again when the connection returns (App.tsx).
  useOfflineFailure(problem.status === 0);
  return (
    <div className="app-problem" role="alert">
      <h2 className="govuk-heading-m">{heading}</h2>
      <p className="govuk-body">{body}</p>
    </div>
  );
}

export function Loading({ what = 'Loading…' }: { what?: string }) {
  return (
    <p className="govuk-body" role="status">
      {what}
    </p>
  );
}
