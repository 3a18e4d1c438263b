package uk.supervision.compliance;

/** The person's supervision agreement as a compliance figure (DOMAIN sections 4 and 9). */
public enum AgreementStatus {
    /** No agreement, and none due yet (or the profile sets no deadline). */
    NONE,
    /** No agreement, and the profile's deadline from the start in post ({@code agreementWithin}) has passed. */
    NONE_OVERDUE,
    /** An agreement is waiting for signatures. */
    AWAITING_SIGNATURE,
    /** A signed agreement, no review overdue. */
    ACTIVE,
    /** A signed agreement past its review date (annual review, or a change of supervisor since signing). */
    REVIEW_OVERDUE
}
