import { describe, expect, it } from 'vitest';
import {
  actionProgress,
  actionsSummary,
  functionText,
  gradesSummary,
  instantDateText,
  meanText,
  previousQuarter,
  quarterText,
  recentQuarters,
  shiftQuarter,
} from './auditReports';
import { report } from './auditReportFixtures';

describe('audit report words', () => {
  it('names quarters in words and finds the previous one across a year', () => {
    expect(quarterText('2026-Q3')).toBe('July to September 2026');
    expect(quarterText('2027-Q1')).toBe('January to March 2027');
    expect(previousQuarter(new Date(2026, 11, 2))).toBe('2026-Q3');
    expect(previousQuarter(new Date(2027, 0, 10))).toBe('2026-Q4');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(recentQuarters(new Date(2026, 11, 2), 3)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2']);
  });

  it('says functions in words, and none for an untagged question', () => {
    expect(functionText('MANAGEMENT')).toBe('Management');
    expect(functionText('support')).toBe('Support');
    expect(functionText(undefined)).toBeNull();
    expect(functionText(' ')).toBeNull();
  });

  it('gives a mean to one decimal place', () => {
    expect(meanText(2.3333)).toBe('2.3');
    expect(meanText(3)).toBe('3.0');
  });

  it('shows an open action past its date as Overdue, and a done one as Done even if late', () => {
    const [late, done, open] = report().actions;
    expect(actionProgress(late!)).toEqual({ text: 'Overdue', colour: 'red' });
    expect(actionProgress(done!)).toEqual({ text: 'Done', colour: 'green' });
    expect(actionProgress(open!)).toEqual({ text: 'Open', colour: 'blue' });
    expect(actionProgress({ ...late!, status: 'DONE' }).text).toBe('Done');
    expect(actionProgress({ ...open!, status: 'NO_LONGER_NEEDED' }).text).toBe('No longer needed');
  });

  it('sums up the grades and the actions in one sentence each', () => {
    expect(gradesSummary(report())).toBe(
      'Of 3 audits graded, 2 were Good or better and 1 below Good; the most common grade was Good (2).',
    );
    expect(gradesSummary(report({ grades: [], auditsCompleted: 0 }))).toBe('No audit of this quarter has been completed yet.');
    expect(actionsSummary(report().actions)).toBe('1 of 3 actions done; 1 overdue.');
    expect(actionsSummary([])).toBe('No actions were needed from this quarter’s audits.');
  });

  it('dates an instant by the day in the UK', () => {
    expect(instantDateText('2026-10-06T23:30:00Z')).toBe('Wednesday 7 October 2026');
    expect(instantDateText('2026-12-08T10:00:00Z')).toBe('Tuesday 8 December 2026');
  });
});
