package uk.supervision.compliance;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * The person's current (latest) supervision agreement, as far as the schedule needs it. A change of supervisor
 * since signing is not an input here: it is read from {@link Supervisee#currentSupervisorSince()} (a date after
 * {@code signedOn} means the agreement was made with an earlier supervisor).
 *
 * @param state    awaiting signatures or active (signed by both)
 * @param interval the agreed interval between one-to-one sessions, or null if the agreement sets none
 * @param signedOn the date the second signature was given; required when ACTIVE
 * @param supervisorId the supervisor the agreement was made with, or null if not known
 */
public record AgreementTerms(AgreementState state, Period interval, LocalDate signedOn, String supervisorId) {
    public AgreementTerms(AgreementState state, Period interval, LocalDate signedOn) {
        this(state, interval, signedOn, null);
    }

    public AgreementTerms {
        Objects.requireNonNull(state, "state");
        if (state == AgreementState.ACTIVE && signedOn == null) {
            throw new IllegalArgumentException("an ACTIVE agreement needs signedOn");
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("the agreed interval must be longer than zero: " + interval);
        }
    }
}
