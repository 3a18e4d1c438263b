import { describe, expect, it } from 'vitest';
import { endedQuarters, lastDayToAnswer, parseQuarter, previousQuarter, quarterEnded, quarterOf, quarterWords, suppressedText, toResponse } from './questionnaires';
import { questionnaire } from './questionnaireFixtures';

describe('Part 2 helpers', () => {
  it('gives the last day to answer from the instant the invitation expires, in UK time', () => {
    // Open until 16 December: expires at the start of 17 December (GMT), or of 17 July (BST, 23:00 UTC the day before).
    expect(lastDayToAnswer('2026-12-17T00:00:00Z')).toBe('2026-12-16');
    expect(lastDayToAnswer('2026-07-16T23:00:00Z')).toBe('2026-07-16');
    expect(lastDayToAnswer('2026-12-16T23:59:59Z')).toBe('2026-12-16');
  });

  it('names quarters in words and knows which have ended', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(quarterOf(now)).toEqual({ year: 2026, q: 4 });
    expect(quarterWords({ year: 2026, q: 3 })).toBe('July to September 2026');
    expect(previousQuarter({ year: 2026, q: 1 })).toEqual({ year: 2025, q: 4 });
    expect(quarterEnded({ year: 2026, q: 3 }, now)).toBe(true);
    expect(quarterEnded({ year: 2026, q: 4 }, now)).toBe(false);
    expect(endedQuarters(3, now)).toEqual([
      { year: 2026, q: 3 },
      { year: 2026, q: 2 },
      { year: 2026, q: 1 },
    ]);
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(parseQuarter('2026-Q2')).toEqual({ year: 2026, q: 2 });
  });

  it('says why a group is suppressed in words', () => {
    expect(suppressedText({ suppressedBecause: 'FEWER_THAN_MINIMUM' }, 5)).toBe('Suppressed (fewer than 5 answered)');
    expect(suppressedText({ suppressedBecause: 'DIFFERENCING' }, 5)).toBe('Suppressed (could be worked out from other figures)');
  });

  it('sends the answers in the order of the statements and leaves out an empty comment', () => {
    const q = questionnaire();
    expect(toResponse({ answers: { s2: 'POOR', s1: 'GOOD' }, comment: '  ', idempotencyKey: 'k', savedAt: '' }, q)).toEqual({
      answers: [
        { key: 's1', value: 'GOOD' },
        { key: 's2', value: 'POOR' },
      ],
    });
  });
});
