/** Children as the case-management system knows them: paths and words. */
import type { Schemas } from '../../api/client';
import { formatDate } from '../../format';

export type Child = Schemas['Child'];
export type ChildRef = Schemas['ChildRef'];

export const CHILDREN_PAGE_SIZE = 25;
/** The API's rule for case numbers (ChildCreate.caseNumber). */
export const CASE_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9/._-]*$/;

export const childHref = (childId: string) => `/children/${encodeURIComponent(childId)}`;
export const newChildHref = '/children/new';

export function childrenPath(filters: { q?: string; cursor?: string }): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.cursor) params.set('cursor', filters.cursor);
  const query = params.toString();
  return query ? `/children?${query}` : '/children';
}

/** "Alice Brown, case number PRN-1001, born 3 March 2016". */
export function childDescription(child: { name: string; caseNumber: string; dateOfBirth?: string }): string {
  const born = child.dateOfBirth ? `, born ${formatDate(child.dateOfBirth, { weekday: false })}` : '';
  return `${child.name}, case number ${child.caseNumber}${born}`;
}
