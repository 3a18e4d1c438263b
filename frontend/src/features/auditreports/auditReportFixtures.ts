import type { Schemas } from '../../api/client';
import { PRIYA, staff } from '../../test/fixtures';

export const SERVICE = { id: 's1', name: 'Children and Families' };

export const MORGAN: Schemas['Me'] = {
  ...PRIYA,
  accountId: 'acc-sm',
  username: 'servicemanager@demo.test',
  displayName: 'Morgan Hale',
  roles: ['SERVICE_MANAGER'],
  staff: staff({ id: 'm1', displayName: 'Morgan Hale', jobTitle: 'Service Manager' }),
  supervisors: [],
  supervisees: [],
};

export const HELEN: Schemas['Me'] = {
  ...PRIYA,
  accountId: 'acc-hos',
  username: 'head@demo.test',
  displayName: 'Helen Ward',
  roles: ['HEAD_OF_SERVICE'],
  staff: staff({ id: 'h1', displayName: 'Helen Ward', jobTitle: 'Head of Service' }),
  supervisors: [],
  supervisees: [],
};

export function scheduleItem(overrides: Partial<Schemas['AuditScheduleItem']> = {}): Schemas['AuditScheduleItem'] {
  return {
    kind: 'SERVICE_MANAGER_MONTHLY',
    period: '2026-12',
    periodLabel: 'December 2026',
    dueBy: '2026-12-31',
    status: 'DUE',
    service: SERVICE,
    suggestedSupervisee: { id: 'a1', displayName: 'Sam Okafor' },
    suggestedTeam: { id: 't1', name: 'Team A' },
    ...overrides,
  };
}

export function reportSummary(overrides: Partial<Schemas['AuditReportSummary']> = {}): Schemas['AuditReportSummary'] {
  return {
    service: SERVICE,
    quarter: '2026-Q3',
    status: 'DRAFT',
    auditsCompleted: 3,
    mayEdit: true,
    maySignOff: true,
    ...overrides,
  };
}

export function report(overrides: Partial<Schemas['AuditReport']> = {}): Schemas['AuditReport'] {
  return {
    service: SERVICE,
    quarter: '2026-Q3',
    status: 'DRAFT',
    auditsCompleted: 3,
    grades: [
      { grade: 'OUTSTANDING', count: 0 },
      { grade: 'GOOD', count: 2 },
      { grade: 'REQUIRES_IMPROVEMENT', count: 1 },
      { grade: 'INADEQUATE', count: 0 },
    ],
    questions: [
      { key: 'q1', number: 'Q1', label: 'Were the actions from the last session reviewed?', functionTag: 'MEDIATION', meanRating: 2.3333, count: 3 },
      { key: 'q9', number: 'Q9', label: 'The worker’s own well-being', functionTag: 'SUPPORT', meanRating: 1.5, count: 2 },
      { key: 'q12', number: 'Q12', label: 'Professional development needs discussed', meanRating: 3, count: 3 },
      { key: 'q6', number: 'Q6', label: 'Diversity issues discussed', functionTag: 'MANAGEMENT', count: 0 },
    ],
    functions: [
      { functionTag: 'MANAGEMENT', meanRating: 2.25, count: 12 },
      { functionTag: 'SUPPORT', meanRating: 1.5, count: 2 },
    ],
    actions: [
      {
        id: 'ac1',
        auditId: 'au1',
        text: 'Review the actions at the start of each session',
        owner: { id: 'p1', displayName: 'Priya Shah' },
        dueDate: '2026-10-30',
        status: 'OPEN',
        overdue: true,
      },
      {
        id: 'ac2',
        auditId: 'au1',
        text: 'Copy the notes to the worker within a week',
        owner: { id: 'm1', displayName: 'Morgan Hale' },
        dueDate: '2027-01-15',
        status: 'DONE',
        overdue: false,
      },
      {
        id: 'ac3',
        auditId: 'au2',
        text: 'Book training on recording',
        owner: { id: 'p1', displayName: 'Priya Shah' },
        dueDate: '2027-01-29',
        status: 'OPEN',
        overdue: false,
      },
    ],
    themes: '',
    recommendations: '',
    version: 4,
    ...overrides,
  };
}
