package uk.supervision.measure;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.support.Ids;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case-discussion and decision measures over a small scripted organisation: discussions written and signed
 * through the API, decisions as signing writes them, then moved to chosen instants. Months: m1 two months ago, m2
 * last month, m3 this month (Europe/London).
 */
@MicronautTest(transactional = false)
class CaseworkMeasuresTest extends ApiTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final LocalDate today = LocalDate.now(LONDON);
    private final YearMonth m3 = YearMonth.from(today);
    private final YearMonth m2 = m3.minusMonths(1);
    private final YearMonth m1 = m3.minusMonths(2);

    @Inject
    CaseDiscussionMeasures discussions;
    @Inject
    DecisionMeasures decisions;
    @Inject
    SourceFactsRefresher sourceFacts;

    static Instant at(YearMonth month, int day, int hour) {
        return month.atDay(day).atTime(hour, 0).atZone(LONDON).toInstant();
    }

    static MeasureTarget directorate(World world) {
        return new MeasureTarget(MeasureScopeKind.DIRECTORATE, world.org().id(), null, "Directorate", null, false);
    }

    static MeasureTarget service(World world, String id) {
        return new MeasureTarget(MeasureScopeKind.SERVICE, world.org().id(), id, "Service", null, false);
    }

    static MeasureTarget team(World world, uk.supervision.team.Team team) {
        return new MeasureTarget(MeasureScopeKind.TEAM, world.org().id(), team.id(), team.name(), team.serviceId(), true);
    }

    static MeasureTarget person(World world, Staff s) {
        return new MeasureTarget(MeasureScopeKind.PERSON, world.org().id(), s.id(), s.displayName(), s.serviceId(), false);
    }

    static void assertShare(Figure f, long numerator, long denominator, long groupSize) {
        assertEquals(numerator + "/" + denominator + " of " + groupSize, f.numerator() + "/" + f.denominator() + " of " + f.groupSize(), f.toString());
        if (denominator == 0) {
            assertNull(f.value(), f.toString());
        } else {
            assertEquals((double) numerator / denominator, f.value(), 1e-9, f.toString());
        }
    }

    @Test
    void theChildsViewCountsEachSignedDiscussionInTheSuperviseesTeamOnTheDay() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        World.Person bea = world.person(world.teamB1(), "Bea", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person bo = world.person(world.teamB1(), "Bo", Role.PRACTITIONER);
        world.supervise(bea.staff(), bo.staff());

        // Sam, in team A1 during m1 and team A2 from m2 (moved below):
        String d1 = signed(priya, sam, recorded());                                  // m1, A1: recorded
        String d2 = signed(priya, sam, recorded());                                  // m2, A2: recorded
        String d3 = signed(priya, sam, Map.of("status", "NOT_OBTAINED", "reason", "TOO_YOUNG", "seenAlone", false)); // m2, A2
        String d4 = signed(priya, sam, Map.of("status", "NOT_OBTAINED", "reason", "DECLINED", "seenAlone", true));   // m2, A2
        // Bo, team B1:
        String d5 = signed(bea, bo, Map.of("status", "NOT_OBTAINED", "reason", "NOT_SEEN_SINCE_LAST_DISCUSSION",
                "lastSeenOn", today.minusDays(10).toString()));                         // m2, B1
        String d6 = signed(bea, bo, recorded());                                     // m3: after the period
        written(priya, sam, recorded());                                             // a draft: never counted
        place(d1, m1, 15);
        place(d2, m2, 10);
        place(d3, m2, 11);
        place(d4, m2, 12);
        place(d5, m2, 20);
        place(d6, m3, 1);
        // A reason given is never "recorded", whatever the row's status column says.
        fixtures.execute("UPDATE case_discussion SET child_view_status = 'RECORDED' WHERE id = ?", d3);
        // Sam moves to team A2 from m2's first day: his m1 discussion stays in A1.
        fixtures.execute("UPDATE staff SET team_id = ? WHERE id = ?", world.teamA2().id(), sam.id());
        fixtures.execute("UPDATE staff_team_history SET to_date = ? WHERE staff_id = ? AND to_date IS NULL", Date.valueOf(m1.atEndOfMonth()), sam.id());
        fixtures.execute("INSERT INTO staff_team_history (id, staff_id, team_id, service_id, from_date, to_date, recorded_at) VALUES (?, ?, ?, ?, ?, NULL, ?)",
                Ids.newId(), sam.id(), world.teamA2().id(), world.serviceA().id(), Date.valueOf(m2.atDay(1)), Timestamp.from(Instant.now()));

        sourceFacts.rebuild(world.org().id());
        MeasurePeriod period = new MeasurePeriod(m1, m2, today);
        // Directorate, m1..m2: d1..d5 signed = 5; recorded d1, d2 = 2 (d3 has a reason) -> 2/5.
        Map<String, Figure> all = discussions.figures(directorate(world), period);
        assertShare(all.get(CaseDiscussionMeasures.VIEW_RECORDED), 2, 5, 5);
        // Reasons: too young d3, not seen d5, declined d4; group: the 5 discussions.
        Figure reasons = all.get(CaseDiscussionMeasures.REASON_GIVEN);
        assertEquals(List.of(new Figure.Part("Too young to give a view", 1L, null), new Figure.Part("Not seen since the last discussion", 1L, null),
                new Figure.Part("Declined to give a view", 1L, null)), reasons.parts());
        assertEquals(5, reasons.groupSize());

        // Service A: d1..d4 = 4, recorded 2; team A2 (Sam from m2): d2..d4 = 3, recorded d2 -> 1/3; Sam himself 4, 2.
        assertShare(discussions.figures(service(world, world.serviceA().id()), period).get(CaseDiscussionMeasures.VIEW_RECORDED), 2, 4, 4);
        assertShare(discussions.figures(team(world, world.teamA2()), period).get(CaseDiscussionMeasures.VIEW_RECORDED), 1, 3, 3);
        assertShare(discussions.figures(person(world, sam.staff()), period).get(CaseDiscussionMeasures.VIEW_RECORDED), 2, 4, 4);

        // Breakdown: services A (4, 2 recorded) and B (d5: 1, none); service A's teams A1 (d1: 1/1) and A2 (1/3).
        Map<String, Map<String, Figure>> services = discussions.breakdown(directorate(world), period, Set.of(CaseDiscussionMeasures.VIEW_RECORDED));
        assertEquals(Set.of(world.serviceA().id(), world.serviceB().id()), services.keySet());
        assertShare(services.get(world.serviceA().id()).get(CaseDiscussionMeasures.VIEW_RECORDED), 2, 4, 4);
        assertShare(services.get(world.serviceB().id()).get(CaseDiscussionMeasures.VIEW_RECORDED), 0, 1, 1);
        assertTrue(!services.get(world.serviceA().id()).containsKey(CaseDiscussionMeasures.REASON_GIVEN), "only the keys asked for");
        Map<String, Map<String, Figure>> teams = discussions.breakdown(service(world, world.serviceA().id()), period, Set.of(CaseDiscussionMeasures.VIEW_RECORDED));
        assertShare(teams.get(world.teamA1().id()).get(CaseDiscussionMeasures.VIEW_RECORDED), 1, 1, 1);
        assertShare(teams.get(world.teamA2().id()).get(CaseDiscussionMeasures.VIEW_RECORDED), 1, 3, 3);

        // Series: m1 d1 (1/1); m2 d2..d5 (d2 recorded: 1/4).
        Map<YearMonth, Figure> series = discussions.series(directorate(world), CaseDiscussionMeasures.VIEW_RECORDED, period);
        assertEquals(Set.of(m1, m2), series.keySet());
        assertShare(series.get(m1), 1, 1, 1);
        assertShare(series.get(m2), 1, 4, 4);
        // Per team of service A by month: A1 only in m1, A2 only in m2; the reasons' series for m2: d3, d5, d4.
        Map<String, Map<YearMonth, Figure>> perTeam = discussions.seriesBreakdown(service(world, world.serviceA().id()), CaseDiscussionMeasures.VIEW_RECORDED, period);
        assertEquals(Set.of(m1), perTeam.get(world.teamA1().id()).keySet());
        assertShare(perTeam.get(world.teamA2().id()).get(m2), 1, 3, 3);
        assertEquals(3, discussions.series(directorate(world), CaseDiscussionMeasures.REASON_GIVEN, period).get(m2).numerator());

        // This month alone: d6 recorded, 1/1.
        assertShare(discussions.figures(directorate(world), new MeasurePeriod(m3, m3, today)).get(CaseDiscussionMeasures.VIEW_RECORDED), 1, 1, 1);
    }

    @Test
    void decisionsCountInTheTeamCopiedAtSigningAndExactly24HoursIsInTime() {
        World.Person sol = world.person(world.teamA1(), "Sol", Role.SUPERVISOR);
        Staff wren = world.worker(world.teamA1(), "Wren", "Worker");
        Staff bea = world.worker(world.teamB1(), "Bea", "Worker");
        String child = child(wren);
        String other = child(bea);
        Instant now = Instant.now();
        decision(child, wren, wren.teamId(), sol, at(m2, 10, 12), Duration.ofHours(2));                    // A: in time
        decision(child, wren, wren.teamId(), sol, at(m2, 12, 12), Duration.ofHours(24));                   // B: exactly 24 h, in time
        decision(child, wren, wren.teamId(), sol, at(m2, 13, 12), Duration.ofHours(24).plusSeconds(1));    // C: late
        decision(child, wren, wren.teamId(), sol, now.minus(Duration.ofMinutes(30)), null);                 // D: not yet due
        decision(child, wren, wren.teamId(), sol, at(m2, 20, 12), null);                                    // E: waiting
        decision(other, bea, bea.teamId(), sol, at(m2, 15, 12), Duration.ofHours(1));                       // F: B1, in time
        decision(other, bea, bea.teamId(), sol, at(m1, 15, 12), Duration.ofHours(1));                       // G: before the period
        decision(child, wren, world.teamA2().id(), sol, at(m2, 5, 12), Duration.ofHours(30));               // H: Wren was in A2 then; late

        sourceFacts.rebuild(world.org().id());
        MeasurePeriod period = new MeasurePeriod(m2, m3, today);
        String key = DecisionMeasures.FILED_WITHIN_24_HOURS;
        // Directorate: A B C D E F H = 7 signed; D not yet due leaves 6; in time A B F = 3 -> 3/6.
        assertShare(decisions.figures(directorate(world), period).get(key), 3, 6, 7);
        // Service A: A B C D E H = 6, less D = 5, in time A B -> 2/5; Wren the same; service B: F, 1/1.
        assertShare(decisions.figures(service(world, world.serviceA().id()), period).get(key), 2, 5, 6);
        assertShare(decisions.figures(person(world, wren), period).get(key), 2, 5, 6);
        Map<String, Map<String, Figure>> services = decisions.breakdown(directorate(world), period, Set.of(key));
        assertShare(services.get(world.serviceB().id()).get(key), 1, 1, 1);
        // Teams of A: A1 = A B C D E (5, less D = 4, in time 2); A2 = H (0/1), though Wren is in A1 now.
        Map<String, Map<String, Figure>> teams = decisions.breakdown(service(world, world.serviceA().id()), period, Set.of(key));
        assertShare(teams.get(world.teamA1().id()).get(key), 2, 4, 5);
        assertShare(teams.get(world.teamA2().id()).get(key), 0, 1, 1);
        // Series: m2 = A B C E F H (6, in time 3); m3 = D alone, nothing to divide by. (G is in m1, outside.)
        Map<YearMonth, Figure> series = decisions.series(directorate(world), key, period);
        assertShare(series.get(m2), 3, 6, 6);
        assertShare(series.get(m3), 0, 0, 1);
        assertShare(decisions.seriesBreakdown(service(world, world.serviceA().id()), key, period).get(world.teamA2().id()).get(m2), 0, 1, 1);
        // m1 alone: G, in time.
        assertShare(decisions.figures(directorate(world), new MeasurePeriod(m1, m1, today)).get(key), 1, 1, 1);
    }

    private long position = 1;

    private void decision(String childId, Staff worker, String teamId, World.Person maker, Instant signedAt, Duration acknowledgedAfter) {
        String id = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO case_decision (id, organisation_id, feed_position, kind, child_id, worker_staff_id, team_id, decision_text,"
                        + " made_by_staff_id, made_by_account_id, decided_at, signed_at, content_hash) VALUES (?, ?, ?, 'MANAGEMENT', ?, ?, ?, 'A decision', ?, ?, ?, ?, ?)",
                id, world.org().id(), position++, childId, worker.id(), teamId, maker.id(), maker.account().id(),
                Timestamp.from(signedAt), Timestamp.from(signedAt), "0".repeat(64));
        if (acknowledgedAfter != null) {
            fixtures.execute("INSERT INTO case_decision_acknowledgement (decision_id, organisation_id, client_id, acknowledged_at) VALUES (?, ?, 'cms', ?)",
                    id, world.org().id(), Timestamp.from(signedAt.plus(acknowledgedAfter)));
        }
    }

    private String child(Staff worker) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                + "VALUES (?, ?, 'Amelia Brown', ?, ?, 1, ?, ?)", id, world.org().id(), Fixtures.unique("CV"), worker.id(), now, now);
        return id;
    }

    /** Moves a signed discussion to noon on a day: held and signed then. */
    private void place(String id, YearMonth month, int day) {
        fixtures.execute("UPDATE case_discussion SET discussed_on = ?, signed_at = ? WHERE id = ?", Date.valueOf(month.atDay(day)),
                Timestamp.from(at(month, day, 12)), id);
    }

    private static Map<String, Object> recorded() {
        return Map.of("status", "RECORDED", "view", "Wants to stay with her nan.", "seenAlone", true);
    }

    private String token(World.Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }

    /** A draft written with this child's voice; returns its URL and the ETag. */
    private String[] written(World.Person supervisor, World.Person supervisee, Map<String, Object> voice) {
        String childId = child(supervisee.staff());
        String token = token(supervisor);
        Api.Response created = api.post("/api/v1/case-discussions", token, Map.of("childId", childId));
        assertEquals(201, created.status(), created.body());
        String url = "/api/v1/case-discussions/" + created.json().get("id").asText();
        Map<String, Object> body = new HashMap<>(Map.of("discussedOn", today.toString(),
                "answers", List.of(Map.of("key", "worries", "text", "Attendance.", "notApplicable", false)),
                "childVoice", voice, "decisions", List.of(), "actions", List.of()));
        Api.Response put = api.put(url, token, body, api.get(url, token).header("ETag"));
        assertEquals(200, put.status(), put.body());
        return new String[]{url, put.header("ETag")};
    }

    /** Written and signed by both; returns the discussion's id. */
    private String signed(World.Person supervisor, World.Person supervisee, Map<String, Object> voice) {
        String[] draft = written(supervisor, supervisee, voice);
        Api.Response first = api.post(draft[0] + "/signatures", token(supervisor), null, draft[1]);
        assertEquals(200, first.status(), first.body());
        Api.Response second = api.post(draft[0] + "/signatures", token(supervisee), null, first.header("ETag"));
        assertEquals("SIGNED", second.json().get("status").asText(), second.body());
        return draft[0].substring(draft[0].lastIndexOf('/') + 1);
    }
}
