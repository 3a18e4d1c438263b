import { Textarea } from '../../components/govuk';
import { ChoiceRadios, DateField } from './fields';
import { REASONS, REASON_TEXT, type CaseDiscussionDraft } from './caseDiscussions';

type Voice = CaseDiscussionDraft['childVoice'];

/** The child was not seen since the last discussion: "seen alone" does not arise, the date last seen does. */
export const notSeen = (voice: Voice) => voice.status === 'NOT_OBTAINED' && voice.reason === 'NOT_SEEN_SINCE_LAST_DISCUSSION';

/** What signing needs of the child's voice (recommendation 1e): the view or a reason, and whether seen alone. */
export function childVoiceComplete(voice: Voice): boolean {
  if (voice.status === 'RECORDED') return voice.view.trim() !== '' && voice.seenAlone !== undefined;
  if (voice.status === 'NOT_OBTAINED') {
    if (!voice.reason) return false;
    if (voice.reason === 'NOT_SEEN_SINCE_LAST_DISCUSSION') return voice.lastSeenOn !== '';
    return voice.seenAlone !== undefined;
  }
  return false;
}

/**
 * The child's view: recorded, or the reason it could not be obtained (with the date last seen when the child has
 * not been seen since the last discussion), and whether the child was seen alone.
 */
export function ChildVoiceFields({ voice, onChange, errors }: { voice: Voice; onChange: (patch: Partial<Voice>) => void; errors: Record<string, string> }) {
  return (
    <div data-testid="child-voice">
      <p className="govuk-body">
        A case discussion cannot be signed until the child&rsquo;s view is recorded, or the reason it could not be obtained is given, and
        it says whether the child was seen alone.
      </p>
      <ChoiceRadios
        id="child-voice-status"
        legend="Was the child’s view obtained?"
        error={errors['child-voice-status']}
        value={voice.status}
        onChange={(status) => onChange({ status })}
        choices={[
          {
            value: 'RECORDED',
            text: 'Yes, the child’s view is recorded',
            conditional: (
              <Textarea
                id="child-view"
                label="The child’s views and wishes"
                hint="Say how the child’s view was obtained, in their words where you can"
                error={errors['child-view']}
                value={voice.view}
                onChange={(e) => onChange({ view: e.target.value })}
              />
            ),
          },
          {
            value: 'NOT_OBTAINED',
            text: 'No, it could not be obtained',
            conditional: (
              <>
                <ChoiceRadios
                  id="child-view-reason"
                  legend="Why could it not be obtained?"
                  error={errors['child-view-reason']}
                  value={voice.reason}
                  onChange={(reason) => onChange({ reason })}
                  choices={REASONS.map((reason) => ({
                    value: reason,
                    text: REASON_TEXT[reason],
                    conditional:
                      reason === 'NOT_SEEN_SINCE_LAST_DISCUSSION' ? (
                        <DateField
                          id="last-seen-on"
                          legend="When was the child last seen?"
                          name="the date the child was last seen"
                          error={errors['last-seen-on-day']}
                          value={voice.lastSeenOn}
                          onChange={(lastSeenOn) => onChange({ lastSeenOn })}
                        />
                      ) : undefined,
                  }))}
                />
                <Textarea
                  id="child-view-reason-detail"
                  label="More about why (optional)"
                  error={errors['child-view-reason-detail']}
                  value={voice.reasonDetail}
                  rows={3}
                  onChange={(e) => onChange({ reasonDetail: e.target.value })}
                />
              </>
            ),
          },
        ]}
      />
      {!notSeen(voice) && (
        <ChoiceRadios
          id="seen-alone"
          legend="Was the child seen alone?"
          inline
          error={errors['seen-alone']}
          value={voice.seenAlone === undefined ? undefined : voice.seenAlone ? 'yes' : 'no'}
          onChange={(v) => onChange({ seenAlone: v === 'yes' })}
          choices={[
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
          ]}
        />
      )}
    </div>
  );
}
