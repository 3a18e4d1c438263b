/** Agreements: status in words, the template's questions by section, the local draft. */
import { NETWORK_PROBLEM, api, asProblem, type Problem, type Schemas } from '../../api/client';
import type { TagColour } from '../../components/govuk';
import { readDraft, removeDraft } from '../../offline/drafts';

export type Agreement = Schemas['Agreement'];
export type AgreementStatus = Schemas['AgreementStatus'];
export type TemplateItem = Schemas['TemplateItem'];

export const STATUS_TEXT: Record<AgreementStatus, { text: string; colour: TagColour }> = {
  DRAFT: { text: 'Draft', colour: 'turquoise' },
  AWAITING_SIGNATURES: { text: 'Awaiting signatures', colour: 'blue' },
  ACTIVE: { text: 'Active', colour: 'green' },
  SUPERSEDED: { text: 'Superseded', colour: 'grey' },
  ENDED: { text: 'Ended', colour: 'grey' },
};

/** Statuses that count as "an agreement is open or in force". */
export const OPEN_STATUSES: AgreementStatus[] = ['DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE'];

export interface Section {
  name: string;
  items: TemplateItem[];
}

/** The template's items in order, grouped by section in order of first appearance. */
export function sectionsOf(items: TemplateItem[]): Section[] {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const sections: Section[] = [];
  for (const item of sorted) {
    let section = sections.find((s) => s.name === item.section);
    if (!section) {
      section = { name: item.section, items: [] };
      sections.push(section);
    }
    section.items.push(item);
  }
  return sections;
}

export type Result<T> = { ok: true; data: T; etag: string | null } | { ok: false; problem: Problem };

type Call<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/** One API call as data and its ETag, or a problem. */
export async function call<T>(promise: Call<T>): Promise<Result<T>> {
  try {
    const { data, error, response } = await promise;
    if (response.ok && data !== undefined) return { ok: true, data, etag: response.headers.get('ETag') };
    return { ok: false, problem: asProblem(error, response.status) };
  } catch (thrown) {
    if (thrown instanceof DOMException && thrown.name === 'AbortError') throw thrown;
    return { ok: false, problem: NETWORK_PROBLEM };
  }
}

/**
 * An agreement template's items. With an id: that version (an agreement is shown with the version it was
 * made with). Without: the template the organisation drafts new agreements from now.
 */
export async function loadAgreementTemplate(templateId?: string, signal?: AbortSignal): Promise<Result<TemplateItem[]>> {
  let id = templateId;
  if (!id) {
    const policy = await call(api.GET('/api/v1/organisation/policy', { signal }));
    if (!policy.ok) return policy;
    id = policy.data.agreementTemplate.id;
  }
  const template = await call(api.GET('/api/v1/policy-templates/{templateId}', { params: { path: { templateId: id } }, signal }));
  if (!template.ok) return template;
  return { ok: true, data: template.data.items, etag: null };
}

/** A fixed commitment of the agreement: shown and signed, never answered. */
export const isClause = (item: TemplateItem) => item.answerType === 'CLAUSE';

/** The items the parties answer (everything but the clauses). */
export const answerable = (items: TemplateItem[]) => items.filter((item) => !isClause(item));

/** "P6W" to 6; anything else (or nothing) to null. */
export function weeksOf(period: string | undefined | null): number | null {
  const match = /^P(\d+)W$/.exec(period ?? '');
  if (match) return Number(match[1]);
  const days = /^P(\d+)D$/.exec(period ?? '');
  if (days && Number(days[1]) % 7 === 0) return Number(days[1]) / 7;
  return null;
}

/** "P6W" as "6 weeks". */
export function periodText(period: string | undefined | null): string {
  const weeks = weeksOf(period);
  if (weeks !== null) return `${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
  return period ?? '';
}

/** A key for one write that a resend must repeat exactly (Idempotency-Key). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // not a secure context: fall through
    }
  }
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What the form keeps on the device between keystrokes and reloads. */
export interface LocalDraft {
  intervalWeeks: string;
  durationMinutes: string;
  location: string;
  escalationWeeks: string;
  answers: Record<string, string>;
  /** Made once per new draft and kept until the server has it: a resend never duplicates. */
  idempotencyKey: string;
  /** When it was last saved on this device (ISO instant). */
  savedAt: string;
}

const PREFIX = 'agreementDraft.';

export const draftStorageKey = (target: { agreementId?: string; superviseeId?: string }): string =>
  target.agreementId ? `${PREFIX}agreement.${target.agreementId}` : `${PREFIX}new.${target.superviseeId ?? ''}`;

/** The signed-in account's draft of an agreement kept on this device, or null. */
export async function readLocalDraft(key: string): Promise<LocalDraft | null> {
  const value = await readDraft<Partial<LocalDraft>>(key);
  if (!value || typeof value !== 'object' || typeof value.idempotencyKey !== 'string') return null;
  return {
    intervalWeeks: String(value.intervalWeeks ?? ''),
    durationMinutes: String(value.durationMinutes ?? ''),
    location: String(value.location ?? ''),
    escalationWeeks: String(value.escalationWeeks ?? ''),
    answers: typeof value.answers === 'object' && value.answers ? value.answers : {},
    idempotencyKey: value.idempotencyKey,
    savedAt: String(value.savedAt ?? ''),
  };
}

export function clearLocalDraft(key: string): Promise<void> {
  return removeDraft(key);
}
