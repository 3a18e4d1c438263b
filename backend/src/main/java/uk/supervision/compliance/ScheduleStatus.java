package uk.supervision.compliance;

/** Where a person stands against their one-to-one supervision schedule today; the most severe that applies wins. */
public enum ScheduleStatus {
    /** Not yet employed: nothing is due yet. */
    NOT_STARTED,
    /** The next session is due more than {@link ScheduleCalculator#DUE_SOON_DAYS} days from today. */
    ON_TRACK,
    /** The next session is due within {@link ScheduleCalculator#DUE_SOON_DAYS} days, the due date included. */
    DUE_SOON,
    /** Past the due date (the interval in force), within the longest allowed gap. */
    OVERDUE,
    /** Past the profile's longest allowed gap (Coventry: 6 weeks). */
    PAST_LONGEST_GAP,
    /** Past the profile's absolute limit (Coventry: 2 months without a session). */
    BREACH,
    /** After the leaving date: nothing is due any more. */
    LEFT
}
