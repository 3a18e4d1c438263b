package uk.supervision.session;

import jakarta.inject.Singleton;
import uk.supervision.problem.Problems;
import uk.supervision.staff.Staff;
import uk.supervision.staff.SupervisionRelationRepository;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Which dates a session may be on, for planning, a series, rescheduling and rebooking alike: not before the
 * person's employment start (the schedule would silently ignore it), not more than two years ahead, and, for a
 * session that already happened, under the supervisor of the time (the supervision relation's history).
 */
@Singleton
public class SessionDateRules {
    /** How far ahead sessions may be booked. */
    public static final Period AHEAD = Period.ofYears(2);
    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final SupervisionRelationRepository relations;

    public SessionDateRules(SupervisionRelationRepository relations) {
        this.relations = relations;
    }

    public void requireBookable(Staff person, LocalDate date, String pointer, LocalDate today) {
        if (date.isBefore(person.employmentStartDate())) {
            throw Problems.rule(pointer, "The date " + words(date) + " is before " + person.displayName() + " started on "
                    + words(person.employmentStartDate()) + ". Enter a date from their employment start.");
        }
        LocalDate latest = today.plus(AHEAD);
        if (date.isAfter(latest)) {
            throw Problems.rule(pointer, "The date " + words(date) + " is more than two years ahead. Sessions can be booked up to "
                    + words(latest) + ".");
        }
    }

    /**
     * Who leads a one-to-one session with this person on a date: the supervisor in force that day. A date that
     * has passed needs one recorded then; a future date with none recorded yet goes to today's supervisor.
     */
    public String supervisorOn(Staff person, LocalDate date, LocalDate today) {
        String then = relations.currentSupervisorId(person.id(), date);
        if (then != null) {
            return then;
        }
        if (!date.isAfter(today)) {
            throw Problems.rule("/date", person.displayName() + " had no supervisor recorded on " + words(date)
                    + ". Record who supervised them then (their supervision history) first.");
        }
        String current = relations.currentSupervisorId(person.id(), today);
        if (current == null) {
            throw Problems.rule("/superviseeIds/0", person.displayName() + " has no current supervisor. Record who supervises them first.");
        }
        return current;
    }

    /** A new date for a session: bookable for everyone in it, and a past one-to-one date only under the supervisor of the time. */
    public void requireReschedulable(SupervisionSession s, List<Staff> people, LocalDate date, LocalDate today) {
        for (Staff p : people) {
            requireBookable(p, date, "/date", today);
        }
        if ("ONE_TO_ONE".equals(s.kind()) && !date.isAfter(today) && people.size() == 1) {
            String then = relations.currentSupervisorId(people.get(0).id(), date);
            if (!s.supervisorId().equals(then)) {
                throw Problems.rule("/date", "On " + words(date) + " " + people.get(0).displayName()
                        + " was not supervised by this session's supervisor. Record a past session under the supervisor of the time instead.");
            }
        }
    }

    private static String words(LocalDate date) {
        return date.format(WORDS);
    }
}
