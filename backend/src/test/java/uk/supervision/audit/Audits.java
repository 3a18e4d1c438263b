package uk.supervision.audit;

import com.fasterxml.jackson.databind.JsonNode;
import uk.supervision.testing.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shortcuts for the audit tests: the Coventry audit answered in full, a draft started over the API, a completed audit. */
final class Audits {
    /** The 1-5 rated questions of the Coventry audit template. */
    static final List<String> RATED = List.of("q1", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q12");
    static final List<String> CHECKLIST = List.of("q11_job_description", "q11_supervision_agreement", "q11_dbs_check", "q11_open_cases",
            "q11_practice_observation", "q11_learning_plan", "q11_absence_records", "q11_return_to_work", "q11_sickness_notifications",
            "q11_self_certifications", "q11_medical_certificates", "q11_occupational_health");

    private Audits() {
    }

    static Map<String, Object> answer(String key, String value) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("key", key);
        a.put("value", value);
        return a;
    }

    /** Every required question answered: ratings 2 (q9 given 4), Yes for the checklist, the grade given. */
    static List<Map<String, Object>> allAnswers(String grade) {
        List<Map<String, Object>> out = new ArrayList<>();
        RATED.forEach(k -> out.add(answer(k, k.equals("q9") ? "4" : "2")));
        out.add(answer("q2", "YES"));
        CHECKLIST.forEach(k -> out.add(answer(k, "YES")));
        out.add(answer("q13a", grade));
        return out;
    }

    static Map<String, Object> action(String text, String ownerId, LocalDate due) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("text", text);
        if (ownerId != null) {
            a.put("ownerId", ownerId);
        }
        if (due != null) {
            a.put("dueDate", due.toString());
        }
        return a;
    }

    static Map<String, Object> update(List<Map<String, Object>> answers, List<Map<String, Object>> actions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("periodFrom", LocalDate.now().minusMonths(3).toString());
        body.put("periodTo", LocalDate.now().toString());
        body.put("answers", answers);
        body.put("actions", actions);
        return body;
    }

    /** An ad hoc audit of the supervisee started by the auditor; returns the response. */
    static JsonNode start(Api api, String auditor, String superviseeId) {
        Api.Response r = api.post("/api/v1/audits", auditor, Map.of("superviseeId", superviseeId, "kind", "AD_HOC"));
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    /** Written in full with the grade and actions given, then completed; returns the completed audit. */
    static JsonNode completed(Api api, String auditor, String superviseeId, String grade, List<Map<String, Object>> actions) {
        JsonNode draft = start(api, auditor, superviseeId);
        String url = "/api/v1/audits/" + draft.get("id").asText();
        Api.Response written = api.put(url, auditor, update(allAnswers(grade), actions), "\"v" + draft.get("version").asInt() + "\"");
        assertEquals(200, written.status(), written.toString());
        Api.Response done = api.post(url + "/completion", auditor, null, written.header("ETag"));
        assertEquals(200, done.status(), done.toString());
        return done.json();
    }

    static List<String> pointers(JsonNode errors) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.get("pointer").asText()));
        return out;
    }
}
