import type { Problem } from '../../api/client';

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
        body: 'This page needs a connection to load. Check your connection and try again.',
      };
    default:
      return { heading: 'Sorry, there is a problem with the service', body: 'Try again later.' };
  }
}

export function ProblemMessage({ problem }: { problem: Problem }) {
  const { heading, body } = problemText(problem);
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
