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

export const templateRoutes = {
  'GET /api/v1/organisation/policy': { status: 200, body: POLICY },
  'GET /api/v1/policy-profiles/:id': { status: 200, body: PROFILE },
};
