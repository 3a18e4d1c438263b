import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import {
  AGREEMENT_COMPLIANCE_TEXT,
  SCHEDULE_STATUS_TEXT,
  SESSION_STATUS_TEXT,
  addPeriod,
  dateFromParts,
  localTimeText,
  parseTimeInput,
  periodWords,
  seriesDates,
} from './sessions';

// Every value the contract (openapi.yaml) allows: a new one added there must get words here.
const SCHEDULE_STATUSES: Schemas['ScheduleStatus'][] = ['NOT_STARTED', 'ON_TRACK', 'DUE_SOON', 'OVERDUE', 'PAST_LONGEST_GAP', 'BREACH', 'LEFT'];
const SESSION_STATUSES: Schemas['SessionStatus'][] = ['PLANNED', 'POSTPONED', 'CANCELLED', 'HELD', 'RECORDED', 'SIGNED'];
const COMPLIANCE: Schemas['AgreementCompliance'][] = ['NONE', 'NONE_OVERDUE', 'AWAITING_SIGNATURE', 'ACTIVE', 'REVIEW_OVERDUE'];

describe('status tags', () => {
  it('gives every schedule status words and the colours UX.md names', () => {
    for (const status of SCHEDULE_STATUSES) expect(SCHEDULE_STATUS_TEXT[status]?.text).toMatch(/\w/);
    expect(Object.keys(SCHEDULE_STATUS_TEXT).sort()).toEqual([...SCHEDULE_STATUSES].sort());
    expect(SCHEDULE_STATUS_TEXT.ON_TRACK).toEqual({ text: 'On track', colour: 'green' });
    expect(SCHEDULE_STATUS_TEXT.DUE_SOON).toEqual({ text: 'Due soon', colour: 'yellow' });
    expect(SCHEDULE_STATUS_TEXT.OVERDUE).toEqual({ text: 'Overdue', colour: 'red' });
    expect(SCHEDULE_STATUS_TEXT.PAST_LONGEST_GAP).toEqual({ text: 'Past longest gap', colour: 'purple' });
    expect(SCHEDULE_STATUS_TEXT.BREACH).toEqual({ text: 'Past limit', colour: 'purple' });
    expect(SCHEDULE_STATUS_TEXT.NOT_STARTED.colour).toBe('grey');
    expect(SCHEDULE_STATUS_TEXT.LEFT.colour).toBe('grey');
  });

  it('gives every session and agreement status words', () => {
    for (const status of SESSION_STATUSES) expect(SESSION_STATUS_TEXT[status]?.text).toMatch(/\w/);
    for (const status of COMPLIANCE) expect(AGREEMENT_COMPLIANCE_TEXT[status]?.text).toMatch(/\w/);
    expect(SESSION_STATUS_TEXT.RECORDED).toEqual({ text: 'Awaiting signature', colour: 'blue' });
    expect(SESSION_STATUS_TEXT.SIGNED).toEqual({ text: 'Locked', colour: 'grey' });
  });
});

describe('dates and times', () => {
  it('reads intervals and books series at them', () => {
    expect(periodWords('P28D')).toBe('4 weeks');
    expect(periodWords('P2W')).toBe('2 weeks');
    expect(periodWords('P1M')).toBe('1 month');
    expect(periodWords('P10D')).toBe('10 days');
    expect(addPeriod('2026-12-08', 'P28D')).toBe('2027-01-05');
    expect(addPeriod('2026-01-31', 'P1M')).toBe('2026-02-28');
    expect(seriesDates('2026-12-08', 'P28D', 3)).toEqual(['2026-12-08', '2027-01-05', '2027-02-02']);
  });

  it('writes and reads times the GOV.UK way', () => {
    expect(localTimeText('14:30')).toBe('2:30pm');
    expect(localTimeText('09:00')).toBe('9am');
    expect(localTimeText('12:00')).toBe('midday');
    expect(parseTimeInput('2:30pm')).toBe('14:30');
    expect(parseTimeInput('9:05')).toBe('09:05');
    expect(parseTimeInput('12am')).toBe('00:00');
    expect(parseTimeInput('25:00')).toBeNull();
    expect(parseTimeInput('14')).toBeNull();
    expect(dateFromParts('8', '12', '2026')).toBe('2026-12-08');
    expect(dateFromParts('31', '2', '2026')).toBeNull();
  });
});
