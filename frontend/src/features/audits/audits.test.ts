import { describe, expect, it } from 'vitest';
import { AUDIT_TEMPLATE } from './auditFixtures';
import { fieldIdFor, partsOf, quarterOf, quarterText, questionNumber, shiftQuarter, toUpdate, todayInLondon, type AuditDraft } from './audits';

const draft = (overrides: Partial<AuditDraft> = {}): AuditDraft => ({
  periodFrom: '2026-09-01',
  periodTo: '2026-11-30',
  auditorPost: '',
  answers: {},
  actions: [],
  savedAt: '',
  ...overrides,
});

describe('audits', () => {
  it('numbers questions as the form does', () => {
    expect(['q1', 'q10', 'q11_dbs_check', 'q12', 'q13a', 'q13b', 'other'].map(questionNumber)).toEqual(['Q1', 'Q10', 'Q11', 'Q12', 'Q13a', 'Q13b', '']);
  });

  it('groups the template into runs of one section, named with their numbers', () => {
    expect(partsOf(AUDIT_TEMPLATE.items).map((p) => [p.name, p.items.length])).toEqual([
      ['Part 1 Judgments: Q1 to Q10', 5],
      ['Q11 File checklist', 3],
      ['Part 1 Judgments: Q12 to Q13b', 3],
    ]);
  });

  it('writes quarters in words and moves between them', () => {
    expect(quarterText('2026-Q4')).toBe('October to December 2026');
    expect(quarterText('2027-Q1')).toBe('January to March 2027');
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(quarterOf('2026-12-02')).toBe('2026-Q4');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    // 23:30 UTC on 30 September is 00:30 on 1 October in London (summer time): already the next quarter.
    expect(todayInLondon(new Date('2026-09-30T23:30:00Z'))).toBe('2026-10-01');
  });

  it('sends answered questions only, and actions only below Good', () => {
    const actions = [{ localKey: 'k', text: 'Review actions', ownerId: 'p1', dueDate: '2027-01-15' }, { localKey: 'k2', text: ' ', ownerId: '', dueDate: '' }];
    expect(toUpdate(draft({ answers: { q1: '2', q7: '', q13a: 'GOOD' }, actions })).actions).toEqual([]);
    const below = toUpdate(draft({ answers: { q1: '2', q7: '', q13a: 'INADEQUATE' }, actions, auditorPost: 'QA Manager' }));
    expect(below).toEqual({
      periodFrom: '2026-09-01',
      periodTo: '2026-11-30',
      auditorPost: 'QA Manager',
      answers: [
        { key: 'q1', value: '2' },
        { key: 'q13a', value: 'INADEQUATE' },
      ],
      actions: [{ text: 'Review actions', ownerId: 'p1', dueDate: '2027-01-15' }],
    });
  });

  it('maps problem pointers to the form’s fields, by key or by index into what was sent', () => {
    const d = draft({
      answers: { q1: '2', q7: '', q9: '6', q13a: 'INADEQUATE' },
      actions: [
        { localKey: 'a', text: '', ownerId: '', dueDate: '' },
        { localKey: 'b', text: 'Second', ownerId: '', dueDate: '' },
      ],
    });
    expect(fieldIdFor('/answers/q7', d)).toBe('answer-q7');
    expect(fieldIdFor('/answers/1/value', d)).toBe('answer-q9');
    expect(fieldIdFor('/actions', d)).toBe('actions');
    // The first action has no text, so it was not sent: /actions/0 is the second on the form.
    expect(fieldIdFor('/actions/0/ownerId', d)).toBe('action-1-owner');
    expect(fieldIdFor('/actions/0/dueDate', d)).toBe('action-1-due-day');
    expect(fieldIdFor('/periodTo', d)).toBe('period-to-day');
    expect(fieldIdFor('/somethingElse', d)).toBeNull();
  });
});
