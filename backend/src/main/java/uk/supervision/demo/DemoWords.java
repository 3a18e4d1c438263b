package uk.supervision.demo;

import java.time.LocalDate;
import java.util.Map;

/** What the demo's records and agreements say: plausible words, varied from session to session. */
final class DemoWords {
    private DemoWords() {
    }

    /** The words of one record; {@link #entry} answers every agenda item, known or not. */
    record Record(String name, int n, String reflection, String futureAgenda, LocalDate nextDate, String confidential) {
        String entry(String key) {
            String[] options = AGENDA.get(key);
            String text = options == null ? OTHER[n % OTHER.length] : options[n % options.length];
            return text.replace("{name}", name);
        }
    }

    static Record record(String name, int n, LocalDate nextDate) {
        return new Record(name, n, REFLECTION[n % REFLECTION.length].replace("{name}", name),
                FUTURE[n % FUTURE.length], nextDate, null);
    }

    private static final Map<String, String[]> AGENDA = Map.of(
            "workload_caseload", new String[]{
                    "{name} holds 17 cases, 4 on child protection plans. Priorities this month: the core group for the B children and the pre-birth assessment.",
                    "Caseload steady at 16. Two cases to close after the review conference; one transfer to the Looked After Children Team agreed.",
                    "{name} has taken two new assessments from duty. Visits are up to date; one statutory visit was late and the reason is on the file.",
                    "Caseload 18, which {name} says is manageable with the court work finishing. Agreed not to allocate a further child protection case this month."},
            "performance_feedback", new String[]{
                    "Feedback from the IRO on {name}'s conference report was positive: analysis clear and the child's voice evident.",
                    "The audit of one of {name}'s files graded it good; the chronology needs updating after each significant event.",
                    "{name}'s assessments are consistently on time. Discussed making the analysis section shorter and sharper.",
                    "Parents in the K family told the manager {name} explained the plan clearly. Recording is up to date."},
            "work_personal_issues", new String[]{
                    "Nothing raised this month.",
                    "{name} has been working late on court statements; agreed to take the time back as TOIL next week.",
                    "Discussed the impact of a distressing home visit. {name} was offered the employee support line and time to debrief.",
                    "Annual leave booked for the school holidays; cover arranged with a colleague."},
            "learning_reflective_practice", new String[]{
                    "{name} attended the Signs of Safety refresher and is using the three columns in the next review meeting.",
                    "Reflected on a visit where the plan was not working: what the family heard, what we assumed, what we would do differently.",
                    "Talked through the research on neglect and cumulative harm; {name} will bring a case to the next group supervision.",
                    "{name} is preparing for practice educator training and will shadow a student's supervision."},
            "aob", new String[]{
                    "None.",
                    "Team away day next month; {name} to bring one idea for reducing duplicate recording.",
                    "New electronic recording screens go live next month; training booked.",
                    "None."});

    private static final String[] OTHER = {
            "Discussed; nothing further to record this month.",
            "Reviewed together; no concerns.",
            "Covered; actions agreed below where needed."};

    private static final String[] REFLECTION = {
            "{name} reflected on how the family's history shaped the way they heard the plan, and on what would help them engage.",
            "We used the Anchor questions on one case: what is happening, what it is like for the child, and what we need to do next.",
            "{name} noticed a tendency to accept the first explanation; agreed to test alternative hypotheses in the next assessment.",
            "Reflected on the balance between support and challenge with a father who is hard to reach."};

    private static final String[] FUTURE = {
            "Progress on the pre-birth assessment; learning from the file audit.",
            "Caseload weighting; the next child protection conference.",
            "Training plan for the year; feedback from the IRO.",
            "Court timetable; time off in lieu."};

    /** Action texts agreed in supervision, varied by session. */
    static String action(int n) {
        return ACTIONS[n % ACTIONS.length];
    }

    private static final String[] ACTIONS = {
            "Update the chronology for the B children after the core group",
            "Book the Signs of Safety refresher",
            "Send the draft assessment for the K family for management oversight",
            "Arrange the joint visit with the health visitor",
            "Complete the case closure summary for the M family",
            "Read the research summary on cumulative harm before group supervision"};

    /** An answer to an agreement question; every question of the template is answered. */
    static String agreementAnswer(String key, String name, Integer intervalWeeks) {
        String frequency = intervalWeeks == null ? "As the policy sets out for {name}'s stage"
                : "Every " + (intervalWeeks == 1 ? "week" : intervalWeeks + " weeks");
        String text = switch (key) {
            case "purpose" -> "Safe, reflective practice for the children {name} works with; oversight of decisions; {name}'s support and development.";
            case "frequency_place_length" -> frequency + ", for 90 minutes, in a booked room at the Civic Centre.";
            case "changing_arrangements" -> "Only for an emergency on a case; a new date is agreed within the week.";
            case "agenda" -> "Both add items a few days before; the supervisor circulates it the day before.";
            case "confidentiality" -> "What is said stays between us, except where a child's safety or a serious conduct matter requires otherwise.";
            case "recording" -> "The supervisor writes the record within 5 working days; {name} comments and both sign.";
            case "contract_review" -> "Reviewed every year, at a change of supervisor, and when either of us asks.";
            case "escalation_period" -> "6 weeks without formal supervision.";
            default -> "Agreed as the policy sets out; either of us raises it in supervision if it needs to change.";
        };
        return text.replace("{name}", name);
    }
}
