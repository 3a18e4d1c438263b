package uk.supervision.compliance;

/** The lifecycle states of the person's current agreement that matter to the schedule (DOMAIN section 4). */
public enum AgreementState {
    /** Drawn up, not yet signed by both: it does not set an interval yet. */
    AWAITING_SIGNATURES,
    /** Signed by both. */
    ACTIVE
}
