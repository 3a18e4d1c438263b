import { describe, expect, it } from 'vitest';
import { addMonths, canMakeEvidencePacks, monthChoices, monthText, packTitle, progressText, sizeText, type Pack } from './evidencePacks';
import { PRIYA, SAM } from '../../test/fixtures';

const pack = (over: Partial<Pack> = {}): Pack => ({
  id: 'p-1',
  scope: { kind: 'SERVICE', id: 's-1', name: 'Children and Families' },
  from: '2026-01',
  to: '2026-12',
  status: 'RUNNING',
  stepsDone: 3,
  stepsTotal: 9,
  requestedAt: '2026-12-03T07:00:00Z',
  files: [],
  ...over,
});

describe('evidence pack words', () => {
  it('writes months and periods in words', () => {
    expect(monthText('2026-11')).toBe('November 2026');
    expect(monthText('2027-01')).toBe('January 2027');
    expect(packTitle(pack())).toBe('Children and Families, January 2026 to December 2026');
    expect(packTitle(pack({ from: '2026-05', to: '2026-05' }))).toBe('Children and Families, May 2026');
  });

  it('counts months across years', () => {
    // 11 months before December 2026 is January 2026; one after December is January of the next year.
    expect(addMonths('2026-12', -11)).toBe('2026-01');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthChoices('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });

  it('says how far a pack has got', () => {
    expect(progressText(pack())).toBe('3 of 9 parts');
    expect(progressText(pack({ status: 'QUEUED', stepsDone: 0, stepsTotal: 0 }))).toBe('Waiting to start');
    expect(progressText(pack({ stepsDone: 0, stepsTotal: 1 }))).toBe('0 of 1 part');
  });

  it('gives sizes in words', () => {
    expect(sizeText(850)).toBe('850 bytes');
    // 12,800 / 1,024 = 12.5, rounded to 13
    expect(sizeText(12_800)).toBe('13 KB');
    // 1,468,006 / 1,048,576 = 1.4
    expect(sizeText(1_468_006)).toBe('1.4 MB');
  });

  it('offers packs to managers and members, not to practitioners only', () => {
    expect(canMakeEvidencePacks(PRIYA)).toBe(true);
    expect(canMakeEvidencePacks(SAM)).toBe(false);
    expect(canMakeEvidencePacks({ ...SAM, roles: ['ELECTED_MEMBER'] })).toBe(true);
    expect(canMakeEvidencePacks(null)).toBe(false);
  });
});
