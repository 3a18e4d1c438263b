/**
 * Supervision file audits (DOMAIN section 7): words for every value the API sends as a key, quarters in words, the
 * form's own numbering, the draft kept on the device and the body it sends, and where each problem's pointer points.
 */
import { api, type Schemas } from '../../api/client';
import type { ErrorItem, TagColour } from '../../components/govuk';
import { readDraft, removeDraft } from '../../offline/drafts';
import type { Me } from '../auth/AuthContext';
import { call, type Result } from '../agreements/agreements';

export type Audit = Schemas['Audit'];
export type AuditSummary = Schemas['AuditSummary'];
export type AuditSample = Schemas['AuditSample'];
export type AuditEvidence = Schemas['AuditEvidence'];
export type AuditEvidenceItem = Schemas['AuditEvidenceItem'];
export type TemplateItem = Schemas['TemplateItem'];
export type Grade = Schemas['OverallGradeAnswer'];
/** A problem at a pointer: the audit's `missing` list and a 422's `errors` alike. */
export type Shortfall = { pointer: string; message: string };

export const auditHref = (id: string) => `/audits/${encodeURIComponent(id)}`;
export const auditPath = (id: string) => `/api/v1/audits/${encodeURIComponent(id)}`;
export const sampleHref = (id: string) => `/audit-samples/${encodeURIComponent(id)}`;
export const crossCheckHref = (id: string) => `/audits/${encodeURIComponent(id)}/cross-check`;
/** Where the audit form keeps its typing on the device (sealed, per account; wiped on sign-out). */
export const auditDraftKey = (id: string) => `auditDraft.${id}`;

// ---- who sees what -------------------------------------------------------------------------------------------

export const isQaAuditor = (me: Me | null) => !!me?.roles.includes('QA_AUDITOR');
/** Those who audit files: QA auditors, service managers (monthly) and heads of service (quarterly). */
export const canAudit = (me: Me | null) =>
  !!me && (me.roles.includes('QA_AUDITOR') || me.roles.includes('SERVICE_MANAGER') || me.roles.includes('HEAD_OF_SERVICE'));

// ---- words -----------------------------------------------------------------------------------------------------

export const GRADE_TEXT: Record<Grade, string> = {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  REQUIRES_IMPROVEMENT: 'Requires improvement',
  INADEQUATE: 'Inadequate',
};
export const gradeText = (grade: Grade | undefined | null) => (grade ? GRADE_TEXT[grade] ?? 'Not known' : 'Not graded yet');
/** Below Good, the audit needs actions (Q13b). */
export const isBelowGood = (grade: string | undefined | null) => grade === 'REQUIRES_IMPROVEMENT' || grade === 'INADEQUATE';

export const RATING_TEXT: Record<Schemas['RatingAnswer'], string> = {
  '1': '1 - Excellent',
  '2': '2',
  '3': '3',
  '4': '4',
  '5': '5 - Poor',
};
export const SCALE_TEXT = '1 = Excellent, 5 = Poor';
export const ratingText = (rating: string | undefined | null) =>
  rating ? `${RATING_TEXT[rating as Schemas['RatingAnswer']] ?? rating} (${SCALE_TEXT})` : 'Not rated';

export const QUALITY_TEXT: Record<Schemas['QualityAnswer'], string> = {
  VERY_GOOD: 'Very good',
  GOOD: 'Good',
  SATISFACTORY: 'Satisfactory',
  POOR: 'Poor',
  VERY_POOR: 'Very poor',
};

export const YES_NO_TEXT: Record<string, string> = {
  YES: 'Yes',
  NO: 'No',
  PARTIALLY: 'Partially',
  UNCLEAR: 'Unclear',
  NOT_APPLICABLE: 'Not applicable',
};

export const FUNCTION_TEXT: Record<Schemas['SupervisionFunction'], string> = {
  MANAGEMENT: 'Management',
  SUPPORT: 'Support',
  DEVELOPMENT: 'Development',
  MEDIATION: 'Mediation',
};

export const KIND_TEXT: Record<Schemas['AuditKind'], string> = {
  QA_SAMPLE: 'Quarterly sample',
  SERVICE_MANAGER_MONTHLY: 'Monthly audit',
  HEAD_OF_SERVICE_QUARTERLY: 'Quarterly audit',
  AD_HOC: 'Other audit',
};

export const ACTION_STATUS_TEXT: Record<Schemas['ActionStatus'], string> = {
  OPEN: 'Open',
  DONE: 'Done',
  NO_LONGER_NEEDED: 'No longer needed',
};

/** An audit's status as a tag: a completed audit is signed and locked. */
export function auditStatusTag(status: Schemas['AuditStatus'] | undefined): { text: string; colour: TagColour } {
  if (status === 'COMPLETED') return { text: 'Locked', colour: 'grey' };
  if (status === 'DRAFT') return { text: 'In progress', colour: 'blue' };
  return { text: 'Not started', colour: 'yellow' };
}

export const DUE_TEXT: Record<Schemas['AuditDueStatus'], { text: string; colour: TagColour }> = {
  DUE: { text: 'Due', colour: 'yellow' },
  OVERDUE: { text: 'Overdue', colour: 'red' },
  IN_PROGRESS: { text: 'In progress', colour: 'blue' },
  DONE: { text: 'Done', colour: 'green' },
};

/** A mean rating to one decimal place, with "lower is better" beside it (DOMAIN section 15). */
export const meanText = (mean: number | undefined | null) =>
  typeof mean === 'number' ? `${mean.toFixed(1)} (lower is better: 1 = Excellent, 5 = Poor)` : 'No ratings yet';

// ---- seeds ------------------------------------------------------------------------------------------------------

/**
 * The exact digits of each "seed" in a JSON text, in order. A seed is a 64-bit integer (the service chooses one
 * at random when none is given); JSON.parse reads numbers as doubles and would round one above 2^53, showing a seed
 * that does not repeat the sample. Pages that show seeds read the answer as text and take the digits from it.
 */
export function seedsIn(text: string): string[] {
  return [...text.matchAll(/"seed"\s*:\s*(-?\d+)/g)].map((m) => m[1] as string);
}

// ---- quarters --------------------------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Today's date in the organisation's zone (Europe/London), "2026-12-02". */
export function todayInLondon(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The calendar quarter of a date: "2026-12-02" is "2026-Q4". */
export function quarterOf(isoDate: string): string {
  const [y, m] = isoDate.split('-');
  return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

/** The quarter `offset` quarters after (or before) `quarter`. */
export function shiftQuarter(quarter: string, offset: number): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export const currentQuarter = (now: Date = new Date()) => quarterOf(todayInLondon(now));

/** "2026-Q4" as "October to December 2026". */
export function quarterText(quarter: string | undefined | null): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter ?? '');
  if (!match) return quarter ?? '';
  const first = (Number(match[2]) - 1) * 3;
  return `${MONTHS[first]} to ${MONTHS[first + 2]} ${match[1]}`;
}

// ---- the form's numbering and sections -------------------------------------------------------------------------

/** The form's own numbering from the item key: q1 is Q1, q13a is Q13a, every q11_... document is Q11. */
export function questionNumber(key: string): string {
  const match = /^q(\d+)([a-z]?)(?:_|$)/i.exec(key);
  return match ? `Q${match[1]}${match[2] ?? ''}` : '';
}

export interface AuditPart {
  /** What the section list and picker call it, e.g. "Part 1 Judgments: Q1 to Q10". */
  name: string;
  items: TemplateItem[];
}

/** The template's items in order, grouped into runs of one section (the form returns to Part 1 after Q11). */
export function partsOf(items: TemplateItem[]): AuditPart[] {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const runs: { section: string; items: TemplateItem[] }[] = [];
  for (const item of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.section === item.section) last.items.push(item);
    else runs.push({ section: item.section, items: [item] });
  }
  return runs.map((run) => {
    const numbers = [...new Set(run.items.map((i) => questionNumber(i.key)).filter(Boolean))];
    const first = numbers[0];
    const last = numbers[numbers.length - 1];
    const range = !first ? '' : first === last ? first : `${first} to ${last}`;
    const named = range && !run.section.includes(range) ? `${run.section}: ${range}` : run.section;
    return { name: named, items: run.items };
  });
}

/** The item that holds the overall grade (Q13a). */
export const gradeItemOf = (items: TemplateItem[]) => items.find((i) => i.answerType === 'OVERALL_GRADE');

// ---- evidence --------------------------------------------------------------------------------------------------

/** The page of the SPA behind an evidence link, or null when there is no page for it. */
export function evidenceHref(link: Schemas['EvidenceLink']): string | null {
  const id = encodeURIComponent(link.id);
  switch (link.kind) {
    case 'RECORD':
      return `/sessions/${id}/record`;
    case 'SESSION':
      return `/sessions/${id}`;
    case 'AGREEMENT':
      return `/agreements/${id}`;
    case 'CASE_DISCUSSION':
      return `/case-discussions/${id}`;
    default:
      return null;
  }
}

/** The evidence items that inform one question (their questionKeys include it). */
export const evidenceFor = (evidence: AuditEvidence | null, key: string) => (evidence?.items ?? []).filter((item) => item.questionKeys.includes(key));

// ---- the draft -------------------------------------------------------------------------------------------------

export interface ActionDraft {
  id?: string;
  /** Stable React key for an action not yet given an id by the service. */
  localKey: string;
  text: string;
  ownerId: string;
  dueDate: string;
}

/** What the form keeps on the device between keystrokes and reloads. */
export interface AuditDraft {
  periodFrom: string;
  periodTo: string;
  auditorPost: string;
  answers: Record<string, string>;
  actions: ActionDraft[];
  savedAt: string;
}

let localCounter = 0;
export const newLocalKey = () => `new-${Date.now().toString(36)}-${(localCounter += 1)}`;

export function draftFromAudit(audit: Audit): AuditDraft {
  const answers: Record<string, string> = {};
  for (const a of audit.answers) if (a.value) answers[a.key] = a.value;
  return {
    periodFrom: audit.periodFrom,
    periodTo: audit.periodTo,
    auditorPost: audit.auditorPost ?? '',
    answers,
    actions: audit.actions.map((a) => ({ id: a.id, localKey: a.id ?? newLocalKey(), text: a.text, ownerId: a.ownerId ?? a.owner?.id ?? '', dueDate: a.dueDate ?? '' })),
    savedAt: '',
  };
}

/** The answers as sent: those answered, in the draft's order (pointers /answers/{i} index this list). */
const sentAnswers = (draft: AuditDraft) => Object.entries(draft.answers).filter(([, value]) => value.trim() !== '');
/** The actions as sent: only below Good, and only those with text (the service needs it). */
const sentActions = (draft: AuditDraft, gradeKey: string) => (isBelowGood(draft.answers[gradeKey]) ? draft.actions.filter((a) => a.text.trim() !== '') : []);

/** The body of PUT /audits/{id}. */
export function toUpdate(draft: AuditDraft, gradeKey = 'q13a'): Schemas['AuditUpdate'] {
  return {
    periodFrom: draft.periodFrom,
    periodTo: draft.periodTo,
    ...(draft.auditorPost.trim() ? { auditorPost: draft.auditorPost } : {}),
    answers: sentAnswers(draft).map(([key, value]) => ({ key, value })),
    actions: sentActions(draft, gradeKey).map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      text: a.text,
      ...(a.ownerId ? { ownerId: a.ownerId } : {}),
      ...(a.dueDate ? { dueDate: a.dueDate } : {}),
    })),
  };
}

/** The signed-in account's draft of an audit kept on this device, or null. */
export async function readAuditDraft(key: string): Promise<AuditDraft | null> {
  const value = await readDraft<AuditDraft>(key);
  if (!value || typeof value !== 'object' || typeof value.answers !== 'object' || !Array.isArray(value.actions)) return null;
  return value;
}

export const clearAuditDraft = (key: string) => removeDraft(key);

/** The audit template version an audit follows. */
export async function loadAuditTemplate(templateId: string, signal?: AbortSignal): Promise<Result<Schemas['PolicyTemplate']>> {
  return call(api.GET('/api/v1/policy-templates/{templateId}', { params: { path: { templateId } }, signal }));
}

// ---- problems at fields ----------------------------------------------------------------------------------------

/** The element a problem's JSON pointer is about (the form's ids), or null when the form has no such field. */
export function fieldIdFor(pointer: string, draft: AuditDraft | null, gradeKey = 'q13a'): string | null {
  let m: RegExpExecArray | null;
  if (pointer === '/periodFrom') return 'period-from-day';
  if (pointer === '/periodTo') return 'period-to-day';
  if (pointer === '/auditorPost') return 'auditor-post';
  if ((m = /^\/answers\/([^/]+)(?:\/(?:value|key))?$/.exec(pointer))) {
    const key = decodeURIComponent(m[1] as string);
    if (!/^\d+$/.test(key)) return `answer-${key}`;
    const entry = draft ? sentAnswers(draft)[Number(key)] : undefined;
    return entry ? `answer-${entry[0]}` : null;
  }
  if (pointer === '/actions') return 'actions';
  if ((m = /^\/actions\/(\d+)(?:\/(\w+))?$/.exec(pointer))) {
    const sent = draft ? sentActions(draft, gradeKey)[Number(m[1])] : undefined;
    const index = sent && draft ? draft.actions.indexOf(sent) : Number(m[1]);
    const part = m[2];
    const field = part === 'ownerId' || part === 'owner' ? 'owner' : part === 'dueDate' ? 'due-day' : 'text';
    return `action-${index}-${field}`;
  }
  return null;
}

/** Problems as the GOV.UK error summary's lines, each linked to its field where the form has one. */
export function problemItems(shortfalls: Shortfall[], draft: AuditDraft | null, gradeKey?: string): ErrorItem[] {
  return shortfalls.map((s) => {
    const id = fieldIdFor(s.pointer, draft, gradeKey);
    return id ? { text: s.message, href: `#${id}` } : { text: s.message };
  });
}

/** Inline messages by field id. */
export function problemsByField(shortfalls: Shortfall[], draft: AuditDraft | null, gradeKey?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of shortfalls) {
    const id = fieldIdFor(s.pointer, draft, gradeKey);
    if (id) out[id] ??= s.message;
  }
  return out;
}
