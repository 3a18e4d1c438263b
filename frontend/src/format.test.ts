import { describe, expect, it } from 'vitest';
import { categoryText, formatDate, formatTime, formatWait, rolesText } from './format';

describe('format', () => {
  it('writes dates the GOV.UK way', () => {
    expect(formatDate('2026-12-08')).toBe('Tuesday 8 December 2026');
    expect(formatDate('2026-03-29')).toBe('Sunday 29 March 2026');
    expect(formatDate('2026-12-08', { weekday: false })).toBe('8 December 2026');
    expect(formatDate(undefined)).toBe('');
  });

  it('writes times in London time as 2:30pm', () => {
    expect(formatTime('2026-12-08T14:30:00Z')).toBe('2:30pm');
    expect(formatTime('2026-07-08T13:30:00Z')).toBe('2:30pm'); // BST
    expect(formatTime('2026-12-08T09:00:00Z')).toBe('9am');
    expect(formatTime('2026-12-08T12:00:00Z')).toBe('midday');
  });

  it('puts codes into words', () => {
    expect(categoryText('NEWLY_QUALIFIED')).toBe('Newly qualified (ASYE)');
    expect(rolesText(['PRACTITIONER', 'SUPERVISOR'])).toBe('Supervisor, practitioner');
    expect(formatWait(300)).toBe('5 minutes');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(30)).toBe('30 seconds');
  });
});
