package uk.supervision.demo;

import uk.supervision.api.model.ChildViewReason;
import uk.supervision.api.model.ChildViewStatus;
import uk.supervision.api.model.ChildVoice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo's case discussions say: answers to the Coventry/LGA case-discussion template (Appendix 5), the
 * child's view (or why it could not be had), decisions with their reasons and actions with an owner. The children
 * and families are invented.
 */
final class DemoCaseWords {
    private DemoCaseWords() {
    }

    /** An action agreed in the discussion: owned by the supervisee unless {@code bySupervisor}, due so many days after. */
    record Action(String text, String outcome, String measure, boolean bySupervisor, int dueInDays) {
    }

    /** One discussion's words; each decision is {text, rationale}. */
    record Discussion(Map<String, String> answers, ChildVoice childVoice, List<String[]> decisions, List<Action> actions) {
    }

    private static Map<String, String> answers(String lived, String story, String working, String worries, int scale,
                                               String insight, String hypothesis, String parents, String next, String progress) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("child_lived_experience", lived);
        a.put("story", story);
        a.put("working_well", working);
        a.put("worries", worries);
        a.put("safety_scale", Integer.toString(scale));
        a.put("new_insight", insight);
        a.put("working_hypothesis", hypothesis);
        a.put("parents_view", parents);
        // Version 1 of the template asked the child's and the parents' view in one item.
        a.put("child_view", parents);
        a.put("next_steps", next);
        a.put("progress_measures", progress);
        return a;
    }

    private static ChildVoice recorded(String view, boolean seenAlone) {
        return new ChildVoice().status(ChildViewStatus.RECORDED).view(view).seenAlone(seenAlone);
    }

    private static ChildVoice notObtained(ChildViewReason reason, String detail, boolean seenAlone) {
        return new ChildVoice().status(ChildViewStatus.NOT_OBTAINED).reason(reason).reasonDetail(detail).seenAlone(seenAlone);
    }

    /** Jordan and Priya on a baby referred by the health visitor: too young to give a view. */
    static Discussion baby() {
        return new Discussion(answers(
                "Mia is five months old and lives with her mother in a one-bedroom flat. She is fed and clean, but the health visitor has seen "
                        + "her left in her car seat for long periods and she is slow to smile and babble.",
                "Referral from the health visitor after two missed developmental checks and a home visit where mother was low in mood. "
                        + "Mother has told Jordan she has no family nearby and the father is not involved.",
                "Mother let Jordan in straight away and is open about feeling low. Mia's weight is on her centile and the flat is warm.",
                "Mother's mood, her isolation and Mia's limited stimulation. We do not yet know whether the father has any contact.",
                6,
                "Mother is more worried about being judged than about the referral itself; a joint visit with the health visitor lowered her guard.",
                "Postnatal depression rather than neglect; alternatively the isolation is masking something we have not been told about.",
                "Mother wants help with her mood and a nursery place; she does not want the father contacted.",
                "Child and family assessment; GP to review mother's mood; referral to the children's centre baby group.",
                "Mia attending the baby group, both health checks kept, and the health visitor seeing more responsiveness at her next visit."),
                notObtained(ChildViewReason.TOO_YOUNG, "Mia is five months old. Jordan observed her with her mother and alone in her cot: "
                        + "settled, alert, and she turned to her mother's voice.", false),
                List.<String[]>of(new String[]{"Proceed to a child and family assessment under section 17; no strategy discussion needed.",
                        "No indication of significant harm; the worries are about mother's mood and isolation, which support can address."}),
                List.of(new Action("Joint visit with the health visitor and referral to the children's centre baby group",
                        "Mother and Mia attending the group weekly", "Attendance recorded by the children's centre", false, 10)));
    }

    /** Jordan and Priya on a nine-year-old: his view recorded after time alone with him at school. */
    static Discussion schoolBoy() {
        return new Discussion(answers(
                "Leon is nine. He comes to school hungry on Mondays and has missed eleven days this term. His teacher says he is kind and "
                        + "quick but anxious when collected late.",
                "Second referral from school in six months. Father has a new partner and works nights; Leon stays with his grandmother some weekends.",
                "Grandmother is a steady presence and school is a safe place for Leon. Father came to the meeting at school.",
                "Attendance, weekend meals, and Leon being left alone in the evenings when father is at work.",
                5,
                "The late collections line up with father's night shifts; the gaps are in the arrangements, not in father's care for him.",
                "A working father without a plan for evenings, rather than neglect; to test: whether Leon is left alone overnight.",
                "Father wants Leon to stay with him and says the shifts are temporary; grandmother would have Leon more often.",
                "Family network meeting to agree a written plan for evenings and weekends; breakfast club place.",
                "Attendance above 95 per cent over the next half term and no further late collections reported by school."),
                recorded("Seen alone at school with his teacher nearby. Leon said he likes staying with Nan, does not like being in the flat "
                        + "on his own at night, and wants his dad to come to his football matches.", true),
                List.<String[]>of(new String[]{"Convene a family network meeting within two weeks to agree care for evenings and weekends.",
                        "Leon says he is sometimes alone at night; grandmother is willing to help; a plan the family makes is more likely to hold."}),
                List.of(new Action("Arrange the family network meeting with father and grandmother", "A written plan for evenings and weekends",
                        "Plan agreed and shared with school", false, 14)));
    }

    /** Alex and Priya on a fifteen-year-old who declined to meet. */
    static Discussion teenager() {
        return new Discussion(answers(
                "Kayden is fifteen and out late most nights. He has been seen with older young men in the town centre and was stopped by "
                        + "police with a knife in his bag last month.",
                "Referred by police after the stop and search. Mother is working two jobs and says she cannot keep him in.",
                "Kayden still goes to school most days and his youth worker at the boxing club has a good relationship with him.",
                "Criminal exploitation: new clothes and a second phone, missing episodes, and the knife.",
                3,
                "Kayden's missing episodes fall on the days he is not at the boxing club.",
                "Criminal exploitation by an older group; the alternative, that he carries a knife because he is frightened, is not exclusive.",
                "Mother is frightened for him and wants him moved away from the area; she agreed to a contextual safeguarding referral.",
                "Strategy discussion; referral to the exploitation panel; youth worker to offer a meeting at the club.",
                "Fewer missing episodes, Kayden agreeing to meet Alex or the youth worker, and no further police contact."),
                notObtained(ChildViewReason.DECLINED, "Kayden declined to meet Alex twice, at home and at school. He told his youth worker "
                        + "that he does not want a social worker; his mother's account of his wishes is recorded above.", false),
                List.<String[]>of(
                        new String[]{"Hold a strategy discussion with police and education within two working days.",
                                "Reasonable cause to suspect Kayden is suffering significant harm through criminal exploitation."},
                        new String[]{"Refer Kayden to the multi-agency child exploitation panel.",
                                "The risks are outside the home: a contextual response is needed alongside the family plan."}),
                List.of(new Action("Ask the youth worker to arrange a meeting with Kayden at the boxing club", "Kayden's own view recorded",
                        "A meeting held and his view written in the next discussion", false, 7),
                        new Action("Attend the exploitation panel with Alex", "Panel agrees a disruption plan", "Plan on file", true, 21)));
    }

    /** Alex and Priya between sessions on a seven-year-old: written and signed by Priya, awaiting Alex. */
    static Discussion afterSchoolConcern() {
        return new Discussion(answers(
                "Amira is seven and in year 3. She is doing well at school and has friends, but came in with a bruise to her upper arm "
                        + "that she said her uncle caused.",
                "School rang on Monday. Amira lives with her mother and two brothers; an uncle has been staying since the summer.",
                "Mother acted at once: the uncle has moved out and mother is keeping Amira's routines the same.",
                "Whether the uncle returns, and whether the brothers have seen anything.",
                7,
                "Amira told the same account to her teacher and to Alex, unprompted.",
                "A single incident by a visiting adult who has now left; to check: the brothers' accounts.",
                "Mother is shocked and wants the uncle kept away; she is worried the family will blame her.",
                "Safety plan with mother; speak to the brothers; check with police whether the uncle is known.",
                "The uncle stays away, the safety plan holds, and Amira's school reports no change in her."),
                recorded("Seen alone at school. Amira said she feels safe now her uncle has gone and she wants to keep going to "
                        + "her swimming club with her friend.", true),
                List.<String[]>of(new String[]{"Amira remains at home with a written safety plan; no child protection enquiry at this stage.",
                        "Mother acted protectively and the uncle has left; Amira says she feels safe."}),
                List.of(new Action("Agree the safety plan with mother and share it with school", "The uncle has no contact with Amira",
                        "Mother and school confirm at the review", false, 5)));
    }

    /** Chris and Priya on an eleven-year-old of the D family, stepping down. */
    static Discussion steppingDown() {
        return new Discussion(answers(
                "Tyler is eleven and starting secondary school in September. He is calmer at home and sleeping in his own room again.",
                "Six months of family support after mother's relationship with a violent partner ended. The partner has a restraining order.",
                "Mother is using the routines Chris modelled; Tyler and his sister Ruby go to the after-school club together.",
                "The move to secondary school, and how Tyler will cope if the former partner contacts the family.",
                8,
                "Tyler talks about the past more easily with his sister present.",
                "The family has recovered much of its routine; the remaining worry is transition, which early help can support.",
                "Mother feels ready to manage without a family support worker but wants someone to call.",
                "Moving-on plan with mother and the early help team; transition meeting with the new school.",
                "Routines hold for a term without Chris, and Tyler settles in year 7."),
                recorded("Seen alone at the family centre using the three houses. Tyler said home is \"mostly good now\", he worries "
                        + "about the big school and he wants his mum to stop checking the door at night.", true),
                List.<String[]>of(new String[]{"Step down to early help when the moving-on plan is complete.",
                        "Safety has held for four months and the family are using the plan; the remaining needs are for support, not protection."}),
                List.of(new Action("Book the transition meeting with the secondary school", "A named adult for Tyler at the new school",
                        "Meeting held and named adult confirmed", false, 21)));
    }

    /** Owen and Marcus on a fourteen-year-old the Emergency Duty Team placed overnight. */
    static Discussion outOfHours() {
        return new Discussion(answers(
                "Jayden is fourteen. He was found by police at 2am after a row at home and would not go back that night.",
                "Owen was called out at 1.30am; Jayden stayed overnight with his aunt under a safety agreement; handed to the day team at 9am.",
                "The aunt took him at short notice and knows him well. Jayden talked to Owen in the car.",
                "Father's drinking at the weekend and the row that left a mark on Jayden's cheek.",
                4,
                "Jayden had texted his aunt earlier in the evening: he had a plan to keep himself safe.",
                "An escalating conflict linked to father's drinking; the alternative, a single row, does not fit the earlier police call-outs.",
                "Father says it was a one-off and wants Jayden home; the aunt says this has happened before.",
                "Day team to convene a strategy discussion; aunt's home checked; father to be seen sober.",
                "Jayden safe at his aunt's, the day team's assessment started within a working day."),
                recorded("Seen alone in the car and at his aunt's. Jayden said he would not go home while his dad was drunk, that he "
                        + "felt safe at his aunt's, and that he wants to go to school tomorrow.", true),
                List.<String[]>of(new String[]{"Jayden to stay with his aunt under a safety agreement until the day team's strategy discussion.",
                        "He would not return home, has a mark to his face, and his aunt can keep him safe tonight."}),
                List.of(new Action("Send the out-of-hours handover to the day team and the aunt's details for checks",
                        "The day team starts the strategy discussion", "Handover acknowledged by the day team", false, 1)));
    }

    /** Aisha and Tom between sessions on a twelve-year-old in foster care. */
    static Discussion fosterCare() {
        return new Discussion(answers(
                "Callum is twelve and has lived with his foster carers for two years. He is settled, plays football and is behind in reading.",
                "Mother has asked for more contact after finishing a rehabilitation programme; Callum's review is in six weeks.",
                "Callum's placement is stable and his carers support contact. Mother has kept every contact session since the spring.",
                "How Callum will cope with more contact if mother relapses, and the effect on his placement.",
                8,
                "Callum has started asking when he will see his mum, not whether.",
                "Mother's recovery is holding; more contact carries a risk Callum can be helped to manage.",
                "Mother wants fortnightly contact in the community; the carers agree with a review after three months.",
                "Increase contact to fortnightly, supervised for the first two; life-story work before the review.",
                "Contact kept, Callum's behaviour at home and school steady, and his own account at the review."),
                recorded("Seen alone at his carers' home. Callum said he wants to see his mum more and go bowling with her, and he wants "
                        + "to stay living where he is.", true),
                List.<String[]>of(new String[]{"Increase mother's contact with Callum to fortnightly, supervised for the first two sessions.",
                        "Mother's recovery and her record of contact support it; Callum wants it; the carers agree."}),
                List.of(new Action("Arrange supervised contact and tell the independent reviewing officer", "Fortnightly contact in place",
                        "Contact records for the next two sessions", false, 14)));
    }
}
