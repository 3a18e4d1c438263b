import { describe, expect, it } from 'vitest';
import { dayOptions, londonInstant, periodRange, shareText, waitedText, waitedTooLong, whenText } from './decisions';

describe('decisions: times and the 24-hour measure in words', () => {
  it('reads a London wall-clock time as the right instant in winter and in summer', () => {
    expect(londonInstant('2026-12-02', '14:30').toISOString()).toBe('2026-12-02T14:30:00.000Z');
    expect(londonInstant('2026-07-01', '09:05').toISOString()).toBe('2026-07-01T08:05:00.000Z');
  });

  it('says when as "Today at 2:30pm", "Yesterday at …" or the full date', () => {
    const now = new Date('2026-12-02T15:00:00Z');
    expect(whenText('2026-12-02T14:30:00Z', now)).toBe('Today at 2:30pm');
    expect(whenText('2026-12-01T09:00:00Z', now)).toBe('Yesterday at 9am');
    expect(whenText('2026-11-28T12:00:00Z', now)).toBe('Saturday 28 November 2026 at midday');
  });

  it('offers today and the 7 days before it, newest first', () => {
    const options = dayOptions(new Date('2026-12-02T10:00:00Z'));
    expect(options).toHaveLength(8);
    expect(options[0]).toEqual({ value: '2026-12-02', text: 'Today (Wednesday 2 December 2026)' });
    expect(options[1]?.text).toBe('Yesterday (Tuesday 1 December 2026)');
    expect(options[7]).toEqual({ value: '2026-11-25', text: 'Wednesday 25 November 2026' });
  });

  it('says how long a decision has waited, and whether that is over 24 hours', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(waitedText('2026-12-02T11:25:00Z', now)).toBe('35 minutes');
    expect(waitedText('2026-12-02T11:00:00Z', now)).toBe('1 hour');
    expect(waitedText('2026-12-01T06:00:00Z', now)).toBe('30 hours');
    expect(waitedText('2026-11-28T12:00:00Z', now)).toBe('4 days');
    expect(waitedTooLong('2026-12-01T12:30:00Z', now)).toBe(false);
    expect(waitedTooLong('2026-12-01T11:30:00Z', now)).toBe(true);
  });

  it('gives the share as words and numbers, leaving out those not yet due', () => {
    expect(shareText({ signed: 10, notYetDue: 1, acknowledgedWithin24Hours: 7, share: 7 / 9 })).toBe('78% (7 of 9)');
    expect(shareText({ signed: 2, notYetDue: 2, acknowledgedWithin24Hours: 0 })).toBe('None due yet');
    expect(shareText({ signed: 0, notYetDue: 0, acknowledgedWithin24Hours: 0 })).toBe('No decisions signed');
  });

  it('counts a period back from today, inclusive', () => {
    expect(periodRange('30', new Date('2026-12-02T10:00:00Z'))).toEqual({ from: '2026-11-03', to: '2026-12-02' });
    expect(periodRange('7', new Date('2026-12-02T10:00:00Z'))).toEqual({ from: '2026-11-26', to: '2026-12-02' });
  });
});
