package uk.supervision.session;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.IntervalSource;
import uk.supervision.api.model.SessionDate;
import uk.supervision.api.model.SessionDates;
import uk.supervision.compliance.SessionCadence;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffRepository;
import uk.supervision.staff.SupervisionRelationRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The dates a series would be booked on, for whoever may arrange the person's supervision: planSessions books these. */
@Singleton
public class SessionDatesService {
    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final AccessPolicy access;
    private final SessionCadence cadence;
    private final SessionDateRules dateRules;
    private final Clock clock;

    public SessionDatesService(StaffRepository staff, SupervisionRelationRepository relations, AccessPolicy access,
                               SessionCadence cadence, SessionDateRules dateRules, Clock clock) {
        this.staff = staff;
        this.relations = relations;
        this.access = access;
        this.cadence = cadence;
        this.dateRules = dateRules;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SessionDates preview(Caller caller, UUID staffId, int count, LocalDate first, LocalDate after, Integer intervalWeeks) {
        LocalDate today = LocalDate.now(clock);
        Staff person = staff.findByIdAndOrganisationId(staffId.toString(), caller.organisationId())
                .orElseThrow(() -> Problems.notFound("Member of staff " + staffId));
        access.requireArrangeSupervisionFor(caller, person, relations.currentSupervisorId(person.id(), today));
        if ((first == null) == (after == null)) {
            throw Problems.badParameter(first == null ? "first" : "after", "Give either first (the first date) or after (the last session's date).");
        }
        LocalDate start = first != null ? first : cadence.nextAfter(person, after, intervalWeeks, today);
        // The same checks as booking: a preview never shows a date the booking would refuse.
        dateRules.requireBookable(person, start, first != null ? "#first" : "#after", today);
        List<SessionCadence.Dated> series = cadence.series(person, start, count, intervalWeeks);
        dateRules.requireBookable(person, series.get(series.size() - 1).date(), "#count", today);
        return new SessionDates(series.stream().map(d -> {
            SessionDate out = new SessionDate(d.date(), d.interval().toString());
            out.setIntervalSource(d.source() == null ? null : IntervalSource.fromValue(d.source().name()));
            return out;
        }).toList());
    }
}
