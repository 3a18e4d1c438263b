package uk.supervision.testing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Agreements and session records brought to the point of signing (or signed) over the real API. */
public final class Signing {
    private static final List<String> COVENTRY_AGENDA = List.of("workload_caseload", "performance_feedback", "work_personal_issues",
            "learning_reflective_practice", "aob");

    private Signing() {
    }

    /** A drafted and submitted agreement: its URL and the ETag both parties sign with. */
    public record Ready(String url, String etag) {
    }

    public static Ready submittedAgreement(Api api, String supervisor, String superviseeId) {
        return submittedAgreement(api, supervisor, superviseeId, 4);
    }

    public static Ready submittedAgreement(Api api, String supervisor, String superviseeId, int intervalWeeks) {
        Map<String, Object> body = new HashMap<>();
        body.put("superviseeId", superviseeId);
        body.put("intervalWeeks", intervalWeeks);
        body.put("durationMinutes", 90);
        body.put("location", "Team room " + Fixtures.unique("r"));
        body.put("escalationPeriod", "P6W");
        body.put("answers", List.of(Map.of("key", "purpose", "text", "Accountable, reflective practice and support.")));
        Api.Response drafted = api.post("/api/v1/agreements", supervisor, body);
        assertEquals(201, drafted.status(), drafted.body());
        String url = "/api/v1/agreements/" + drafted.json().get("id").asText();
        Api.Response submitted = api.post(url + "/submission", supervisor, null, drafted.header("ETag"));
        assertEquals(200, submitted.status(), submitted.body());
        return new Ready(url, submitted.header("ETag"));
    }

    /** Signed by both: the agreement id. */
    public static String activeAgreement(Api api, String supervisor, String supervisee, String superviseeId) {
        return activeAgreement(api, supervisor, supervisee, superviseeId, 4);
    }

    /** Signed by both, agreeing supervision every so many weeks: the agreement id. */
    public static String activeAgreement(Api api, String supervisor, String supervisee, String superviseeId, int intervalWeeks) {
        Ready ready = submittedAgreement(api, supervisor, superviseeId, intervalWeeks);
        String etag = api.post(ready.url() + "/signatures", supervisor, null, ready.etag()).header("ETag");
        Api.Response active = api.post(ready.url() + "/signatures", supervisee, null, etag);
        assertEquals("ACTIVE", active.json().get("status").asText(), active.body());
        return active.json().get("id").asText();
    }

    /** A one-to-one session on this day, planned and marked held by the supervisor: its id. */
    public static String heldSession(Api api, String supervisor, String superviseeId, LocalDate date) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("superviseeIds", List.of(superviseeId));
        plan.put("date", date.toString());
        plan.put("startTime", "00:00");   // started, whatever the time of the run
        plan.put("plannedMinutes", 90);
        plan.put("location", "Room 3");
        String id = api.post("/api/v1/sessions", supervisor, plan).json().get("items").get(0).get("id").asText();
        String session = "/api/v1/sessions/" + id;
        assertEquals(200, api.post(session + "/held", supervisor, Map.of("actualMinutes", 90), api.get(session, supervisor).header("ETag")).status());
        return id;
    }

    /** A session held today with its record written (and commented on): the record URL and its ETag. */
    public static Ready writtenRecord(Api api, String supervisor, String superviseeId) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String session = "/api/v1/sessions/" + heldSession(api, supervisor, superviseeId, today);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String key : COVENTRY_AGENDA) {
            entries.add(Map.of("key", key, "text", "Discussed " + key.replace('_', ' ') + ".", "notApplicable", false));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("entries", entries);
        body.put("reflection", "What the child's view tells us about the plan.");
        body.put("futureAgenda", "Court timetable");
        body.put("nextDate", today.plusWeeks(4).toString());
        body.put("personalIssuesDiscussed", true);
        body.put("confidentialNotes", "Bereavement leave discussed.");
        body.put("actionReviews", List.of());
        String url = session + "/record";
        Api.Response written = api.put(url, supervisor, body, api.get(url, supervisor).header("ETag"));
        assertEquals(200, written.status(), written.body());
        Api.Response commented = api.post(url + "/notes", supervisor, Map.of("kind", "COMMENT", "text", "Agreed in the room."));
        assertEquals(201, commented.status(), commented.body());
        return new Ready(url, commented.header("ETag"));
    }

    /** Written, signed by both and locked, with one addendum: the session id. */
    public static String signedRecord(Api api, String supervisor, String supervisee, String superviseeId) {
        Ready ready = writtenRecord(api, supervisor, superviseeId);
        String etag = api.post(ready.url() + "/signatures", supervisor, null, ready.etag()).header("ETag");
        Api.Response locked = api.post(ready.url() + "/signatures", supervisee, null, etag);
        assertEquals("SIGNED", locked.json().get("status").asText(), locked.body());
        Api.Response addendum = api.post(ready.url() + "/notes", supervisee, Map.of("kind", "ADDENDUM", "text", "Visit rebooked."));
        assertEquals(201, addendum.status(), addendum.body());
        return locked.json().get("sessionId").asText();
    }
}
