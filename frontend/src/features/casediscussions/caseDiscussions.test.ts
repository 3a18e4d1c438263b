import { describe, expect, it } from 'vitest';
import { discussion } from './caseDiscussionFixtures';
import { draftFromDiscussion, fieldIdFor, statusTag, toUpdate, type CaseDiscussionDraft } from './caseDiscussions';

const parties = { supervisorId: 'p1', superviseeId: 'a1' };

function draft(patch: Partial<CaseDiscussionDraft> = {}): CaseDiscussionDraft {
  return { ...draftFromDiscussion(discussion()), ...patch };
}

describe('case discussion drafts', () => {
  it('sends only what the child’s voice choice asks for', () => {
    const notSeen = draft({
      childVoice: { status: 'NOT_OBTAINED', view: 'typed before changing mind', reason: 'NOT_SEEN_SINCE_LAST_DISCUSSION', reasonDetail: '', lastSeenOn: '2025-12-01', seenAlone: true },
    });
    expect(toUpdate(notSeen, parties).childVoice).toEqual({ status: 'NOT_OBTAINED', reason: 'NOT_SEEN_SINCE_LAST_DISCUSSION', lastSeenOn: '2025-12-01' });
    const recorded = draft({ childVoice: { status: 'RECORDED', view: 'Wants to stay with nan', reason: 'DECLINED', reasonDetail: 'x', lastSeenOn: '2025-12-01', seenAlone: false } });
    expect(toUpdate(recorded, parties).childVoice).toEqual({ status: 'RECORDED', view: 'Wants to stay with nan', seenAlone: false });
  });

  it('keeps decisions and actions without text on the device only, and reads owners back as supervisor or supervisee', () => {
    const d = draft({
      decisions: [
        { localKey: 'k1', text: '', rationale: 'why' },
        { localKey: 'k2', text: 'Decide', rationale: '' },
      ],
      actions: [{ localKey: 'k3', text: 'Do', desiredOutcome: '', measure: 'm', responsible: 'SUPERVISOR', dueDate: '' }],
    });
    const body = toUpdate(d, parties);
    expect(body.decisions).toEqual([{ text: 'Decide' }]);
    expect(body.actions).toEqual([{ text: 'Do', measure: 'm', ownerId: 'p1' }]);
    const back = draftFromDiscussion(discussion({ actions: [{ id: 'x', text: 'Do', ownerId: 'a1', dueDate: '2026-02-01' }] }));
    expect(back.actions[0]).toMatchObject({ id: 'x', responsible: 'SUPERVISEE', dueDate: '2026-02-01' });
  });

  it('points each problem at the field the form shows for it', () => {
    const d = draft({
      answers: { story: { text: '', notApplicable: false }, working_well: { text: 'Nan', notApplicable: false }, worries: { text: 'Bruises', notApplicable: false } },
      decisions: [
        { localKey: 'k1', text: '', rationale: '' },
        { localKey: 'k2', text: 'Decide', rationale: '' },
      ],
      actions: [],
    });
    // Indexes count what was sent: the empty answer and the decision without text were not.
    expect(fieldIdFor('/answers/1/text', d)).toBe('answer-worries');
    expect(fieldIdFor('/answers/child_view', d)).toBe('answer-child_view');
    expect(fieldIdFor('/decisions/0/rationale', d)).toBe('decision-1-rationale');
    expect(fieldIdFor('/actions/2/dueDate', d)).toBe('action-2-due-day');
    expect(fieldIdFor('/actions/0/ownerId', d)).toBe('action-0-responsible');
    expect(fieldIdFor('/childVoice/view', d)).toBe('child-voice-status');
    expect(fieldIdFor('/childVoice/view', draft({ childVoice: { ...d.childVoice, status: 'RECORDED' } }))).toBe('child-view');
    expect(fieldIdFor('/childVoice/lastSeenOn', draft({ childVoice: { ...d.childVoice, status: 'NOT_OBTAINED', reason: 'NOT_SEEN_SINCE_LAST_DISCUSSION' } }))).toBe('last-seen-on-day');
    expect(fieldIdFor('/somewhere/else', d)).toBeNull();
  });

  it('says the status in words', () => {
    expect(statusTag(discussion())).toEqual({ text: 'Draft', colour: 'turquoise' });
    expect(statusTag({ status: 'DRAFT', signedByMe: true })).toEqual({ text: 'Awaiting signature', colour: 'blue' });
    expect(statusTag(discussion({ status: 'SIGNED' }))).toEqual({ text: 'Locked', colour: 'grey' });
  });
});
