import type { components } from '../api/schema';

type Schemas = components['schemas'];

export const TOKENS: Schemas['TokenPair'] = {
  accessToken: 'access-1',
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: 'refresh-1',
  refreshExpiresIn: 28800,
};

const team = { id: '00000000-0000-4000-8000-0000000000t1', name: 'Assessment Team 1' };
const service = { id: '00000000-0000-4000-8000-0000000000s1', name: 'Children and Families' };

export function staff(overrides: Partial<Schemas['Staff']> & { id: string; displayName: string }): Schemas['Staff'] {
  const [givenName = '', familyName = ''] = overrides.displayName.split(' ');
  return {
    givenName,
    familyName,
    email: `${givenName.toLowerCase()}@demo.test`,
    jobTitle: 'Social Worker',
    category: 'REGISTERED_SOCIAL_WORKER',
    employmentType: 'PERMANENT',
    weeklyHours: 37,
    employmentStartDate: '2024-09-02',
    postStartDate: '2024-09-02',
    carriesCaseload: true,
    caseloadSize: 14,
    team,
    service,
    version: 1,
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
    ...overrides,
  };
}

export const SUPERVISEES: Schemas['Staff'][] = [
  staff({ id: 'a1', displayName: 'Sam Okafor' }),
  staff({ id: 'a2', displayName: 'Jordan Reid', category: 'NEWLY_QUALIFIED', jobTitle: 'Newly Qualified Social Worker' }),
  staff({ id: 'a3', displayName: 'Alex Morgan', employmentType: 'AGENCY' }),
  staff({ id: 'a4', displayName: 'Chris Taylor', jobTitle: 'Family Support Worker', category: 'UNQUALIFIED_PRACTITIONER' }),
];

export const PRIYA: Schemas['Me'] = {
  accountId: 'acc-1',
  username: 'supervisor@demo.test',
  displayName: 'Priya Shah',
  roles: ['SUPERVISOR', 'PRACTITIONER'],
  organisation: { id: 'org-1', name: 'Demo City Council' },
  staff: staff({ id: 'p1', displayName: 'Priya Shah', jobTitle: 'Team Manager' }),
  supervisors: [{ id: 'm1', displayName: 'Morgan Hale', jobTitle: 'Service Manager' }],
  supervisees: SUPERVISEES,
  managedServices: [],
};

export const SAM: Schemas['Me'] = {
  accountId: 'acc-2',
  username: 'practitioner@demo.test',
  displayName: 'Sam Okafor',
  roles: ['PRACTITIONER'],
  organisation: { id: 'org-1', name: 'Demo City Council' },
  staff: SUPERVISEES[0],
  supervisors: [{ id: 'p1', displayName: 'Priya Shah', jobTitle: 'Team Manager' }],
  supervisees: [],
  managedServices: [],
};

/** An access token shaped like the service's (a JWT whose subject is the account id); the signature is not checked here. */
export function accessTokenFor(accountId: string, n = 1): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: accountId, n })}.signature`;
}
