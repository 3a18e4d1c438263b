import { useEffect } from 'react';
import type { Problem } from '../../api/client';
import type { ErrorItem } from '../../components/govuk';
import type { Section } from '../agreements/agreements';

/** The field of an agenda item on the record page. */
export const entryFieldId = (key: string) => `entry-${key}`;

export interface SignErrors {
  summary: ErrorItem[];
  /** Inline message per agenda item key. */
  byKey: Record<string, string>;
}

/**
 * A refused signature: the problem's detail, then one linked line per required agenda item not recorded
 * (pointer "/entries/{key}", message naming the item by its label). Other errors are listed unlinked.
 */
export function signErrors(problem: Problem, fallback: string): SignErrors {
  const byKey: Record<string, string> = {};
  const linked: ErrorItem[] = [];
  const unlinked: ErrorItem[] = [];
  for (const error of problem.errors ?? []) {
    const match = /^\/entries\/([^/]+)$/.exec(error.pointer);
    const key = match?.[1];
    if (key && !/^\d+$/.test(key)) {
      byKey[key] = error.message;
      linked.push({ text: error.message, href: `#${entryFieldId(key)}` });
    } else {
      unlinked.push({ text: error.message });
    }
  }
  if (linked.length === 0) return { summary: [{ text: fallback }], byKey };
  const summary: ErrorItem[] = problem.detail ? [{ text: problem.detail }] : [];
  return { summary: [...summary, ...linked, ...unlinked], byKey };
}

/** The index of the section holding an agenda item, or -1. */
export const sectionOf = (sections: Section[], key: string) => sections.findIndex((s) => s.items.some((i) => i.key === key));

/**
 * The record shows one section at a time, so an error summary link to an item in another section has no field
 * to move to: the link changes the address's #fragment instead, and this opens that section and focuses the item.
 */
export function useEntryLinks(sections: Section[], show: (index: number) => void) {
  useEffect(() => {
    const onHash = () => {
      const match = /^#entry-(.+)$/.exec(window.location.hash);
      if (!match?.[1]) return;
      const key = decodeURIComponent(match[1]);
      const index = sectionOf(sections, key);
      if (index < 0) return;
      show(index);
      window.setTimeout(() => document.getElementById(entryFieldId(key))?.focus(), 0);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [sections, show]);
}
