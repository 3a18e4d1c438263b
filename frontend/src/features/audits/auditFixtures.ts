import type { Schemas } from '../../api/client';
import type { Me } from '../auth/AuthContext';
import { staff } from '../../test/fixtures';

type Option = Schemas['AnswerOption'];
const opts = (pairs: [string, string][]): Option[] => pairs.map(([value, label]) => ({ value: value as Option['value'], label }));

/** The option words the service sends (policy/AnswerScales.java). */
export const RATING_OPTIONS = opts([
  ['1', '1 - Excellent'],
  ['2', '2'],
  ['3', '3'],
  ['4', '4'],
  ['5', '5 - Poor'],
]);
const TICK_OPTIONS = opts([
  ['YES', 'Yes'],
  ['NO', 'No'],
  ['PARTIALLY', 'Partially'],
  ['UNCLEAR', 'Unclear'],
]);
const YES_NO_NA = opts([
  ['YES', 'Yes'],
  ['NO', 'No'],
  ['NOT_APPLICABLE', 'Not applicable'],
]);
const GRADES = opts([
  ['OUTSTANDING', 'Outstanding'],
  ['GOOD', 'Good'],
  ['REQUIRES_IMPROVEMENT', 'Requires improvement'],
  ['INADEQUATE', 'Inadequate'],
]);
const RATE_HINT = 'Rate the evidence on a scale of 1 to 5, where 1 = Excellent and 5 = Poor.';
const JUDGMENTS = 'Part 1 Judgments';
const CHECKLIST = 'Q11 File checklist';

const rating = (position: number, key: string, label: string, fn?: Schemas['SupervisionFunction']): Schemas['TemplateItem'] => ({
  key,
  position,
  section: JUDGMENTS,
  label,
  hint: RATE_HINT,
  answerType: 'RATING_1_5',
  options: RATING_OPTIONS,
  ...(fn ? { function: fn } : {}),
  required: true,
});
const doc = (position: number, key: string, label: string): Schemas['TemplateItem'] => ({
  key,
  position,
  section: CHECKLIST,
  label,
  hint: 'Does the supervision file contain the following document? Yes, No or NA.',
  answerType: 'YES_NO_NA',
  options: YES_NO_NA,
  required: true,
});

/** Coventry's Appendix 7, Part 1, shortened: the numbering, functions, the tick, three documents, grade and actions. */
export const AUDIT_TEMPLATE: Schemas['PolicyTemplate'] = {
  id: 'tpl-audit',
  kind: 'AUDIT',
  version: 1,
  title: 'Supervision file audit tool, Part 1 (Appendix 7)',
  source: 'Coventry Supervision Policy (2016), Appendix 7',
  guidance: 'In auditing supervision files, focus on how far supervision is supporting oversight and decision making for the child.',
  items: [
    rating(1, 'q1', 'Were the actions from the last supervision session reviewed?', 'MEDIATION'),
    { key: 'q2', position: 2, section: JUDGMENTS, label: 'Were the actions from the last supervision session reviewed? (Tick: Yes, No, Partially or Unclear)', answerType: 'YES_NO_PARTIAL_UNCLEAR', options: TICK_OPTIONS, required: true },
    rating(7, 'q7', 'What evidence is there that a discussion took place about the level and quality of contact or direct work with the child?', 'MANAGEMENT'),
    rating(9, 'q9', 'What evidence is there that the worker’s own well-being was discussed in the session?', 'SUPPORT'),
    rating(10, 'q10', 'Was the supervision session appropriately recorded and the notes copied to the worker promptly?', 'MANAGEMENT'),
    doc(11, 'q11_job_description', 'Job Description and Person Specification'),
    doc(12, 'q11_supervision_agreement', 'Supervision Contract Discussion and Agreement'),
    doc(13, 'q11_dbs_check', 'DBS check (the form says ‘Up to date CRB’)'),
    rating(23, 'q12', 'What evidence is there of discussions about the professional development needs of the worker?'),
    { key: 'q13a', position: 24, section: JUDGMENTS, label: 'Considering your findings above, provide a grade for the overall effectiveness of the supervision', hint: 'Outstanding, Good, Requires Improvement or Inadequate.', answerType: 'OVERALL_GRADE', options: GRADES, required: true },
    { key: 'q13b', position: 25, section: JUDGMENTS, label: 'If your judgement was less than ‘good’, please identify what actions need to be taken by the supervisor or their manager to achieve a grading of good', hint: 'Each action becomes a tracked action with an owner and a due date.', answerType: 'FREE_TEXT', required: false },
  ],
};

export const QA_ID = 'qa-1';
export const RACHEL: Me = {
  accountId: 'acc-qa',
  username: 'qa@demo.test',
  displayName: 'Rachel Green',
  roles: ['QA_AUDITOR'],
  organisation: { id: 'org-1', name: 'Demo City Council' },
  staff: staff({ id: QA_ID, displayName: 'Rachel Green', jobTitle: 'Quality Assurance Manager', team: undefined }),
  supervisors: [],
  supervisees: [],
  managedServices: [],
};
export const MARCUS: Me = {
  accountId: 'acc-sm',
  username: 'servicemanager@demo.test',
  displayName: 'Marcus Bell',
  roles: ['SERVICE_MANAGER', 'SUPERVISOR', 'PRACTITIONER'],
  organisation: { id: 'org-1', name: 'Demo City Council' },
  staff: staff({ id: 'sm-1', displayName: 'Marcus Bell', jobTitle: 'Service Manager' }),
  supervisors: [],
  supervisees: [],
  managedServices: [],
};

export const SAM = { id: 'a1', displayName: 'Sam Okafor', jobTitle: 'Social Worker' };
export const PRIYA_REF = { id: 'p1', displayName: 'Priya Shah', jobTitle: 'Team Manager' };
export const MORGAN_REF = { id: 'm1', displayName: 'Morgan Hale', jobTitle: 'Service Manager' };
export const TEAM = { id: 't1', name: 'Assessment Team 1' };
export const SERVICE = { id: 's1', name: 'Children and Families' };

export function audit(overrides: Partial<Schemas['Audit']> = {}): Schemas['Audit'] {
  return {
    id: 'au-1',
    kind: 'QA_SAMPLE',
    status: 'DRAFT',
    supervisee: SAM,
    supervisor: PRIYA_REF,
    team: TEAM,
    service: SERVICE,
    auditor: { id: QA_ID, displayName: 'Rachel Green', jobTitle: 'Quality Assurance Manager' },
    auditorPost: 'Quality Assurance Manager',
    sampleId: 'smp-1',
    periodFrom: '2026-09-01',
    periodTo: '2026-11-30',
    auditedOn: '2026-12-01',
    quarter: '2026-Q4',
    templateId: 'tpl-audit',
    answers: [],
    actions: [],
    missing: [],
    version: 1,
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}

/** Every required question answered, graded below Good, one action: ready to complete. */
export const FULL_ANSWERS: Schemas['AuditAnswer'][] = [
  { key: 'q1', value: '2' },
  { key: 'q2', value: 'PARTIALLY' },
  { key: 'q7', value: '3' },
  { key: 'q9', value: '4' },
  { key: 'q10', value: '2' },
  { key: 'q11_job_description', value: 'YES' },
  { key: 'q11_supervision_agreement', value: 'YES' },
  { key: 'q11_dbs_check', value: 'NOT_APPLICABLE' },
  { key: 'q12', value: '3' },
  { key: 'q13a', value: 'REQUIRES_IMPROVEMENT' },
];

export const EVIDENCE: Schemas['AuditEvidence'] = {
  auditId: 'au-1',
  periodFrom: '2026-09-01',
  periodTo: '2026-11-30',
  items: [
    {
      topic: 'ACTIONS_REVIEWED',
      questionKeys: ['q1', 'q2'],
      summary: '2 of 3 sessions reviewed the previous actions',
      facts: [{ label: 'Session on Tuesday 3 November 2026', value: 'Previous actions reviewed' }],
      links: [{ kind: 'RECORD', id: 'ses-1', label: 'Record of the session on Tuesday 3 November 2026' }],
    },
    {
      topic: 'AGREEMENT',
      questionKeys: ['q11_supervision_agreement'],
      summary: 'An active agreement signed on Monday 7 September 2026',
      facts: [],
      links: [{ kind: 'AGREEMENT', id: 'ag-1', label: 'Supervision agreement' }],
    },
    {
      topic: 'CHILD_VIEWS',
      questionKeys: ['q7'],
      summary: '3 of 4 case discussions recorded the child’s view',
      facts: [{ label: 'With a reason why not', value: '1' }],
      links: [{ kind: 'CASE_DISCUSSION', id: 'cd-9', label: 'Case discussion of Mia Example on Monday 5 October 2026' }],
    },
  ],
};

export function sample(overrides: Partial<Schemas['AuditSample']> = {}): Schemas['AuditSample'] {
  return {
    id: 'smp-1',
    quarter: '2026-Q4',
    size: 3,
    seed: 424242,
    eligibleCount: 40,
    drawnBy: { id: QA_ID, displayName: 'Rachel Green' },
    drawnAt: '2026-10-05T09:30:00Z',
    completed: 1,
    files: [
      { position: 1, supervisee: SAM, team: TEAM, service: SERVICE, auditId: 'au-1', auditStatus: 'DRAFT' },
      { position: 2, supervisee: { id: 'a2', displayName: 'Jordan Reid' }, team: TEAM, service: SERVICE },
      { position: 3, supervisee: { id: 'a3', displayName: 'Alex Morgan' }, team: { id: 't2', name: 'Assessment Team 2' }, service: SERVICE, auditId: 'au-3', auditStatus: 'COMPLETED', grade: 'REQUIRES_IMPROVEMENT' },
    ],
    ...overrides,
  };
}

export function summary(overrides: Partial<Schemas['AuditSummary']> = {}): Schemas['AuditSummary'] {
  return {
    id: 'au-1',
    kind: 'QA_SAMPLE',
    status: 'DRAFT',
    supervisee: SAM,
    supervisor: PRIYA_REF,
    team: TEAM,
    service: SERVICE,
    auditor: { id: QA_ID, displayName: 'Rachel Green' },
    auditedOn: '2026-12-01',
    quarter: '2026-Q4',
    updatedAt: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}
