package uk.supervision.compliance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * DOMAIN section 4: any change of supervisor makes a signed agreement due for review on the new supervisor's
 * first day. One rule for the agreement page and the schedule (dashboard), so the two never disagree.
 */
public final class SupervisorChange {
    private SupervisorChange() {
    }

    /**
     * The day the review falls due because of a change of supervisor, or null when there was none: the current
     * supervisor is not the one the agreement was made with, or their relation started after signing.
     *
     * @param signedWith   the agreement's supervisor, or null if not known (then only the dates decide)
     * @param currentId    today's supervisor, or null if none
     * @param currentSince the day today's supervisor took over, or null if none
     */
    public static LocalDate reviewDueFrom(LocalDate signedOn, String signedWith, String currentId, LocalDate currentSince) {
        if (currentSince == null) {
            return null;
        }
        boolean another = signedWith != null && currentId != null && !Objects.equals(signedWith, currentId);
        return another || currentSince.isAfter(signedOn) ? currentSince : null;
    }
}
