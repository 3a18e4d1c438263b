package uk.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;
import uk.supervision.testing.World.Person;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input, generated from openapi.yaml for EVERY operation in it (operations added later are included
 * without touching this file): per parameter and per body field, values of the wrong type, in a bad format,
 * out of range, too long, crafted cursors, and per body broken JSON, invalid UTF-8, duplicate keys, deep
 * nesting. Each goes over real HTTP with the token of a role that gets past the operation's role rule, and
 * must be answered 400/422 problem+json (or 401/403/404/413/415 where that rule answers first), never 5xx,
 * with no row of any table changed.
 *
 * Sampling: every field gets each kind of bad value that applies to its type, but only the first
 * {@link #MAX_FIELDS} fields of a body, one level into array items, so the run stays well under a minute.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final int MAX_FIELDS = 12;
    private static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404, 413, 415, 422);
    private static final Set<Integer> VALIDATION = Set.of(400, 413, 415, 422);
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Fingerprint fingerprint;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private OpenAPI contract;
    /** Callers in the order they are tried; the first that gets past an operation's role rule is used. */
    private final Map<String, String> callers = new LinkedHashMap<>();
    /** Real ids for path parameters by name, so a bad body is the only thing wrong with a request. */
    private final Map<String, String> ids = new TreeMap<>();
    private String machineClient;

    @BeforeAll
    void setUp() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(true);
        contract = new OpenAPIV3Parser().read(ContractBoundsTest.contract().toString(), null, options);
        assertNotNull(contract, "openapi.yaml parses");

        Api api = new Api(server.getURI());
        World world = fixtures.organisation();
        Person meg = world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER);
        Person sam = world.person(world.teamA1(), "Sam", Role.SUPERVISOR);
        Person pat = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        Person hr = world.person(world.teamA1(), "Hana", Role.HR);
        Person qa = world.person(world.teamA1(), "Quin", Role.QA_AUDITOR);
        Person admin = world.accountOnly(Role.ADMIN);
        world.supervise(meg.staff(), sam.staff());
        world.supervise(sam.staff(), pat.staff());
        for (Person p : List.of(sam, pat, hr, meg, admin, qa)) {
            callers.put(p.username(), api.token(p.username(), Fixtures.PASSWORD));
        }
        Api.Response client = api.post("/api/v1/machine-clients", callers.get(admin.username()),
                Map.of("name", Fixtures.unique("HR system"), "scopes", List.of("staff.read", "staff.write")));
        assertEquals(201, client.status(), client::body);
        machineClient = client.json().get("clientId").asText() + ":" + client.json().get("clientSecret").asText();

        ids.put("staffId", pat.id());
        ids.put("teamId", world.teamA1().id());
        ids.put("serviceId", world.serviceA().id());
        ids.put("sessionId", fixtures.session(world.org(), pat.staff(), sam.staff()));
        ids.put("agreementId", fixtures.agreement(world.org(), pat.staff(), sam.staff(), "DRAFT"));
        ids.put("actionId", fixtures.action(world.org(), pat.staff()));
        ids.put("profileId", fixtures.string("SELECT MIN(id) FROM policy_profile"));
        // issue 9: audits (a QA auditor's draft of Pat's file)
        Api.Response audit = api.post("/api/v1/audits", callers.get(qa.username()), Map.of("superviseeId", pat.id(), "kind", "AD_HOC"));
        assertEquals(201, audit.status(), audit::body);
        ids.put("auditId", audit.json().get("id").asText());
    }

    /** The "no row changed" check sees revocations and a moved chain end, which change neither a version nor updated_at. */
    @Test
    void theFingerprintSeesATokenGenerationBumpAndAChainHeadChange() {
        World world = fixtures.organisation();
        Person someone = world.person(world.teamA1(), "Tess", Role.PRACTITIONER);
        // Every organisation starts its chain when it is created.
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM chain_head WHERE organisation_id = ?", world.org().id()));
        Map<String, String> before = fingerprint.take();
        fixtures.execute("UPDATE account SET token_generation = token_generation + 1 WHERE id = ?", someone.account().id());
        Map<String, String> bumped = fingerprint.take();
        assertNotEquals(before.get("account"), bumped.get("account"), "a token generation bump is seen");

        String hash = fixtures.string("SELECT last_hash FROM chain_head WHERE organisation_id = ?", world.org().id());
        try {
            fixtures.execute("UPDATE chain_head SET last_hash = ? WHERE organisation_id = ?", "f".repeat(64), world.org().id());
            assertNotEquals(bumped, fingerprint.take(), "a chain head's hash changed in place is seen");
        } finally {
            fixtures.execute("UPDATE chain_head SET last_hash = ? WHERE organisation_id = ?", hash, world.org().id());
        }
        assertEquals(bumped, fingerprint.take(), "and nothing else moved");
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesBadInputWithAProblemAndChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        contract.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, op) -> {
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (op.getParameters() != null) {
                parameters.addAll(op.getParameters());
            }
            tests.add(DynamicTest.dynamicTest(op.getOperationId() + ": " + method + " " + template,
                    () -> check(method.name(), template, op, parameters)));
        }));
        return tests.stream();
    }

    private void check(String method, String template, Operation op, List<Parameter> parameters) {
        List<Bad> cases = cases(method, template, op, parameters);
        String caller = callerFor(op, cases);
        Map<String, String> before = fingerprint.take();
        List<String> wrong = new ArrayList<>();
        int validated = 0;
        for (Bad bad : cases) {
            Answer answer = send(bad, caller);
            String problem = answer.problemOf(bad);
            if (problem != null) {
                wrong.add(problem);
            } else if (VALIDATION.contains(answer.status())) {
                validated++;
            }
        }
        Map<String, String> after = fingerprint.take();
        assertTrue(wrong.isEmpty(), () -> op.getOperationId() + ": " + wrong.size() + " of " + cases.size()
                + " bad requests were not refused properly:\n  " + String.join("\n  ", wrong));
        assertEquals(before, after, op.getOperationId() + ": bad input changed the database");
        if (!cases.isEmpty()) {
            int total = cases.size();
            int refused = validated;
            assertTrue(refused > 0, () -> op.getOperationId() + ": none of " + total
                    + " bad requests reached validation (every answer came from the access rules); no caller fits this operation");
        }
    }

    /** The first caller whose answer to the first bad request is not an access refusal. */
    private String callerFor(Operation op, List<Bad> cases) {
        boolean form = body(op) != null && FORM.equals(body(op).getKey());
        if (form) {
            return machineClient;
        }
        if (op.getSecurity() != null && op.getSecurity().stream().allMatch(Map::isEmpty)) {
            return null;  // a public operation
        }
        if (cases.isEmpty()) {
            return callers.values().iterator().next();
        }
        for (String token : callers.values()) {
            int status = send(cases.get(0), token).status();
            if (status != 401 && status != 403) {
                return token;
            }
        }
        return callers.values().iterator().next();
    }

    // ---- generating bad requests

    /** One bad request: what is wrong with it, and how to send it. */
    private record Bad(String what, String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    }

    private List<Bad> cases(String method, String template, Operation op, List<Parameter> parameters) {
        List<Bad> cases = new ArrayList<>();
        Map<String, String> validPath = new LinkedHashMap<>();
        Map<String, String> validQuery = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if ("path".equals(p.getIn())) {
                validPath.put(p.getName(), ids.getOrDefault(p.getName(), UUID.randomUUID().toString()));
            } else if ("query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired())) {
                validQuery.put(p.getName(), String.valueOf(valid(p.getSchema())));
            }
        }
        Map.Entry<String, MediaType> body = body(op);
        byte[] validBody = null;
        if (body != null && JSON.equals(body.getKey())) {
            validBody = Api.json(valid(body.getValue().getSchema())).getBytes(StandardCharsets.UTF_8);
        } else if (body != null && FORM.equals(body.getKey())) {
            validBody = "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8);
        }
        String contentType = body == null ? null : body.getKey();

        for (Parameter p : parameters) {
            if ("header".equals(p.getIn())) {
                for (String value : badHeaderValues(p.getSchema())) {
                    cases.add(new Bad("header " + p.getName() + "=" + abbreviate(value), method,
                            url(template, validPath, validQuery), contentType, validBody, Map.of(p.getName(), value)));
                }
                continue;
            }
            if (!"path".equals(p.getIn()) && !"query".equals(p.getIn())) {
                continue;
            }
            for (String raw : badParameterValues(p.getName(), p.getSchema())) {
                Map<String, String> path = new LinkedHashMap<>(validPath);
                Map<String, String> query = new LinkedHashMap<>(validQuery);
                (p.getIn().equals("path") ? path : query).put(p.getName(), raw);
                cases.add(new Bad(p.getIn() + " " + p.getName() + "=" + abbreviate(raw), method, url(template, path, query),
                        contentType, validBody, Map.of()));
            }
        }
        String url = url(template, validPath, validQuery);
        if (body != null && JSON.equals(body.getKey())) {
            Schema<?> schema = body.getValue().getSchema();
            Object valid = valid(schema);
            for (Map.Entry<String, Object> mutation : mutations("", schema, valid).entrySet()) {
                cases.add(new Bad("body " + mutation.getKey(), method, url, JSON,
                        mutation.getValue() instanceof byte[] bytes ? bytes : Api.json(mutation.getValue()).getBytes(StandardCharsets.UTF_8),
                        Map.of()));
            }
            for (Map.Entry<String, byte[]> broken : brokenBodies(valid).entrySet()) {
                cases.add(new Bad("body " + broken.getKey(), method, url, JSON, broken.getValue(), Map.of()));
            }
        } else if (body != null && FORM.equals(body.getKey())) {
            for (String form : List.of("grant_type=%ZZ", "grant_type=" + "x".repeat(5000), "grant_type=client_credentials&scope=%C3%28",
                    "grant_type=client_credentials&scope=" + "staff.read+".repeat(500), "\u0000\u0001")) {
                cases.add(new Bad("form " + abbreviate(form), method, url, FORM, form.getBytes(StandardCharsets.UTF_8), Map.of()));
            }
        }
        return cases;
    }

    private static Map.Entry<String, MediaType> body(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null || op.getRequestBody().getContent().isEmpty()) {
            return null;
        }
        return op.getRequestBody().getContent().entrySet().iterator().next();
    }

    private static String url(String template, Map<String, String> path, Map<String, String> query) {
        String url = template;
        for (Map.Entry<String, String> p : path.entrySet()) {
            url = url.replace("{" + p.getKey() + "}", p.getValue());
        }
        StringBuilder q = new StringBuilder();
        query.forEach((name, value) -> q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(value));
        return url + q;
    }

    /** Raw (already URL-encoded) bad values for a path or query parameter. */
    private static List<String> badParameterValues(String name, Schema<?> s) {
        List<String> values = new ArrayList<>();
        values.add("%C3%28");  // invalid UTF-8
        if (name.equals("cursor")) {
            values.addAll(List.of("bm90YWRhdGUfeHl6", "YR9iH2M", "YR9iH2M.AAAAAAAAAAAAAAAAAAAAAA", "%25%25%25", "A".repeat(600)));
            return values;
        }
        String type = s == null ? "string" : s.getType();
        if (s != null && s.getEnum() != null && !s.getEnum().isEmpty()) {
            values.add("NOT_ONE_OF_THEM");
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.addAll(List.of("abc", "1.5", "1e400", "99999999999999999999"));
            if (s.getMinimum() != null) {
                values.add(s.getMinimum().subtract(BigDecimal.ONE).toPlainString());
            }
            if (s.getMaximum() != null) {
                values.add(s.getMaximum().add(BigDecimal.ONE).toPlainString());
            }
        } else if ("string".equals(type) && "uuid".equals(s.getFormat())) {
            values.addAll(List.of("not-a-uuid", "123", UUID.randomUUID() + "x"));
        } else if ("string".equals(type) && "date".equals(s.getFormat())) {
            values.addAll(List.of("20260201", "%2B12026-01-01", "1581-10-10", "2101-01-01", "2026-02-30", "yesterday"));
        } else if ("string".equals(type) && s.getMaxLength() != null) {
            values.add("x".repeat(s.getMaxLength() + 1));
        }
        return values;
    }

    private static List<String> badHeaderValues(Schema<?> s) {
        List<String> values = new ArrayList<>();
        if (s != null && s.getMaxLength() != null) {
            values.add("x".repeat(s.getMaxLength() + 1));
        }
        if (s != null && s.getMinLength() != null && s.getMinLength() > 1) {
            values.add("x".repeat(s.getMinLength() - 1));
        }
        return values;
    }

    /** A value the schema accepts (as far as types, formats and ranges go). */
    private Object valid(Schema<?> s) {
        if (s == null) {
            return "x";
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return s.getEnum().get(0);
        }
        String type = s.getType() == null && s.getProperties() != null ? "object" : s.getType();
        if (type == null) {
            return "x";
        }
        switch (type) {
            case "object": {
                Map<String, Object> object = new LinkedHashMap<>();
                if (s.getProperties() != null && s.getRequired() != null) {
                    for (String name : s.getRequired()) {
                        Schema<?> property = s.getProperties().get(name);
                        if (property != null) {
                            object.put(name, name.endsWith("Id") && ids.containsKey(name) ? ids.get(name) : valid(property));
                        }
                    }
                }
                return object;
            }
            case "array": {
                List<Object> items = new ArrayList<>();
                int n = s.getMinItems() == null ? 1 : Math.max(1, s.getMinItems());
                for (int i = 0; i < n; i++) {
                    items.add(valid(s.getItems()));
                }
                return items;
            }
            case "integer":
                return s.getMinimum() != null ? s.getMinimum().longValue() : 1;
            case "number":
                return s.getMinimum() != null ? s.getMinimum() : BigDecimal.ONE;
            case "boolean":
                return false;
            default:
                if ("uuid".equals(s.getFormat())) {
                    return UUID.randomUUID().toString();
                }
                if ("date".equals(s.getFormat())) {
                    return "2030-01-15";
                }
                if ("date-time".equals(s.getFormat())) {
                    return "2030-01-15T10:00:00Z";
                }
                if ("email".equals(s.getFormat())) {
                    return Fixtures.unique("bad-input") + "@test.example";
                }
                if (s.getPattern() != null && s.getPattern().startsWith("^P")) {
                    return "P4W";
                }
                if (s.getPattern() != null && s.getPattern().contains("[0-5][0-9]")) {
                    return "10:00";
                }
                return "x".repeat(s.getMinLength() == null ? 1 : Math.max(1, s.getMinLength()));
        }
    }

    /** The valid body with one field made bad, by pointer and kind: wrong types, bad formats, out of range, too long. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> mutations(String pointer, Schema<?> s, Object valid) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(valid instanceof Map) || s.getProperties() == null) {
            return out;
        }
        Map<String, Object> base = (Map<String, Object>) valid;
        int fields = 0;
        for (Map.Entry<String, Schema> property : s.getProperties().entrySet()) {
            if (fields++ >= MAX_FIELDS) {
                break;
            }
            String name = property.getKey();
            Schema<?> ps = property.getValue();
            for (Object bad : badValues(ps)) {
                Map<String, Object> copy = new LinkedHashMap<>(base);
                copy.put(name, bad);
                out.put(pointer + "/" + name + "=" + abbreviate(String.valueOf(bad)), copy);
            }
            // one level into the items of an array of objects: /entries/0/text
            if ("array".equals(ps.getType()) && ps.getItems() != null && ps.getItems().getProperties() != null) {
                Object item = valid(ps.getItems());
                mutations(pointer + "/" + name + "/0", ps.getItems(), item).forEach((what, badItem) -> {
                    Map<String, Object> copy = new LinkedHashMap<>(base);
                    copy.put(name, List.of(badItem));
                    out.put(what, copy);
                });
            }
        }
        return out;
    }

    private static List<Object> badValues(Schema<?> s) {
        List<Object> values = new ArrayList<>();
        String type = s.getType();
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            values.addAll(List.of("NOT_ONE_OF_THEM", 1));
            return values;
        }
        if (type == null) {
            return values;
        }
        switch (type) {
            case "string" -> {
                values.addAll(List.of(10, true, Map.of(), List.of("x")));
                if ("date".equals(s.getFormat())) {
                    values.addAll(List.of("20260201", 20260201, "+12026-01-01", "1581-10-10", "1899-12-31", "2101-01-01", "2026-02-30",
                            "2026-02-01T00:00:00Z"));
                } else if ("uuid".equals(s.getFormat())) {
                    values.addAll(List.of("not-a-uuid", "", UUID.randomUUID() + "0"));
                } else if (s.getMaxLength() != null) {
                    values.add("x".repeat(s.getMaxLength() + 1));
                }
                if (s.getPattern() != null) {
                    values.add("not the pattern");
                }
            }
            case "integer" -> {
                values.addAll(List.of("90", 90.5, true, 1e40, List.of(1)));
                if (s.getMinimum() != null) {
                    values.add(s.getMinimum().longValue() - 1);
                }
                if (s.getMaximum() != null) {
                    values.add(s.getMaximum().add(BigDecimal.ONE).toBigInteger());
                }
            }
            case "number" -> {
                values.addAll(List.of("37.5", true, new BigDecimal("1e400")));
                if (s.getMaximum() != null) {
                    values.add(s.getMaximum().add(BigDecimal.ONE));
                }
                if (s.getMinimum() != null) {
                    values.add(s.getMinimum().subtract(BigDecimal.ONE));
                }
            }
            case "boolean" -> values.addAll(List.of("true", 1, "yes"));
            case "array" -> {
                values.addAll(List.of("x", Map.of()));
                if (s.getMaxItems() != null && s.getMaxItems() < 500) {
                    List<Object> many = new ArrayList<>();
                    for (int i = 0; i <= s.getMaxItems(); i++) {
                        many.add(s.getItems() != null && "object".equals(s.getItems().getType()) ? Map.of() : "x");
                    }
                    values.add(many);
                }
            }
            case "object" -> values.addAll(List.of("x", List.of()));
            default -> {
            }
        }
        return values;
    }

    /** Bodies that are not JSON of any shape, or JSON the service must refuse as a whole. */
    private static Map<String, byte[]> brokenBodies(Object valid) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        String json = Api.json(valid);
        bodies.put("broken JSON", (json.length() > 2 ? json.substring(0, json.length() - 2) : "{").getBytes(StandardCharsets.UTF_8));
        bodies.put("not JSON", "name=x".getBytes(StandardCharsets.UTF_8));
        bodies.put("an array instead of an object", ("[" + json + "]").getBytes(StandardCharsets.UTF_8));
        bodies.put("a string instead of an object", "\"x\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("nesting 5,000 deep", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        byte[] invalidUtf8 = ("{\"name\": \"x\u0000\"}").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 3] = (byte) 0xC3;  // a lead byte followed by '"': not UTF-8
        bodies.put("invalid UTF-8", invalidUtf8);
        if (valid instanceof Map<?, ?> map && !map.isEmpty()) {
            Map.Entry<?, ?> first = map.entrySet().iterator().next();
            String duplicate = "{" + Api.json(first.getKey()) + ":" + Api.json(first.getValue()) + "," + json.substring(1);
            bodies.put("duplicate key " + first.getKey(), duplicate.getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "...(" + s.length() + ")" : s;
    }

    // ---- sending and judging

    private record Answer(int status, String contentType, String body) {
        /** Null when the answer is a proper refusal, otherwise what is wrong with it. */
        String problemOf(Bad bad) {
            String request = bad.what() + " (" + bad.method() + " " + abbreviate(bad.path()) + ")";
            if (!REFUSED.contains(status)) {
                return request + " answered " + status + ": " + abbreviate(body == null ? "" : body.replace('\n', ' '));
            }
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                return request + " answered " + status + " as " + contentType + ", not problem+json";
            }
            try {
                JsonNode problem = Api.JSON.readTree(body);
                if (problem.path("status").asInt() != status || !problem.path("type").isTextual()) {
                    return request + " answered a problem without its status or type: " + body;
                }
            } catch (IOException e) {
                return request + " answered problem+json that is not JSON: " + body;
            }
            return null;
        }
    }

    private Answer send(Bad bad, String credential) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURI() + bad.path())).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (credential != null) {
            b.header("Authorization", FORM.equals(bad.contentType()) ? basic(credential) : "Bearer " + credential);
        }
        if (bad.contentType() != null) {
            b.header("Content-Type", bad.contentType());
        }
        bad.headers().forEach(b::header);
        b.method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            return fail(bad.what() + ": the request failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String basic(String idAndSecret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(idAndSecret.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unused")
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * A cheap fingerprint of the whole database: per table its row count, and for tables with a version or
     * updated_at column (every mutable resource has them) the sum of versions and the latest update. State
     * that changes without either is added by name: an account's token generation (a bump revokes its
     * tokens) and the chain head's sequence and hash (the end of the signed-item chain).
     * Lease tables are left out: scheduled jobs renew them on their own.
     */
    @Singleton
    static class Fingerprint {
        /** Columns summed wherever they appear: counters that move on every change. */
        private static final List<String> COUNTERS = List.of("version", "token_generation", "last_sequence");
        private final JdbcOperations jdbc;

        Fingerprint(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        Map<String, String> take() {
            return jdbc.execute(connection -> {
                Map<String, Set<String>> tables = new TreeMap<>();
                DatabaseMetaData meta = connection.getMetaData();
                try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                    while (rs.next()) {
                        String table = rs.getString("TABLE_NAME").toLowerCase();
                        String column = rs.getString("COLUMN_NAME").toLowerCase();
                        tables.computeIfAbsent(table, t -> new java.util.TreeSet<>()).add(column);
                    }
                }
                Map<String, String> print = new TreeMap<>();
                for (Map.Entry<String, Set<String>> t : tables.entrySet()) {
                    if (t.getKey().contains("lease") || t.getKey().contains("shedlock") || t.getKey().startsWith("flyway")) {
                        continue;
                    }
                    StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
                    for (String counter : COUNTERS) {
                        if (t.getValue().contains(counter)) {
                            sql.append(", COALESCE(SUM(").append(counter).append("), 0)");
                        }
                    }
                    if (t.getValue().contains("updated_at")) {
                        sql.append(", MAX(updated_at)");
                    }
                    sql.append(" FROM ").append(t.getKey());
                    try (var st = connection.createStatement(); var rs = st.executeQuery(sql.toString())) {
                        rs.next();
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append(i == 1 ? "" : "/").append(rs.getString(i));
                        }
                        print.put(t.getKey(), row.toString());
                    }
                    if (t.getValue().contains("last_hash")) {
                        // Every chain end, not just the latest: a hash changed in place moves no counter.
                        java.security.MessageDigest digest = sha256();
                        try (var st = connection.createStatement();
                             var rs = st.executeQuery("SELECT last_hash FROM " + t.getKey() + " ORDER BY organisation_id")) {
                            while (rs.next()) {
                                digest.update((rs.getString(1) + "\n").getBytes(StandardCharsets.UTF_8));
                            }
                        }
                        print.put(t.getKey() + ".last_hash", java.util.HexFormat.of().formatHex(digest.digest()));
                    }
                }
                return print;
            });
        }

        private static java.security.MessageDigest sha256() {
            try {
                return java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
