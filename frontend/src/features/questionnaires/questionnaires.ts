/** The Part 2 questionnaire: words for statuses and answers, quarters, who may see which page, the local draft. */
import type { Schemas } from '../../api/client';
import type { TagColour } from '../../components/govuk';
import { readDraft, removeDraft } from '../../offline/drafts';

export type Questionnaire = Schemas['Questionnaire'];
export type QuestionnaireSummary = Schemas['QuestionnaireSummary'];
export type QuestionnaireReceipt = Schemas['QuestionnaireReceipt'];
export type QuestionnaireResults = Schemas['QuestionnaireResults'];
export type ResultGroup = Schemas['ResultGroup'];
export type StatementDistribution = Schemas['StatementDistribution'];
export type InvitationStatus = Schemas['InvitationStatus'];
export type QualityAnswer = Schemas['QualityAnswer'];
export type QuestionnaireInvitation = Schemas['QuestionnaireInvitation'];
type Role = Schemas['Role'];

export const questionnaireHref = (invitationId: string) => `/questionnaires/${encodeURIComponent(invitationId)}`;
export const responsePath = (invitationId: string) => `/api/v1/questionnaires/${encodeURIComponent(invitationId)}/response`;
/** Where the form keeps the typed answers on the device (sealed, per account; wiped on sign-out). */
export const questionnaireDraftKey = (invitationId: string) => `questionnaireDraft.${invitationId}`;

export const STATUS_TEXT: Record<InvitationStatus, { text: string; colour: TagColour }> = {
  OPEN: { text: 'Open', colour: 'blue' },
  ANSWERED: { text: 'Answered', colour: 'green' },
  EXPIRED: { text: 'Expired', colour: 'grey' },
};

/** The five answers, best first, as the results count them (the form itself shows the labels the API gives). */
export const DISTRIBUTION: Array<{ field: keyof Omit<StatementDistribution, 'key'>; text: string }> = [
  { field: 'veryGood', text: 'Very good' },
  { field: 'good', text: 'Good' },
  { field: 'satisfactory', text: 'Satisfactory' },
  { field: 'poor', text: 'Poor' },
  { field: 'veryPoor', text: 'Very poor' },
];

export const LEVEL_TEXT: Record<Schemas['ResultLevel'], { one: string; many: string }> = {
  DIRECTORATE: { one: 'Directorate', many: 'The directorate' },
  SERVICE: { one: 'Service', many: 'Services' },
  TEAM: { one: 'Team', many: 'Teams' },
  SUPERVISOR: { one: 'Supervisor’s team', many: 'Supervisors’ teams' },
};

export const LEVELS: Schemas['ResultLevel'][] = ['DIRECTORATE', 'SERVICE', 'TEAM', 'SUPERVISOR'];

/** Why a group is not shown, in words, never with a number of people in it. */
export function suppressedText(group: Pick<ResultGroup, 'suppressedBecause'>, minimum: number): string {
  return group.suppressedBecause === 'DIFFERENCING'
    ? 'Suppressed (could be worked out from other figures)'
    : `Suppressed (fewer than ${minimum} answered)`;
}

const RESULTS_ROLES: Role[] = ['QA_AUDITOR', 'HEAD_OF_SERVICE', 'SERVICE_MANAGER', 'SUPERVISOR', 'ELECTED_MEMBER'];
const has = (me: { roles: Role[] } | null, roles: Role[]) => !!me && me.roles.some((r) => roles.includes(r));
export const canSeeResults = (me: { roles: Role[] } | null) => has(me, RESULTS_ROLES);
export const canIssueRounds = (me: { roles: Role[] } | null) => has(me, ['QA_AUDITOR']);

/** A calendar quarter, "2026-Q3". */
export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

export function parseQuarter(text: string | null | undefined): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(text ?? '');
  if (!m) return null;
  return { year: Number(m[1]), q: Number(m[2]) as Quarter['q'] };
}

export const quarterKey = ({ year, q }: Quarter) => `${year}-Q${q}`;

export function quarterOf(date: Date = new Date()): Quarter {
  return { year: date.getUTCFullYear(), q: (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter['q'] };
}

export function previousQuarter({ year, q }: Quarter): Quarter {
  return q === 1 ? { year: year - 1, q: 4 } : { year, q: (q - 1) as Quarter['q'] };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "July to September 2026". */
export function quarterWords({ year, q }: Quarter): string {
  return `${MONTHS[(q - 1) * 3]} to ${MONTHS[(q - 1) * 3 + 2]} ${year}`;
}

/** Has the quarter ended (on `now`)? */
export function quarterEnded(quarter: Quarter, now: Date = new Date()): boolean {
  const current = quarterOf(now);
  return quarter.year < current.year || (quarter.year === current.year && quarter.q < current.q);
}

/** The last `count` ended quarters, newest first. */
export function endedQuarters(count = 8, now: Date = new Date()): Quarter[] {
  const out: Quarter[] = [];
  let quarter = previousQuarter(quarterOf(now));
  for (let i = 0; i < count; i++) {
    out.push(quarter);
    quarter = previousQuarter(quarter);
  }
  return out;
}

/** What the questionnaire form keeps on the device until the answers are sent. */
export interface QuestionnaireDraft {
  answers: Record<string, string>;
  comment: string;
  /** One key for every attempt to send these answers: a resend can never answer twice. */
  idempotencyKey: string;
  /** The questionnaire as last read, so the form opens again without a connection. */
  questionnaire?: Questionnaire;
  savedAt: string;
}

export function toResponse(draft: QuestionnaireDraft, questionnaire: Questionnaire): Schemas['QuestionnaireResponseCreate'] {
  const answers = questionnaire.statements
    .filter((s) => draft.answers[s.key])
    .map((s) => ({ key: s.key, value: draft.answers[s.key] as QualityAnswer }));
  return { answers, ...(draft.comment.trim() ? { comment: draft.comment.trim() } : {}) };
}

export async function readQuestionnaireDraft(key: string): Promise<QuestionnaireDraft | null> {
  const value = await readDraft<QuestionnaireDraft>(key);
  if (!value || typeof value !== 'object' || typeof value.answers !== 'object') return null;
  return value;
}

export const clearQuestionnaireDraft = (key: string) => removeDraft(key);

/** An instant's calendar date in the UK ("2026-12-16"), for "answer by Wednesday 16 December 2026". */
export function ukDate(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant.slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The last day to answer, from the instant an invitation expires: an invitation open "until 16 December" expires at
 * the start of 17 December, so the day is the one just before the instant.
 */
export function lastDayToAnswer(expiresAt: string): string {
  const instant = Date.parse(expiresAt);
  return Number.isNaN(instant) ? expiresAt.slice(0, 10) : ukDate(new Date(instant - 1).toISOString());
}
