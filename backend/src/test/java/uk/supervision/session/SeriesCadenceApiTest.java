package uk.supervision.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A series is booked at the interval in force for the person on each date, on exactly the dates the booking
 * page previews (one server-side function gives both): Central Bedfordshire's new starter fortnightly for the
 * first four months then four-weekly, administrative staff eight-weekly.
 */
@MicronautTest(transactional = false)
class SeriesCadenceApiTest extends ApiTest {
    static final String CENTRAL_BEDFORDSHIRE = "00000000-0000-7000-8000-000000000002";
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    World.Person priya;
    String supervisor;

    @BeforeEach
    void centralBedfordshire() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        Api.Response current = api.get("/api/v1/organisation/policy", admin);
        Api.Response adopted = api.put("/api/v1/organisation/policy", admin, Map.of("profileId", CENTRAL_BEDFORDSHIRE, "overrides", Map.of()),
                current.header("ETag"));
        assertEquals(200, adopted.status(), adopted.body());
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
    }

    private Staff person(String given, String category, LocalDate started) {
        Staff s = fixtures.staff(world.org(), world.teamA1(), null, given, "Tester", category, "PERMANENT", started);
        fixtures.supervise(priya.staff(), s, started);
        return s;
    }

    @Test
    void aNewStarterIsBookedFortnightlyForFourMonthsThenFourWeeklyOnTheDatesPreviewed() {
        LocalDate started = today.minusMonths(1);
        Staff nia = person("Nia", "REGISTERED_SOCIAL_WORKER", started);
        LocalDate first = today.plusDays(3);
        // Worked by hand from the procedure: 2 weeks while before start + 4 months, 4 weeks from then.
        List<String> expected = new ArrayList<>();
        LocalDate d = first;
        for (int i = 0; i < 8; i++) {
            expected.add(d.toString());
            d = d.plusWeeks(d.isBefore(started.plusMonths(4)) ? 2 : 4);
        }

        JsonNode preview = previewed(nia, first, 8);
        assertEquals(expected, dates(preview));
        assertEquals("P14D", preview.get(0).get("interval").asText());
        assertEquals("CADENCE_STEP", preview.get(0).get("intervalSource").asText());
        assertEquals("P28D", preview.get(7).get("interval").asText());

        List<String> booked = book(nia, first, 8);
        assertEquals(dates(preview), booked, "the booking books exactly the dates previewed");
        assertEquals(expected, storedDates(nia));
    }

    @Test
    void administrativeStaffAreBookedEveryEightWeeksOnTheDatesPreviewed() {
        Staff ada = person("Ada", "ADMINISTRATIVE", today.minusYears(3));
        LocalDate first = today.plusDays(10);
        List<String> expected = List.of(first.toString(), first.plusWeeks(8).toString(), first.plusWeeks(16).toString());

        JsonNode preview = previewed(ada, first, 3);
        assertEquals(expected, dates(preview));
        assertEquals("CATEGORY", preview.get(0).get("intervalSource").asText());
        assertEquals(dates(preview), book(ada, first, 3));
        assertEquals(expected, storedDates(ada));
    }

    @Test
    void theNextDatesAfterASessionContinueTheCadenceAndAreBookedAsShown() {
        Staff ada = person("Ada", "ADMINISTRATIVE", today.minusYears(3));
        JsonNode next = api.get("/api/v1/staff/" + ada.id() + "/session-dates?after=" + today.minusDays(1) + "&count=3", supervisor).json().get("items");
        LocalDate first = today.minusDays(1).plusWeeks(8);
        assertEquals(List.of(first.toString(), first.plusWeeks(8).toString(), first.plusWeeks(16).toString()), dates(next));
        assertEquals(dates(next), book(ada, first, 3));

        // Long overdue: the next date is today, not a date already passed.
        JsonNode overdue = api.get("/api/v1/staff/" + ada.id() + "/session-dates?after=" + today.minusMonths(5) + "&count=1", supervisor).json();
        assertEquals(today.toString(), overdue.get("items").get(0).get("date").asText(), overdue.toString());

        // A given interval wins, and says so by having no source.
        JsonNode given = api.get("/api/v1/staff/" + ada.id() + "/session-dates?first=" + first + "&count=2&intervalWeeks=3", supervisor).json();
        assertEquals(List.of(first.toString(), first.plusWeeks(3).toString()), dates(given.get("items")));
        assertEquals(false, given.get("items").get(0).has("intervalSource"));
    }

    @Test
    void onlyThoseWhoArrangeTheSupervisionSeeThePreviewAndBadAsksAreRefused() {
        Staff ada = person("Ada", "ADMINISTRATIVE", today.minusYears(3));
        String colleague = api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        String url = "/api/v1/staff/" + ada.id() + "/session-dates?count=3&first=" + today.plusDays(1);
        assertEquals(403, api.get(url, colleague).status());
        assertEquals(400, api.get("/api/v1/staff/" + ada.id() + "/session-dates?count=3", supervisor).status(), "first or after is needed");
        Api.Response beforeStart = api.get("/api/v1/staff/" + ada.id() + "/session-dates?count=1&first=" + today.minusYears(4), supervisor);
        assertEquals(422, beforeStart.status());
        assertEquals("#first", beforeStart.json().get("errors").get(0).get("pointer").asText());
        Api.Response tooFar = api.get("/api/v1/staff/" + ada.id() + "/session-dates?count=12&first=" + today.plusYears(2).minusWeeks(10), supervisor);
        assertEquals(422, tooFar.status());
        assertEquals("#count", tooFar.json().get("errors").get(0).get("pointer").asText());
    }

    private JsonNode previewed(Staff person, LocalDate first, int count) {
        Api.Response r = api.get("/api/v1/staff/" + person.id() + "/session-dates?first=" + first + "&count=" + count, supervisor);
        assertEquals(200, r.status(), r.body());
        return r.json().get("items");
    }

    private List<String> book(Staff person, LocalDate first, int count) {
        Map<String, Object> plan = SessionApiTest.plan(List.of(person.id()), first, count);
        Api.Response r = api.post("/api/v1/sessions", supervisor, plan);
        assertEquals(201, r.status(), r.body());
        return dates(r.json().get("items"));
    }

    private List<String> storedDates(Staff person) {
        List<String> out = new ArrayList<>();
        api.get("/api/v1/sessions?superviseeId=" + person.id(), supervisor).json().get("items").forEach(i -> out.add(i.get("date").asText()));
        assertEquals(out.size(), fixtures.count("SELECT COUNT(*) FROM session_participant WHERE supervisee_id = ?", person.id()));
        return out;
    }

    private static List<String> dates(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("date").asText()));
        return out;
    }
}
