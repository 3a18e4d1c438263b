package uk.supervision;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every value the contract describes is bounded: each string has a maxLength (enums are bounded by their
 * values), each array a maxItems, each integer a minimum and a maximum. Operations added later are held to
 * the same rule, so nobody can forget a bound.
 */
class ContractBoundsTest {

    @Test
    void everyStringArrayAndIntegerInOpenapiYamlIsBounded() throws Exception {
        OpenAPI api = new OpenAPIV3Parser().read(contract().toString());
        assertNotNull(api, "openapi.yaml parses");
        List<String> unbounded = unbounded(api);
        assertTrue(unbounded.isEmpty(), () -> unbounded.size() + " schemas in openapi.yaml have no bound "
                + "(add maxLength to strings, maxItems to arrays, minimum and maximum to integers):\n  "
                + String.join("\n  ", unbounded));
    }

    /** Guards the guard: an unbounded string, array and integer, nested and inline, are each found. */
    @Test
    void theCheckFindsEachKindOfMissingBound() {
        String yaml = """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /x:
                    get:
                      parameters:
                        - {name: q, in: query, schema: {type: string}}
                        - {name: n, in: query, schema: {type: integer, minimum: 1}}
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                components:
                  schemas:
                    Thing:
                      type: object
                      properties:
                        ok: {type: string, maxLength: 5}
                        kind: {type: string, enum: [A, B]}
                        tags: {type: array, items: {type: string, maxLength: 3}}
                        nested:
                          type: object
                          properties:
                            count: {type: integer, maximum: 3}
                """;
        OpenAPI api = new OpenAPIV3Parser().readContents(yaml).getOpenAPI();
        assertEquals(List.of("#/components/schemas/Thing/tags: array without maxItems",
                "#/components/schemas/Thing/nested/count: integer without minimum and maximum",
                "GET /x parameter q: string without maxLength", "GET /x parameter n: integer without minimum and maximum"),
                unbounded(api));
    }

    static List<String> unbounded(OpenAPI api) {
        List<String> found = new ArrayList<>();
        if (api.getComponents() != null) {
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().forEach((name, s) -> check("#/components/schemas/" + name, s, found));
            }
            if (api.getComponents().getParameters() != null) {
                api.getComponents().getParameters().forEach((name, p) -> check("#/components/parameters/" + name, p.getSchema(), found));
            }
            if (api.getComponents().getHeaders() != null) {
                api.getComponents().getHeaders().forEach((name, h) -> check("#/components/headers/" + name, h.getSchema(), found));
            }
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String where = method + " " + path;
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> check(where + " parameter " + p.getName(), p.getSchema(), found));
            }
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().forEach((type, media) -> check(where + " body " + type, media.getSchema(), found));
            }
            if (op.getResponses() != null) {
                op.getResponses().forEach((status, response) -> {
                    if (response.getContent() != null) {
                        // A streamed file (the CSV export) is one long string bounded by its search, not by a length.
                        response.getContent().entrySet().stream().filter(e -> e.getKey().contains("json"))
                                .forEach(e -> check(where + " " + status + " " + e.getKey(), e.getValue().getSchema(), found));
                    }
                    if (response.getHeaders() != null) {
                        response.getHeaders().forEach((name, h) -> check(where + " " + status + " header " + name, h.getSchema(), found));
                    }
                });
            }
        }));
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> check(path + " parameter " + p.getName(), p.getSchema(), found));
                }
            });
        }
        return found;
    }

    @SuppressWarnings("rawtypes")
    private static void check(String where, Schema s, List<String> found) {
        if (s == null || s.get$ref() != null) {
            return;  // references are checked where they are defined
        }
        String type = s.getType();
        if ("string".equals(type) && s.getMaxLength() == null && (s.getEnum() == null || s.getEnum().isEmpty())) {
            found.add(where + ": string without maxLength");
        } else if ("array".equals(type) && s.getMaxItems() == null) {
            found.add(where + ": array without maxItems");
        } else if ("integer".equals(type) && (s.getMinimum() == null || s.getMaximum() == null)) {
            found.add(where + ": integer without minimum and maximum");
        }
        if (s.getProperties() != null) {
            ((Map<String, Schema>) s.getProperties()).forEach((name, p) -> check(where + "/" + name, p, found));
        }
        if (s.getItems() != null) {
            check(where + "/items", s.getItems(), found);
        }
        if (s.getAdditionalProperties() instanceof Schema extra) {
            check(where + "/additionalProperties", extra, found);
        }
        for (List<Schema> members : List.of(nonNull(s.getAllOf()), nonNull(s.getAnyOf()), nonNull(s.getOneOf()))) {
            for (int i = 0; i < members.size(); i++) {
                check(where + "/" + i, members.get(i), found);
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    static Path contract() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("openapi.yaml"))) {
                return d.resolve("openapi.yaml");
            }
        }
        throw new IllegalStateException("No openapi.yaml above " + System.getProperty("user.dir"));
    }
}
