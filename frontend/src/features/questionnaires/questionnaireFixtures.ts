import type { Schemas } from '../../api/client';

export const INVITATION_ID = '11111111-2222-4333-8444-555555555555';

export const STATEMENTS: Schemas['QuestionnaireStatement'][] = [
  'Guidance and support to construct and oversee plans that bring positive change for children',
  'Advice that helps me achieve my performance goals',
  'Support for my emotional well-being and resilience',
  'My feelings are valued and my manager seeks to motivate me',
  'My manager is clear about my and their respective roles and responsibilities',
  'Clarity about case decisions made in supervision and how to record them',
  'Space for case discussion and critical reflection',
  'Support to develop knowledge about the child, worries and strengths',
  'Help to identify gaps in my practice skills and opportunities to learn',
].map((label, index) => ({ key: `s${index + 1}`, number: index + 1, label }));

export const OPTIONS: Schemas['AnswerOption'][] = [
  { value: 'VERY_GOOD', label: 'Very good' },
  { value: 'GOOD', label: 'Good' },
  { value: 'SATISFACTORY', label: 'Satisfactory' },
  { value: 'POOR', label: 'Poor' },
  { value: 'VERY_POOR', label: 'Very poor' },
];

export const WHO_SEES =
  'Your answers go to the quality assurance team. Your supervisor and managers see only totals for groups of 5 or more people.';

export function questionnaire(overrides: Partial<Schemas['Questionnaire']> = {}): Schemas['Questionnaire'] {
  return {
    invitationId: INVITATION_ID,
    templateId: '99999999-2222-4333-8444-555555555555',
    title: 'Your supervision: Part 2 questionnaire',
    guidance: 'Supervision has four purposes: management, development, support and mediation.',
    statements: STATEMENTS,
    options: OPTIONS,
    whoSeesAnswers: WHO_SEES,
    issuedAt: '2026-12-01T09:00:00Z',
    expiresAt: '2026-12-16T23:59:59Z',
    status: 'OPEN',
    ...overrides,
  };
}

const distribution = (key: string, counts: [number, number, number, number, number]): Schemas['StatementDistribution'] => ({
  key,
  veryGood: counts[0],
  good: counts[1],
  satisfactory: counts[2],
  poor: counts[3],
  veryPoor: counts[4],
});

export function results(overrides: Partial<Schemas['QuestionnaireResults']> = {}): Schemas['QuestionnaireResults'] {
  return {
    quarter: '2026-Q3',
    minimumGroupSize: 5,
    statements: STATEMENTS,
    groups: [
      {
        level: 'DIRECTORATE',
        name: 'Children’s Services',
        suppressed: false,
        respondents: 12,
        statements: STATEMENTS.map((s) => distribution(s.key, [3, 6, 1, 1, 1])),
      },
      {
        level: 'SERVICE',
        id: 'aaaaaaaa-0000-4000-8000-000000000001',
        name: 'Children and Families',
        suppressed: false,
        respondents: 8,
        statements: STATEMENTS.map((s) => distribution(s.key, [2, 4, 1, 1, 0])),
      },
      {
        level: 'SERVICE',
        id: 'aaaaaaaa-0000-4000-8000-000000000002',
        name: 'Fostering',
        suppressed: true,
        suppressedBecause: 'FEWER_THAN_MINIMUM',
        statements: [],
      },
      {
        level: 'TEAM',
        id: 'bbbbbbbb-0000-4000-8000-000000000001',
        parentId: 'aaaaaaaa-0000-4000-8000-000000000001',
        name: 'Assessment Team 1',
        suppressed: true,
        suppressedBecause: 'DIFFERENCING',
        statements: [],
      },
      {
        level: 'SUPERVISOR',
        id: 'cccccccc-0000-4000-8000-000000000001',
        parentId: 'bbbbbbbb-0000-4000-8000-000000000001',
        name: 'Priya Shah',
        suppressed: true,
        suppressedBecause: 'FEWER_THAN_MINIMUM',
        statements: [],
      },
    ],
    ...overrides,
  };
}
