package uk.supervision.agreement;

import jakarta.inject.Singleton;
import uk.supervision.api.model.AgreementWarning;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.compliance.ComplianceService;
import uk.supervision.problem.Problems;
import uk.supervision.staff.Staff;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy's rules for what an agreement may set (decision 0014): a longer interval than the profile's is
 * refused where the profile's frequencies are minimums; a session length below the profile's minimum is
 * accepted with a warning, since the two parties may have reasons the policy did not foresee.
 */
@Singleton
class AgreementRules {
    private final ComplianceService compliance;
    private final Clock clock;

    AgreementRules(ComplianceService compliance, Clock clock) {
        this.compliance = compliance;
        this.clock = clock;
    }

    /** Refuses (422, /intervalWeeks) an agreed interval longer than the profile's for this person, unless allowed. */
    void requireIntervalAllowed(String organisationId, Staff supervisee, Integer intervalWeeks) {
        if (intervalWeeks == null) {
            return;
        }
        Period longest = compliance.longestAgreedInterval(organisationId, supervisee);
        LocalDate today = LocalDate.now(clock);
        if (longest != null && today.plusWeeks(intervalWeeks).isAfter(today.plus(longest))) {
            throw Problems.rule("/intervalWeeks", "The policy's frequencies are minimums: an agreement may set sessions more often than "
                    + words(longest) + " for " + supervisee.displayName() + ", never less often.");
        }
    }

    /** What the agreement sets below the policy's expectations: said, not refused. */
    static List<AgreementWarning> warnings(PolicyRules rules, Agreement agreement) {
        List<AgreementWarning> out = new ArrayList<>();
        Integer minimum = rules.getMinimumSessionMinutes();
        if (minimum != null && agreement.durationMinutes() < minimum) {
            out.add(new AgreementWarning("/durationMinutes", "Sessions of " + agreement.durationMinutes()
                    + " minutes are shorter than the policy's minimum of " + minimum + " minutes."));
        }
        return out;
    }

    /** "every 4 weeks", "every month", "every 2 months": the interval as the policy papers say it. */
    static String words(Period p) {
        int months = p.getYears() * 12 + p.getMonths();
        if (months > 0 && p.getDays() == 0) {
            return months == 1 ? "every month" : "every " + months + " months";
        }
        int days = p.getDays() + months * 30;
        if (days % 7 == 0) {
            return days == 7 ? "every week" : "every " + days / 7 + " weeks";
        }
        return "every " + days + " days";
    }
}
