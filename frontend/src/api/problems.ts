import type { ErrorItem } from '../components/govuk';
import type { Problem } from './client';

export interface FieldErrors {
  /** For the error summary, in the order of the form's fields. */
  summary: ErrorItem[];
  /** Inline message per field id. */
  byField: Record<string, string>;
}

/** "/username" or "#username" (JSON pointer, or parameter name) to a field id "username"; "/a/0/b" to "a-0-b". */
export function pointerToField(pointer: string): string {
  return pointer
    .replace(/^[#/]+/, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .filter(Boolean)
    .join('-');
}

/**
 * Turns a problem+json's errors[] into GOV.UK error summary items and inline errors.
 * Errors about fields the form shows link to them; the rest are listed without a link.
 */
export function fieldErrorsFromProblem(problem: Problem, fields: string[]): FieldErrors {
  const byField: Record<string, string> = {};
  const unlinked: ErrorItem[] = [];
  for (const error of problem.errors ?? []) {
    const field = pointerToField(error.pointer);
    if (fields.includes(field)) {
      if (!byField[field]) byField[field] = error.message;
    } else {
      unlinked.push({ text: error.message });
    }
  }
  const summary: ErrorItem[] = fields
    .filter((field) => byField[field])
    .map((field) => ({ text: byField[field] as string, href: `#${field}` }));
  summary.push(...unlinked);
  if (summary.length === 0) summary.push({ text: problem.detail ?? problem.title });
  return { summary, byField };
}
