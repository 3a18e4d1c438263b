/** Session records: the local draft, the agenda template, words for outcomes and note kinds. */
import { api, type Schemas } from '../../api/client';
import { call, sectionsOf, type Result, type Section, type TemplateItem } from '../agreements/agreements';
import { readDraft, recordDraftKey, removeDraft } from '../../offline/drafts';

export type SessionRecord = Schemas['SessionRecord'];
export type Action = Schemas['Action'];
export type Outcome = Schemas['ActionReviewOutcome'];
export type NoteKind = Schemas['RecordNoteKind'];

export const OUTCOME_TEXT: Record<Outcome, string> = {
  DONE: 'Done',
  PARTLY: 'Partly',
  NOT_DONE: 'Not done',
  NO_LONGER_NEEDED: 'No longer needed',
};
export const OUTCOMES = Object.keys(OUTCOME_TEXT) as Outcome[];

export const NOTE_TEXT: Record<NoteKind, string> = {
  COMMENT: 'Comment',
  AMENDMENT: 'Amendment',
  DISAGREEMENT: 'Disagreement',
  ADDENDUM: 'Addendum',
};

export const recordHref = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/record`;

/** What the form keeps on the device between keystrokes and reloads. */
export interface RecordDraft {
  entries: Record<string, { text: string; notApplicable: boolean }>;
  reflection: string;
  futureAgenda: string;
  nextDate: string;
  personalIssuesDiscussed: boolean;
  confidentialNotes: string;
  reviews: Record<string, { outcome?: Outcome; note: string }>;
  /** Issue 9: the discussion of the supervisor's own practice when audits are noted (absent in older drafts). */
  supervisoryPractice?: string;
  savedAt: string;
}

export function draftFromRecord(record: SessionRecord): RecordDraft {
  const entries: RecordDraft['entries'] = {};
  for (const e of record.entries) entries[e.key] = { text: e.text ?? '', notApplicable: e.notApplicable };
  const reviews: RecordDraft['reviews'] = {};
  for (const r of record.actionReviews) reviews[r.actionId] = { outcome: r.outcome, note: r.note ?? '' };
  return {
    entries,
    reflection: record.reflection ?? '',
    futureAgenda: record.futureAgenda ?? '',
    nextDate: record.nextDate ?? '',
    personalIssuesDiscussed: record.personalIssuesDiscussed,
    confidentialNotes: record.confidentialNotes ?? '',
    reviews,
    supervisoryPractice: record.supervisoryPractice ?? '',
    savedAt: '',
  };
}

/** The body of PUT /record. */
export function toUpdate(draft: RecordDraft): Schemas['SessionRecordUpdate'] {
  const entries = Object.entries(draft.entries)
    .filter(([, e]) => e.notApplicable || e.text.trim() !== '')
    .map(([key, e]) => (e.notApplicable ? { key, notApplicable: true } : { key, text: e.text, notApplicable: false }));
  const actionReviews = Object.entries(draft.reviews)
    .filter(([, r]) => r.outcome)
    .map(([actionId, r]) => ({ actionId, outcome: r.outcome as Outcome, ...(r.note.trim() ? { note: r.note.trim() } : {}) }));
  return {
    entries,
    ...(draft.reflection.trim() ? { reflection: draft.reflection } : {}),
    ...(draft.futureAgenda.trim() ? { futureAgenda: draft.futureAgenda } : {}),
    ...(draft.nextDate ? { nextDate: draft.nextDate } : {}),
    personalIssuesDiscussed: draft.personalIssuesDiscussed,
    ...(draft.personalIssuesDiscussed && draft.confidentialNotes.trim() ? { confidentialNotes: draft.confidentialNotes } : {}),
    actionReviews,
    ...(draft.supervisoryPractice?.trim() ? { supervisoryPractice: draft.supervisoryPractice } : {}),
  };
}

export { recordDraftKey };

/** The signed-in account's draft of a record kept on this device, or null. */
export async function readRecordDraft(key: string): Promise<RecordDraft | null> {
  const value = await readDraft<RecordDraft>(key);
  if (!value || typeof value !== 'object' || typeof value.entries !== 'object') return null;
  return value;
}

export function clearRecordDraft(key: string): Promise<void> {
  return removeDraft(key);
}

/** The agenda items of the record's template version (falls back to the profile's SESSION_AGENDA). */
export async function loadAgendaSections(templateId: string, signal?: AbortSignal): Promise<Result<Section[]>> {
  const policy = await call(api.GET('/api/v1/organisation/policy', { signal }));
  if (!policy.ok) return policy;
  const profile = await call(
    api.GET('/api/v1/policy-profiles/{profileId}', { params: { path: { profileId: policy.data.profile.id } }, signal }),
  );
  if (!profile.ok) return profile;
  const templates = profile.data.templates;
  const template = templates.find((t) => t.id === templateId) ?? templates.find((t) => t.kind === 'SESSION_AGENDA');
  const items: TemplateItem[] = template?.items ?? [];
  return { ok: true, data: sectionsOf(items), etag: null };
}

export type RecordSignature = Schemas['RecordSignature'];
export type ProposedAgendaItem = Schemas['ProposedAgendaItem'];

/** Nothing written, reviewed, noted or signed yet: a record only just opened after the session was held. */
export function isEmptyRecord(record: SessionRecord): boolean {
  return (
    record.entries.length === 0 &&
    !record.reflection &&
    !record.futureAgenda &&
    !record.nextDate &&
    !record.confidentialNotes &&
    record.actionReviews.length === 0 &&
    record.notes.length === 0 &&
    record.signatures.length === 0
  );
}

/** The record's status in words (UX.md: tags with words): not started, awaiting signature, locked. */
export function recordStatusTag(record: SessionRecord): { text: string; colour: 'grey' | 'blue' | 'turquoise' } {
  if (record.status === 'SIGNED') return { text: 'Locked', colour: 'grey' };
  if (isEmptyRecord(record)) return { text: 'Record to write', colour: 'turquoise' };
  return { text: 'Awaiting signature', colour: 'blue' };
}

/**
 * What to say beside a signature. On a draft, a signature on content that changed since must be given
 * again; on a locked record an earlier signature is history (the signer signed again before it locked).
 */
export function signatureWords(signature: RecordSignature, record: SessionRecord): { text: string; colour: 'orange' | 'grey' } | null {
  if (signature.current) return null;
  return record.status === 'SIGNED'
    ? { text: 'Earlier version, signed again later', colour: 'grey' }
    : { text: 'Signature out of date, sign again', colour: 'orange' };
}

/** The addendum is for the people in the session (the API refuses anyone else). */
export function mayAddAddendum(record: SessionRecord, isParty: boolean): boolean {
  return record.status === 'SIGNED' && isParty;
}
