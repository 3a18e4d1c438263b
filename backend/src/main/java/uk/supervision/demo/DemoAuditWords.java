package uk.supervision.demo;

import uk.supervision.api.model.QualityAnswer;
import uk.supervision.policy.TemplateItemEntity;

import java.time.LocalDate;

/** What the demo's auditors write on the audit template, and how its supervisees answer the Part 2 questionnaire. */
final class DemoAuditWords {
    static final String GOOD = "GOOD";
    static final String OUTSTANDING = "OUTSTANDING";
    static final String REQUIRES_IMPROVEMENT = "REQUIRES_IMPROVEMENT";

    private DemoAuditWords() {
    }

    /** The answer to one template item for an audit of this grade; null for an item nobody answers (a clause). */
    static String answer(TemplateItemEntity item, String grade, int index, LocalDate today) {
        boolean weak = REQUIRES_IMPROVEMENT.equals(grade);
        return switch (item.answerType()) {
            case "OVERALL_GRADE" -> grade;
            case "RATING_1_5" -> switch (grade) {
                case OUTSTANDING -> index % 3 == 0 ? "2" : "1";
                case GOOD -> index % 3 == 0 ? "3" : "2";
                default -> index % 2 == 0 ? "4" : "3";
            };
            case "YES_NO_PARTIAL_UNCLEAR" -> weak ? (index % 2 == 0 ? "PARTIALLY" : "UNCLEAR") : "YES";
            case "YES_NO_NA" -> weak && index % 3 == 0 ? "NO" : "YES";
            case "SAFETY_SCALE" -> weak ? "4" : "7";
            case "QUALITY_5" -> weak ? "SATISFACTORY" : "GOOD";
            case "DATE" -> today.toString();
            case "PERIOD" -> "P4W";
            case "FREE_TEXT" -> freeText(item.itemKey(), grade);
            default -> null;
        };
    }

    private static String freeText(String key, String grade) {
        if ("q13b".equals(key)) {
            return REQUIRES_IMPROVEMENT.equals(grade) ? "Sessions to be held every four weeks and the record written within a week; "
                    + "case discussions to say what the plan means for each child." : null;
        }
        return switch (grade) {
            case OUTSTANDING -> "Seen throughout the file: reflective records, each child's plan tested and the worker's wellbeing discussed.";
            case GOOD -> "Seen in most records: plans discussed and actions followed up at the next session.";
            default -> "Seen only in some records: two sessions missed and several actions carried over without review.";
        };
    }

    /** A supervisee's answer to statement {@code i}: mostly Good or Very good, some Satisfactory, the odd Poor. */
    static QualityAnswer quality(int mood, int i) {
        return switch ((mood + i) % 7) {
            case 0, 3 -> QualityAnswer.VERY_GOOD;
            case 1, 4, 5 -> QualityAnswer.GOOD;
            case 2 -> QualityAnswer.SATISFACTORY;
            default -> mood % 2 == 0 ? QualityAnswer.POOR : QualityAnswer.GOOD;
        };
    }

    static String comment(int mood) {
        return switch (mood % 4) {
            case 0 -> "Supervision is protected time and I leave with a plan.";
            case 2 -> "Sessions get moved when the duty week is busy.";
            default -> null;
        };
    }

    static final String THEMES = "Supervision is regular across the Assessments Team and the Emergency Duty Team, and records show plans for "
            + "children being tested. Reflection on the worker's own practice is thinner where sessions were moved in duty weeks. "
            + "One file required improvement: sessions missed and actions carried over without review.";
    static final String RECOMMENDATIONS = "Protect supervision in duty weeks; review every carried-over action at the next session; "
            + "share the outstanding file's record-keeping as an example at the next team meeting.";
}
