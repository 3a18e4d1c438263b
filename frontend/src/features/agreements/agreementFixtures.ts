/** Test data for agreements: a small template in three sections and agreements in each state. */
import type { Schemas } from '../../api/client';
import { PRIYA, SAM } from '../../test/fixtures';

const item = (position: number, key: string, section: string, label: string, hint?: string): Schemas['TemplateItem'] => ({
  key,
  position,
  section,
  label,
  ...(hint ? { hint } : {}),
  answerType: 'FREE_TEXT',
  required: false,
});

export const TEMPLATE_ITEMS: Schemas['TemplateItem'][] = [
  item(1, 'purpose', 'Supervision Arrangements', 'Purpose: What is the purpose of supervision?'),
  item(2, 'agenda', 'Supervision Arrangements', 'Agenda: Who prepares the agenda?', 'A few days before the session'),
  item(3, 'casework_time', 'Management Functions', 'How much time will be spent on casework discussion?'),
  item(4, 'support_time', 'Support Functions', 'How much time should be spent on support discussion?'),
];

export const POLICY = {
  profile: { id: 'prof-1', code: 'COVENTRY_2016', name: 'Coventry 2016' },
  agreementTemplate: { id: 'tpl-1', kind: 'AGREEMENT', version: 1, title: 'Supervision contract' },
  overrides: {},
  effectiveRules: {},
  version: 1,
  updatedAt: '2026-01-01T09:00:00Z',
};

export const PROFILE = {
  id: 'prof-1',
  code: 'COVENTRY_2016',
  name: 'Coventry 2016',
  description: '',
  source: '',
  rules: {},
  templates: [
    { id: 'tpl-1', kind: 'AGREEMENT', version: 1, title: 'Supervision contract', source: '', items: TEMPLATE_ITEMS },
  ],
};

const ref = (s: { id: string; displayName: string }) => ({ id: s.id, displayName: s.displayName });

export function agreement(overrides: Partial<Schemas['Agreement']> = {}): Schemas['Agreement'] {
  return {
    id: 'ag-1',
    status: 'DRAFT',
    versionNumber: 1,
    supervisee: ref(SAM.staff as Schemas['Staff']),
    supervisor: ref(PRIYA.staff as Schemas['Staff']),
    templateId: 'tpl-1',
    intervalWeeks: 4,
    durationMinutes: 90,
    location: 'Room 2, Civic Centre',
    escalationPeriod: 'P6W',
    answers: [
      { key: 'purpose', text: 'Reflective practice and oversight' },
      { key: 'casework_time', text: 'About an hour' },
    ],
    signatures: [],
    version: 1,
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

const clause = (position: number, key: string, section: string, label: string): Schemas['TemplateItem'] => ({
  key,
  position,
  section,
  label,
  answerType: 'CLAUSE',
  required: false,
});

/** Version 1 of the template: it still asked the escalation period as a question (retired in version 2). */
export const OLD_TEMPLATE_ITEMS: Schemas['TemplateItem'][] = [
  ...TEMPLATE_ITEMS,
  { ...item(25, 'escalation_period', 'Absence of supervision', 'The supervisee will approach the line manager if no formal supervision for:'), answerType: 'PERIOD' },
];

/** Coventry's February 2015 Individual Supervision Agreement, in brief: fixed commitments only. */
export const INDIVIDUAL_AGREEMENT_ITEMS: Schemas['TemplateItem'][] = [
  clause(1, 'clause_venue_interruptions', 'Sessions', 'We shall not usually make or accept telephone calls during our supervision sessions.'),
  clause(4, 'clause_preparation_agenda', 'Preparation and recording', 'An agenda will be set a few days before the supervision session.'),
  clause(10, 'clause_disagreement', 'Disagreement and absence of supervision', 'Areas of disagreement that cannot be resolved will be referred to the line manager.'),
];

/** An audit-like text with scaled items (no shipped agreement text has them; later forms do). */
export const SCALED_ITEMS: Schemas['TemplateItem'][] = [
  {
    ...item(1, 'rating', 'Scales', 'How good is the evidence?'),
    answerType: 'RATING_1_5',
    options: [
      { value: '1', label: '1 - Excellent' },
      { value: '2', label: '2' },
      { value: '3', label: '3' },
      { value: '4', label: '4' },
      { value: '5', label: '5 - Poor' },
    ],
  },
];

export const TEMPLATES: Record<string, Schemas['PolicyTemplate']> = {
  'tpl-1': { id: 'tpl-1', kind: 'AGREEMENT', version: 2, title: 'Supervision contract', source: '', items: TEMPLATE_ITEMS },
  'tpl-old': { id: 'tpl-old', kind: 'AGREEMENT', version: 1, title: 'Supervision contract', source: '', items: OLD_TEMPLATE_ITEMS },
  'tpl-isa': {
    id: 'tpl-isa',
    kind: 'AGREEMENT',
    version: 3,
    title: 'Individual Supervision Agreement',
    source: '',
    variant: 'INDIVIDUAL_AGREEMENT_2015',
    items: INDIVIDUAL_AGREEMENT_ITEMS,
  },
  'tpl-scaled': { id: 'tpl-scaled', kind: 'AGREEMENT', version: 1, title: 'Scaled', source: '', items: SCALED_ITEMS },
};

export const templateRoutes = {
  'GET /api/v1/organisation/policy': { status: 200, body: POLICY },
  'GET /api/v1/policy-profiles/:id': { status: 200, body: PROFILE },
  'GET /api/v1/policy-templates/:id': (request: { path: string }) => {
    const template = TEMPLATES[request.path.split('/').pop() ?? ''];
    return template ? { status: 200, body: template } : { status: 404, body: { title: 'Not found', status: 404 } };
  },
};
