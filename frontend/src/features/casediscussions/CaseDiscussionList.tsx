/** Placeholder until helper H3's list of case discussions is merged: it shows nothing. */
export function CaseDiscussionList(props: { superviseeId?: string; childId?: string; sessionId?: string; heading?: string }) {
  void props;
  return null;
}
