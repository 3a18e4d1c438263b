import { describe, expect, it } from 'vitest';
import { ADMIN, HR, MEMBER, MORGAN, QA } from './oversightFixtures';
import { PRIYA, SAM } from '../../test/fixtures';
import {
  addMonths,
  amountText,
  figureText,
  hasOversightHome,
  isMemberOnly,
  lastQuarters,
  mayDrillDown,
  monthText,
  peopleHref,
  shortMonthText,
  targetText,
} from './measures';

describe('figures in words', () => {
  it('writes a share as a whole percentage with its counts', () => {
    // 39 / 50 = 0.78 -> 78%
    expect(figureText({ kind: 'SHARE', unit: 'PEOPLE', numerator: 39, denominator: 50, value: 0.78, suppressed: false }, 5)).toBe('78% (39 of 50)');
    // 2 / 3 = 0.666.. -> 67% (rounded, not cut)
    expect(figureText({ kind: 'SHARE', unit: 'PEOPLE', numerator: 2, denominator: 3, value: 2 / 3, suppressed: false }, 5)).toBe('67% (2 of 3)');
    expect(figureText({ kind: 'SHARE', unit: 'PEOPLE', numerator: 0, denominator: 0, suppressed: false }, 5)).toBe('No one to count');
  });

  it('writes counts, means and maxima with their unit, singular for one', () => {
    expect(figureText({ kind: 'COUNT', unit: 'PEOPLE', numerator: 1, suppressed: false }, 5)).toBe('1 person');
    expect(figureText({ kind: 'COUNT', unit: 'RECORDS', numerator: 4, suppressed: false }, 5)).toBe('4 records');
    expect(figureText({ kind: 'COUNT', unit: 'SESSIONS', numerator: 1200, suppressed: false }, 5)).toBe('1,200 sessions');
    expect(figureText({ kind: 'MAXIMUM', unit: 'DAYS', value: 12, suppressed: false }, 5)).toBe('12 days');
    // 13 days over 4 records = 3.25 -> one decimal place, 3.3
    expect(figureText({ kind: 'AVERAGE', unit: 'DAYS', value: 3.25, suppressed: false }, 5)).toBe('3.3 days');
    expect(figureText({ kind: 'AVERAGE', unit: 'RATING', value: 2.14, suppressed: false }, 5)).toBe('2.1');
    expect(amountText(1, 'DAYS')).toBe('1 day');
  });

  it('says a suppressed figure is suppressed and why, with the organisation’s minimum, never a number', () => {
    expect(figureText({ kind: 'SHARE', unit: 'PEOPLE', suppressed: true, suppressedBecause: 'FEWER_THAN_MINIMUM' }, 5)).toBe('Suppressed (fewer than 5)');
    expect(figureText({ kind: 'COUNT', unit: 'PEOPLE', suppressed: true }, 10)).toBe('Suppressed (fewer than 10)');
    expect(figureText({ kind: 'COUNT', unit: 'PEOPLE', suppressed: true, suppressedBecause: 'DIFFERENCING' }, 5)).toBe(
      'Suppressed (could reveal a group of fewer than 5)',
    );
  });

  it('lists a distribution’s parts', () => {
    expect(
      figureText({ kind: 'DISTRIBUTION', unit: 'AUDITS', suppressed: false, parts: [{ label: 'Good', count: 4 }, { label: 'Requires improvement', count: 2 }] }, 5),
    ).toBe('Good: 4; Requires improvement: 2');
  });

  it('writes the target of a share as a percentage', () => {
    expect(targetText({ key: 'a', label: 'A', group: 'SESSIONS', kind: 'SHARE', unit: 'PEOPLE', lowerIsBetter: false, target: 1 })).toBe('Target 100%');
    expect(targetText({ key: 'a', label: 'A', group: 'SESSIONS', kind: 'COUNT', unit: 'PEOPLE', lowerIsBetter: true })).toBeNull();
  });
});

describe('months', () => {
  it('reads and moves months across years', () => {
    expect(monthText('2026-06')).toBe('June 2026');
    expect(shortMonthText('2026-06')).toBe('Jun 2026');
    expect(shortMonthText('2026-05')).toBe('May 2026');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
  });

  it('gives the last four calendar quarters ending with the current one, oldest first', () => {
    // 3 December 2026 is in October to December (Q4); three quarters back starts January 2026.
    const quarters = lastQuarters(4, new Date(2026, 11, 3));
    expect(quarters.map((q) => [q.from, q.to])).toEqual([
      ['2026-01', '2026-03'],
      ['2026-04', '2026-06'],
      ['2026-07', '2026-09'],
      ['2026-10', '2026-12'],
    ]);
    expect(quarters[3]?.label).toBe('October to December 2026 (Q4)');
    // 15 February 2026 is in Q1: the quarters reach back into 2025.
    expect(lastQuarters(2, new Date(2026, 1, 15)).map((q) => q.from)).toEqual(['2025-10', '2026-01']);
  });

  it('builds the drill-down address without empty parameters', () => {
    expect(peopleHref({ measure: 'sessions.overdue', scope: 'TEAM', scopeId: 't1', from: '2026-01', to: '2026-12' })).toBe(
      '/measures/people?measure=sessions.overdue&scope=TEAM&scopeId=t1&from=2026-01&to=2026-12',
    );
    expect(peopleHref({ measure: 'sessions.overdue', scope: 'DIRECTORATE' })).toBe('/measures/people?measure=sessions.overdue&scope=DIRECTORATE');
  });
});

describe('who gets which home', () => {
  it('keeps practitioners and supervisors on My supervision and gives every other role its own home', () => {
    expect(hasOversightHome(SAM)).toBe(false);
    expect(hasOversightHome(PRIYA)).toBe(false);
    for (const me of [MORGAN, QA, MEMBER, HR, ADMIN]) expect(hasOversightHome(me)).toBe(true);
  });

  it('offers no drill-down to an elected member, nor to HR or an administrator', () => {
    expect(isMemberOnly(MEMBER)).toBe(true);
    expect(mayDrillDown(MEMBER)).toBe(false);
    expect(mayDrillDown(HR)).toBe(false);
    expect(mayDrillDown(ADMIN)).toBe(false);
    expect(mayDrillDown(MORGAN)).toBe(true);
    expect(mayDrillDown(PRIYA)).toBe(true);
  });
});
