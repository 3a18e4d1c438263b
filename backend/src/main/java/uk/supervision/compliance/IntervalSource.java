package uk.supervision.compliance;

/** Where the interval in force comes from, so a schedule can say why a session is due when it is. */
public enum IntervalSource {
    /** The supervisee's signed (ACTIVE) individual agreement. */
    AGREEMENT,
    /** A cadence step of the profile (career stage: new starter, newly qualified). */
    CADENCE_STEP,
    /** The profile's interval for the person's staff category (e.g. administrative staff 8-weekly). */
    CATEGORY,
    /** The profile's normal interval. */
    PROFILE
}
