package uk.supervision.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World.Person;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cursor is bound to the list that issued it: a genuine next-page cursor of one list, sent to any
 * other list, is a 400 problem naming the cursor (before, a staff cursor sent to /sessions or a services
 * cursor sent to /actions was read as a date and answered 500), and every list still pages on its own.
 */
@MicronautTest(transactional = false)
class CursorAcrossListsApiTest extends ApiTest {

    /** One list: where it is, and who may read it. */
    private record Listing(String path, String token) {
        String page(String cursor) {
            String query = path.contains("?") ? "&" : "?";
            return path + query + "limit=1" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCursorOfOneListIsRefusedByEveryOtherAndEachListPagesWithItsOwn() {
        Person sam = world.person(world.teamA1(), "Sam", Role.SUPERVISOR, Role.PRACTITIONER);
        Person pat = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        Person lee = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        Person hana = world.person(world.teamA1(), "Hana", Role.HR);
        Person quin = world.person(world.teamA1(), "Quin", Role.QA_AUDITOR);
        Person admin = world.accountOnly(Role.ADMIN);
        world.supervise(sam.staff(), pat.staff());
        world.supervise(sam.staff(), lee.staff());
        for (Person p : List.of(pat, lee)) {
            fixtures.agreement(world.org(), p.staff(), sam.staff(), "ACTIVE");
            fixtures.session(world.org(), p.staff(), sam.staff());
            fixtures.action(world.org(), p.staff());
        }
        String adminToken = token(admin);
        String hr = token(hana);
        String qa = token(quin);
        for (int i = 0; i < 2; i++) {
            Api.Response client = api.post("/api/v1/machine-clients", adminToken,
                    Map.of("name", Fixtures.unique("HR system"), "scopes", List.of("staff.read")));
            assertEquals(201, client.status(), client::body);
        }
        // Two reads of Pat's agreements, so Pat's own "who read my records" has two entries.
        assertEquals(200, api.get("/api/v1/agreements?superviseeId=" + pat.id(), qa).status());
        assertEquals(200, api.get("/api/v1/agreements?superviseeId=" + pat.id(), qa).status());

        Map<String, Listing> lists = new LinkedHashMap<>();
        lists.put("services", new Listing("/api/v1/services", adminToken));
        lists.put("teams", new Listing("/api/v1/teams", adminToken));
        lists.put("policy profiles", new Listing("/api/v1/policy-profiles", adminToken));
        lists.put("machine clients", new Listing("/api/v1/machine-clients", adminToken));
        lists.put("staff", new Listing("/api/v1/staff", hr));
        lists.put("supervision relations", new Listing("/api/v1/supervision-relations?current=false", hr));
        lists.put("agreements", new Listing("/api/v1/agreements", qa));
        lists.put("sessions", new Listing("/api/v1/sessions", qa));
        lists.put("actions", new Listing("/api/v1/actions", qa));
        lists.put("my activity", new Listing("/api/v1/me/activity", token(pat)));
        lists.put("activity", new Listing("/api/v1/activity", qa));

        Map<String, String> cursors = new LinkedHashMap<>();
        lists.forEach((name, list) -> {
            Api.Response first = api.get(list.page(null), list.token());
            assertEquals(200, first.status(), () -> name + ": " + first.body());
            JsonNode next = first.json().get("nextCursor");
            assertNotNull(next, () -> name + " has a second page: " + first.body());
            cursors.put(name, next.asText());

            // Its own cursor still pages: the next page is another entry.
            Api.Response second = api.get(list.page(next.asText()), list.token());
            assertEquals(200, second.status(), () -> name + ", second page: " + second.body());
            Set<String> firstIds = ids(first.json());
            Set<String> secondIds = ids(second.json());
            assertEquals(1, firstIds.size(), name);
            assertEquals(1, secondIds.size(), () -> name + ", second page: " + second.body());
            assertFalse(firstIds.containsAll(secondIds), () -> name + ": the second page repeats the first");
        });

        List<String> wrong = new ArrayList<>();
        cursors.forEach((from, cursor) -> lists.forEach((to, list) -> {
            if (from.equals(to)) {
                return;
            }
            Api.Response r = api.get(list.page(cursor), list.token());
            String pointer = r.status() == 400 && r.contentType() != null && r.contentType().startsWith("application/problem+json")
                    ? r.json().path("errors").path(0).path("pointer").asText() : null;
            if (!"#cursor".equals(pointer)) {
                wrong.add("a cursor of " + from + " sent to " + to + ": " + r.status() + " " + r.body());
            }
        }));
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " of " + cursors.size() * (cursors.size() - 1)
                + " foreign cursors were not a 400 naming the cursor:\n  " + String.join("\n  ", wrong));
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.get("items").forEach(i -> ids.add(i.has("id") ? i.get("id").asText() : i.toString()));
        return ids;
    }

    private String token(Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }
}
