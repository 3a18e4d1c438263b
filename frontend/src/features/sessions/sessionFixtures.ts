import type { Schemas } from '../../api/client';

export function session(overrides: Partial<Schemas['Session']> = {}): Schemas['Session'] {
  return {
    id: 's-1',
    kind: 'ONE_TO_ONE',
    status: 'PLANNED',
    supervisor: { id: 'p1', displayName: 'Priya Shah' },
    supervisees: [{ id: 'a1', displayName: 'Sam Okafor' }],
    date: '2026-01-06',
    startTime: '14:30',
    plannedMinutes: 90,
    location: 'Room 2, Civic Centre',
    version: 1,
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
    ...overrides,
  };
}

export function schedule(overrides: Partial<Schemas['SupervisionSchedule']> = {}): Schemas['SupervisionSchedule'] {
  return {
    interval: 'P28D',
    intervalSource: 'PROFILE',
    agreedIntervalMissing: false,
    status: 'ON_TRACK',
    nextDue: '2026-12-08',
    lastHeld: '2026-11-10',
    sessionsInLast12Months: 5,
    minimumPerYear: 12,
    agreementStatus: 'ACTIVE',
    ...overrides,
  };
}
