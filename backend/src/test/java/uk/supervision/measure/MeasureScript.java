package uk.supervision.measure;

import uk.supervision.staff.Staff;
import uk.supervision.support.Ids;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * A small scripted team for the people measures (Coventry profile: every 4 weeks, at most 6 weeks apart, never
 * 2 months without a session, 10 a year, sessions of at least 90 minutes, minimum group size 5). The period is
 * the two whole months L and M ending two months ago, so nothing depends on today's date.
 *
 * <p>Team A1 at M's end: S (supervisor), P1, P3, P4, P5 are counted (exactly 5); P2 left on M's 10th, P6 is an
 * agency worker on 8 hours, P7 started 3 days before M's end. S2 (team A2) supervises P3 from L's 15th.
 */
final class MeasureScript {
    static final String TEMPLATE = "00000000-0000-7000-8101-000000000002";

    final Fixtures fixtures;
    final World world;
    final YearMonth l = YearMonth.now().minusMonths(3);
    final YearMonth m = YearMonth.now().minusMonths(2);
    final LocalDate started = LocalDate.now().minusYears(2);
    Staff s;
    Staff s2;
    Staff p1;
    Staff p2;
    Staff p3;
    Staff p4;
    Staff p5;
    Staff p6;
    Staff p7;
    String p3Cancelled;
    String p1RecordL;

    MeasureScript(Fixtures fixtures, World world) {
        this.fixtures = fixtures;
        this.world = world;
    }

    MeasureScript build() {
        s = world.worker(world.teamA1(), "Sue", "Visor");
        s2 = world.worker(world.teamA2(), "Sid", "Second");
        p1 = world.worker(world.teamA1(), "Pat", "One");
        p2 = world.worker(world.teamA1(), "Pam", "Two");
        p3 = world.worker(world.teamA1(), "Pip", "Three");
        p4 = world.worker(world.teamA1(), "Poll", "Four");
        p5 = fixtures.staff(world.org(), world.teamA1(), null, "Nia", "Five", "NEWLY_QUALIFIED", "PERMANENT", started);
        p6 = fixtures.staff(world.org(), world.teamA1(), null, "Ade", "Six", "REGISTERED_SOCIAL_WORKER", "AGENCY", started);
        LocalDate p7Start = m.atEndOfMonth().minusDays(3);
        p7 = fixtures.staff(world.org(), world.teamA1(), null, "New", "Seven", "REGISTERED_SOCIAL_WORKER", "PERMANENT", p7Start);

        for (Staff p : new Staff[]{p1, p2, p4, p5, p6}) {
            fixtures.supervise(s, p, started);
        }
        fixtures.supervise(s, p7, p7Start);
        // P3: S until L's 14th, then S2.
        String rel = fixtures.supervise(s, p3, started).id();
        fixtures.execute("UPDATE supervision_relation SET to_date = ? WHERE id = ?", Date.valueOf(l.atDay(14)), rel);
        fixtures.supervise(s2, p3, l.atDay(15));

        // P2 left on M's 10th.
        fixtures.execute("UPDATE staff SET leaving_date = ? WHERE id = ?", Date.valueOf(m.atDay(10)), p2.id());
        // P6 works 8 hours a week from the start (agency under 10 hours).
        attributeChange(p6, started, null, 8.0, null, null);
        // P5 finishes the ASYE on M's 15th: newly qualified until then, registered after.
        attributeChange(p5, m.atDay(15), "REGISTERED_SOCIAL_WORKER", null, null, null);
        // P1 carries 20 cases from the day after the start (above the level of 15); everyone else 10.
        attributeChange(p1, started.plusDays(1), null, null, true, 20);
        // S completed supervision training a month after becoming a supervisor: in time.
        fixtures.execute("UPDATE staff SET supervision_training_completed_on = ? WHERE id = ?", Date.valueOf(started.plusMonths(1)), s.id());

        // Agreements: P1 signed six months before M's end, P3 signed with S three months before L (then S2 took over).
        agreement(p1, s, m.atEndOfMonth().minusMonths(6));
        agreement(p3, s, l.atDay(1).minusMonths(3));

        // One-to-ones.
        String p1L = session(s, "ONE_TO_ONE", "HELD", l.atDay(5), 60, p1);
        String p1M = session(s, "ONE_TO_ONE", "HELD", m.atDay(5), 90, p1);
        session(s, "ONE_TO_ONE", "HELD", l.atDay(3), 90, p2);
        String p3M = session(s2, "ONE_TO_ONE", "HELD", m.atDay(20), 120, p3);
        p3Cancelled = session(s, "ONE_TO_ONE", "CANCELLED", l.atDay(20), null, p3);
        fixtures.execute("UPDATE supervision_session SET rebooked_as_id = ? WHERE id = ?", p3M, p3Cancelled);
        session(s, "ONE_TO_ONE", "HELD", l.atDay(1), 90, p5);
        // A group session (P1 and P4): never a one-to-one.
        session(s, "GROUP", "HELD", m.atDay(12), 90, p1, p4);

        // Records: P1's M session signed 3 days later, P3's 2 days later; P1's L session still a draft.
        record(p1M, "SIGNED", m.atDay(8));
        record(p3M, "SIGNED", m.atDay(22));
        p1RecordL = p1L;
        record(p1L, "DRAFT", null);

        // Actions: P1's due on M's 10th still open (overdue at M's end); P4's due on M's 25th closed on M's 20th.
        action(p1, m.atDay(10), l.atDay(1), "OPEN", null);
        action(p4, m.atDay(25), l.atDay(1), "DONE", m.atDay(20));
        return this;
    }

    MeasurePeriod period() {
        return new MeasurePeriod(l, m, LocalDate.now());
    }

    void attributeChange(Staff p, LocalDate from, String category, Double hours, Boolean caseload, Integer size) {
        fixtures.execute("INSERT INTO staff_attribute_change (id, staff_id, effective_from, category, employment_type, weekly_hours, "
                        + "carries_caseload, caseload_size, recorded_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)",
                Ids.newId(), p.id(), Date.valueOf(from), category, hours, caseload, size, Timestamp.from(Instant.now()));
    }

    void agreement(Staff supervisee, Staff supervisor, LocalDate signedOn) {
        String id = fixtures.agreement(world.org(), supervisee, supervisor, "ACTIVE");
        fixtures.execute("UPDATE agreement SET signed_at = ?, created_at = ? WHERE id = ?", noon(signedOn), noon(signedOn.minusDays(7)), id);
    }

    String session(Staff supervisor, String kind, String status, LocalDate day, Integer minutes, Staff... participants) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO supervision_session (id, organisation_id, supervisor_id, kind, status, meeting_date, start_time, "
                        + "planned_minutes, location, actual_minutes, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, '10:00', 90, 'Room 1', ?, 1, ?, ?)",
                id, world.org().id(), supervisor.id(), kind, status, Date.valueOf(day), minutes, now, now);
        for (Staff p : participants) {
            fixtures.execute("INSERT INTO session_participant (session_id, supervisee_id) VALUES (?, ?)", id, p.id());
        }
        return id;
    }

    void record(String sessionId, String status, LocalDate signedOn) {
        fixtures.execute("INSERT INTO session_record (session_id, template_id, status, entries_json, personal_discussed, action_reviews_json, "
                        + "content_hash, signed_at, version, updated_at) VALUES (?, ?, ?, '[]', FALSE, '[]', NULL, ?, 1, ?)",
                sessionId, TEMPLATE, status, signedOn == null ? null : noon(signedOn), Timestamp.from(Instant.now()));
    }

    void action(Staff p, LocalDate due, LocalDate created, String status, LocalDate closed) {
        fixtures.execute("INSERT INTO supervision_action (id, organisation_id, supervisee_id, owner_staff_id, text, due_date, status, version, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, 'Update the chronology', ?, ?, 1, ?, ?)",
                Ids.newId(), world.org().id(), p.id(), p.id(), Date.valueOf(due), status, noon(created),
                closed == null ? Timestamp.from(Instant.now()) : noon(closed));
    }

    static Timestamp noon(LocalDate day) {
        return Timestamp.from(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
    }
}
