import type { Problem } from '../../api/client';
import { pointerToField } from '../../api/problems';
import type { ErrorItem } from '../../components/govuk';

export interface FormErrors {
  summary: ErrorItem[];
  byField: Record<string, string>;
}

/** Where the error summary links for a field: a date input links to its day field. */
export const fieldHref = (field: string, dateFields: string[]) => (dateFields.includes(field) ? `#${field}-day` : `#${field}`);

/** Client-side errors (field -> message) in the form's order. */
export function formErrors(byField: Record<string, string>, order: string[], dateFields: string[] = []): FormErrors {
  return {
    byField,
    summary: order.filter((f) => byField[f]).map((f) => ({ text: byField[f] as string, href: fieldHref(f, dateFields) })),
  };
}

/** A 409/412/422 problem+json: the detail first, then each errors[] entry, linked to its field when the form shows it. */
export function problemErrors(problem: Problem, order: string[], dateFields: string[] = []): FormErrors {
  const byField: Record<string, string> = {};
  const unlinked: ErrorItem[] = [];
  for (const error of problem.errors ?? []) {
    const field = pointerToField(error.pointer);
    if (order.includes(field)) byField[field] ??= error.message;
    else unlinked.push({ text: error.message });
  }
  const summary: ErrorItem[] = [];
  const detail =
    problem.status === 412
      ? 'Someone else changed this session since you opened it. Reload the page to see the latest version, then try again.'
      : problem.status === 0
        ? 'You are offline or the service cannot be reached. Try again when you are back online.'
        : problem.detail;
  const linked = order.filter((f) => byField[f]).map((f) => ({ text: byField[f] as string, href: fieldHref(f, dateFields) }));
  if (detail && !linked.some((l) => l.text === detail) && !unlinked.some((u) => u.text === detail)) summary.push({ text: detail });
  summary.push(...linked, ...unlinked);
  if (summary.length === 0) summary.push({ text: problem.title });
  return { summary, byField };
}
