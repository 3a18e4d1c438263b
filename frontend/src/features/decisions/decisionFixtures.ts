import type { Schemas } from '../../api/client';

export const ALICE: Schemas['Child'] = {
  id: 'c0000000-0000-4000-8000-000000000001',
  name: 'Alice Brown',
  caseNumber: 'PRN-1001',
  dateOfBirth: '2016-03-03',
  allocatedWorker: { id: 'a1', displayName: 'Sam Okafor', jobTitle: 'Social Worker' },
  version: 0,
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-01T09:00:00Z',
};

export const ALFIE: Schemas['Child'] = {
  ...ALICE,
  id: 'c0000000-0000-4000-8000-000000000002',
  name: 'Alfie Green',
  caseNumber: 'PRN-1002',
  dateOfBirth: undefined,
};

export function decision(overrides: Partial<Schemas['CaseDecision']> = {}): Schemas['CaseDecision'] {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    kind: 'MANAGEMENT',
    child: { id: ALICE.id, name: ALICE.name, caseNumber: ALICE.caseNumber },
    decision: 'Move to a child protection plan',
    rationale: 'Two missed visits and a new injury',
    madeBy: { id: 'p1', displayName: 'Priya Shah' },
    worker: { id: 'a1', displayName: 'Sam Okafor' },
    team: { id: 't1', name: 'Assessment Team 1' },
    decidedAt: '2026-12-01T10:00:00Z',
    signedAt: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}
