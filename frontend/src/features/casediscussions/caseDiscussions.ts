/** Case discussions: status in words, the local draft and the body it sends, where each shortfall points. */
import { api, type Schemas } from '../../api/client';
import type { ErrorItem, TagColour } from '../../components/govuk';
import { readDraft, removeDraft } from '../../offline/drafts';
import { call, sectionsOf, type Result, type Section } from '../agreements/agreements';

export type CaseDiscussion = Schemas['CaseDiscussion'];
export type CaseDiscussionSummary = Schemas['CaseDiscussionSummary'];
export type ChildVoice = Schemas['ChildVoice'];
export type ChildViewReason = Schemas['ChildViewReason'];
export type Shortfall = Schemas['Shortfall'];
export type Child = Schemas['Child'];

export const caseDiscussionHref = (id: string) => `/case-discussions/${encodeURIComponent(id)}`;
export const caseDiscussionPath = (id: string) => `/api/v1/case-discussions/${encodeURIComponent(id)}`;
/** Where the form keeps its typing on the device (sealed, per account; wiped on sign-out). */
export const caseDiscussionDraftKey = (id: string) => `caseDiscussionDraft.${id}`;

export const REASON_TEXT: Record<ChildViewReason, string> = {
  TOO_YOUNG: 'Too young to give a view',
  NOT_SEEN_SINCE_LAST_DISCUSSION: 'Not seen since the last discussion',
  DECLINED: 'Declined to give a view',
};
export const REASONS = Object.keys(REASON_TEXT) as ChildViewReason[];

/** Status as a tag with words (UX.md): Draft, Awaiting signature (someone has signed), Locked. */
export function statusTag(discussion: Pick<CaseDiscussion, 'status'> & { signatures?: CaseDiscussion['signatures']; signedByMe?: boolean }): {
  text: string;
  colour: TagColour;
} {
  if (discussion.status === 'SIGNED') return { text: 'Locked', colour: 'grey' };
  const someoneSigned = discussion.signedByMe || (discussion.signatures ?? []).some((s) => s.current);
  return someoneSigned ? { text: 'Awaiting signature', colour: 'blue' } : { text: 'Draft', colour: 'turquoise' };
}

export interface DecisionDraft {
  id?: string;
  /** Stable React key for a decision not yet given an id by the service. */
  localKey: string;
  text: string;
  rationale: string;
}

export type Responsible = 'SUPERVISOR' | 'SUPERVISEE';

export interface ActionDraft {
  id?: string;
  localKey: string;
  text: string;
  desiredOutcome: string;
  measure: string;
  responsible?: Responsible;
  dueDate: string;
}

/** What the form keeps on the device between keystrokes and reloads. */
export interface CaseDiscussionDraft {
  discussedOn: string;
  answers: Record<string, { text: string; notApplicable: boolean }>;
  childVoice: {
    status?: Schemas['ChildViewStatus'];
    view: string;
    reason?: ChildViewReason;
    reasonDetail: string;
    lastSeenOn: string;
    seenAlone?: boolean;
  };
  decisions: DecisionDraft[];
  actions: ActionDraft[];
  savedAt: string;
}

let localCounter = 0;
export const newLocalKey = () => `new-${Date.now().toString(36)}-${(localCounter += 1)}`;

export function draftFromDiscussion(d: CaseDiscussion): CaseDiscussionDraft {
  const answers: CaseDiscussionDraft['answers'] = {};
  for (const a of d.answers) answers[a.key] = { text: a.text ?? '', notApplicable: a.notApplicable };
  const v = d.childVoice ?? {};
  return {
    discussedOn: d.discussedOn,
    answers,
    childVoice: {
      status: v.status,
      view: v.view ?? '',
      reason: v.reason,
      reasonDetail: v.reasonDetail ?? '',
      lastSeenOn: v.lastSeenOn ?? '',
      seenAlone: v.seenAlone,
    },
    decisions: d.decisions.map((x) => ({ id: x.id, localKey: x.id ?? newLocalKey(), text: x.text, rationale: x.rationale ?? '' })),
    actions: d.actions.map((x) => ({
      id: x.id,
      localKey: x.id ?? newLocalKey(),
      text: x.text,
      desiredOutcome: x.desiredOutcome ?? '',
      measure: x.measure ?? '',
      responsible: x.ownerId ? (x.ownerId === d.supervisor.id ? 'SUPERVISOR' : x.ownerId === d.supervisee.id ? 'SUPERVISEE' : undefined) : undefined,
      dueDate: x.dueDate ?? '',
    })),
    savedAt: '',
  };
}

const trimmed = (value: string) => value.trim();
const optional = <K extends string>(key: K, value: string): Partial<Record<K, string>> =>
  (trimmed(value) ? { [key]: value } : {}) as Partial<Record<K, string>>;

/**
 * The body of PUT /case-discussions/{id}. A decision or action with no text yet is not sent (the service needs
 * its text); it stays in the draft on the device until it has one.
 */
export function toUpdate(draft: CaseDiscussionDraft, parties: { supervisorId: string; superviseeId: string }): Schemas['CaseDiscussionUpdate'] {
  const answers = Object.entries(draft.answers)
    .filter(([, a]) => a.notApplicable || trimmed(a.text) !== '')
    .map(([key, a]) => (a.notApplicable ? { key, notApplicable: true } : { key, text: a.text, notApplicable: false }));
  const v = draft.childVoice;
  const childVoice: ChildVoice = {
    ...(v.status ? { status: v.status } : {}),
    ...(v.status === 'RECORDED' ? optional('view', v.view) : {}),
    ...(v.status === 'NOT_OBTAINED' && v.reason ? { reason: v.reason } : {}),
    ...(v.status === 'NOT_OBTAINED' ? optional('reasonDetail', v.reasonDetail) : {}),
    ...(v.status === 'NOT_OBTAINED' && v.reason === 'NOT_SEEN_SINCE_LAST_DISCUSSION' && v.lastSeenOn ? { lastSeenOn: v.lastSeenOn } : {}),
    ...(v.seenAlone !== undefined && !(v.status === 'NOT_OBTAINED' && v.reason === 'NOT_SEEN_SINCE_LAST_DISCUSSION') ? { seenAlone: v.seenAlone } : {}),
  };
  return {
    discussedOn: draft.discussedOn,
    answers,
    childVoice,
    decisions: draft.decisions
      .filter((x) => trimmed(x.text))
      .map((x) => ({ ...(x.id ? { id: x.id } : {}), text: x.text, ...optional('rationale', x.rationale) })),
    actions: draft.actions
      .filter((x) => trimmed(x.text))
      .map((x) => ({
        ...(x.id ? { id: x.id } : {}),
        text: x.text,
        ...optional('desiredOutcome', x.desiredOutcome),
        ...optional('measure', x.measure),
        ...(x.responsible ? { ownerId: x.responsible === 'SUPERVISOR' ? parties.supervisorId : parties.superviseeId } : {}),
        ...(x.dueDate ? { dueDate: x.dueDate } : {}),
      })),
  };
}

/** The signed-in account's draft of a case discussion kept on this device, or null. */
export async function readCaseDiscussionDraft(key: string): Promise<CaseDiscussionDraft | null> {
  const value = await readDraft<CaseDiscussionDraft>(key);
  if (!value || typeof value !== 'object' || typeof value.answers !== 'object' || typeof value.childVoice !== 'object') return null;
  return value;
}

export function clearCaseDiscussionDraft(key: string): Promise<void> {
  return removeDraft(key);
}

/** The items of the case-discussion template version the discussion follows, by section. */
export async function loadCaseDiscussionSections(templateId: string, signal?: AbortSignal): Promise<Result<Section[]>> {
  const template = await call(api.GET('/api/v1/policy-templates/{templateId}', { params: { path: { templateId } }, signal }));
  if (!template.ok) return template;
  return { ok: true, data: sectionsOf(template.data.items), etag: null };
}

/** The field a shortfall's pointer is about (the form's element ids), or null when the form has no such field. */
export function fieldIdFor(pointer: string, draft: CaseDiscussionDraft | null): string | null {
  let m: RegExpExecArray | null;
  if (pointer === '/childVoice' || pointer === '/childVoice/status') return 'child-voice-status';
  // A field only shows once the choice before it is made: until then the message belongs to that choice.
  const voice = draft?.childVoice;
  const recorded = !voice || voice.status === 'RECORDED';
  const notObtained = !voice || voice.status === 'NOT_OBTAINED';
  const notSeen = !voice || (voice.status === 'NOT_OBTAINED' && voice.reason === 'NOT_SEEN_SINCE_LAST_DISCUSSION');
  if (pointer === '/childVoice/view') return recorded ? 'child-view' : 'child-voice-status';
  if (pointer === '/childVoice/reason') return notObtained ? 'child-view-reason' : 'child-voice-status';
  if (pointer === '/childVoice/reasonDetail') return notObtained ? 'child-view-reason-detail' : 'child-voice-status';
  if (pointer === '/childVoice/lastSeenOn') return notSeen ? 'last-seen-on-day' : 'child-view-reason';
  if (pointer === '/childVoice/seenAlone') return 'seen-alone';
  if (pointer === '/discussedOn') return 'discussed-on-day';
  if ((m = /^\/answers\/([^/]+)(?:\/(?:text|key|notApplicable))?$/.exec(pointer))) {
    const key = decodeURIComponent(m[1] as string);
    if (!/^\d+$/.test(key)) return `answer-${key}`;
    // An index into the answers as sent (toUpdate keeps only those answered, in the draft's order).
    const sent = draft ? Object.entries(draft.answers).filter(([, a]) => a.notApplicable || a.text.trim() !== '') : [];
    const entry = sent[Number(key)];
    return entry ? `answer-${entry[0]}` : null;
  }
  if ((m = /^\/decisions\/(\d+)(?:\/(text|rationale))?$/.exec(pointer))) {
    const index = shownIndex(draft?.decisions, Number(m[1]));
    return `decision-${index}-${m[2] ?? 'text'}`;
  }
  if ((m = /^\/actions\/(\d+)(?:\/(\w+))?$/.exec(pointer))) {
    const index = shownIndex(draft?.actions, Number(m[1]));
    const part = m[2];
    const field =
      part === 'ownerId' || part === 'owner'
        ? 'responsible'
        : part === 'dueDate'
          ? 'due-day'
          : part === 'desiredOutcome'
            ? 'outcome'
            : part === 'measure'
              ? 'measure'
              : 'text';
    return `action-${index}-${field}`;
  }
  return null;
}

/**
 * Pointers index the list as sent, which leaves out items with no text yet; the form numbers them as shown.
 * The sent index `i` is the i-th item with text.
 */
function shownIndex(list: { text: string }[] | undefined, sent: number): number {
  if (!list) return sent;
  let seen = -1;
  for (let i = 0; i < list.length; i++) {
    if ((list[i] as { text: string }).text.trim()) seen += 1;
    if (seen === sent) return i;
  }
  return sent;
}

/** Shortfalls as the GOV.UK error summary's lines, each linked to its field where the form has one. */
export function shortfallItems(shortfalls: Shortfall[], draft: CaseDiscussionDraft | null): ErrorItem[] {
  return shortfalls.map((s) => {
    const id = fieldIdFor(s.pointer, draft);
    return id ? { text: s.message, href: `#${id}` } : { text: s.message };
  });
}

/** Inline messages by field id. */
export function shortfallsByField(shortfalls: Shortfall[], draft: CaseDiscussionDraft | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of shortfalls) {
    const id = fieldIdFor(s.pointer, draft);
    if (id) out[id] ??= s.message;
  }
  return out;
}
