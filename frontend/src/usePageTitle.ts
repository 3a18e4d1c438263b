import { useLayoutEffect } from 'react';

export const SERVICE_NAME = 'Supervision';

/** "Sign in – Supervision"; "Error: Sign in – Supervision" while the page shows errors (GOV.UK pattern). */
export function pageTitle(title: string, hasErrors = false): string {
  return `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
}

export function usePageTitle(title: string, hasErrors = false): void {
  // Layout effect: the title is right as soon as the page is on screen.
  useLayoutEffect(() => {
    document.title = pageTitle(title, hasErrors);
  }, [title, hasErrors]);
}
