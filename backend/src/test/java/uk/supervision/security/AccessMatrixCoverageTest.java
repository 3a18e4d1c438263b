package uk.supervision.security;

import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard of the guard: the matrix's coverage rule fails for an operation without rows. */
class AccessMatrixCoverageTest {
    static final String CONTRACT = """
            openapi: 3.0.3
            info: {title: synthetic, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  responses: {'200': {description: ok}}
              /things/{id}/secrets:
                get:
                  operationId: listThingSecrets
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'200': {description: ok}}
            """;

    static final String ONE_ROW_PER_CALLER = """
            operation   PRAC SUP SM  HOS QA  HR  EM  ADMIN C_READ C_WRITE ANON
            listThings  Y    Y   Y   Y   Y   Y   Y   Y     Y      N       U
            """;

    @Test
    void anOperationOfTheContractWithoutRowsIsReported() {
        Map<String, String> operations = AccessMatrix.operationsOf(new OpenAPIV3Parser().readContents(CONTRACT).getOpenAPI());
        assertEquals(Map.of("listThings", "GET /things", "listThingSecrets", "GET /things/{id}/secrets"), operations);

        List<String> problems = AccessMatrix.coverage(operations, AccessMatrix.parse(Map.of("T", ONE_ROW_PER_CALLER)),
                Set.of("listThings", "listThingSecrets"));
        assertEquals(List.of("listThingSecrets (GET /things/{id}/secrets) has no rows in the access matrix"), problems);
    }

    @Test
    void aMissingCallerAMissingProbeAndAnUnknownOperationAreReported() {
        Map<String, String> operations = AccessMatrix.operationsOf(new OpenAPIV3Parser().readContents(CONTRACT).getOpenAPI());
        String table = """
                operation         caller SELF SAME_TEAM
                listThingSecrets  PRAC   Y    N
                listThingz        PRAC   Y    N
                """;
        List<String> problems = AccessMatrix.coverage(operations,
                AccessMatrix.parse(Map.of("A", ONE_ROW_PER_CALLER, "B", table)), Set.of("listThingSecrets"));
        assertTrue(problems.contains("B has rows for listThingz, which openapi.yaml does not define"), problems.toString());
        assertTrue(problems.contains("listThingSecrets has no row for SUP"), problems.toString());
        assertTrue(problems.contains("listThings has rows but no probe saying how to call it"), problems.toString());
    }

    @Test
    void aCompleteMatrixPassesAndTheRealContractIsEnumerated() {
        Map<String, String> operations = AccessMatrix.operationsOf(new OpenAPIV3Parser().readContents(CONTRACT).getOpenAPI());
        String secrets = ONE_ROW_PER_CALLER.replace("listThings ", "listThingSecrets");
        assertEquals(List.of(), AccessMatrix.coverage(operations,
                AccessMatrix.parse(Map.of("A", ONE_ROW_PER_CALLER, "B", secrets)), Set.of("listThings", "listThingSecrets")));

        Map<String, String> real = AccessMatrix.operationsOf(AccessMatrix.contract());
        assertEquals("GET /api/v1/agreements/{agreementId}/versions", real.get("listAgreementVersions"));
        assertTrue(real.size() > 40, "every operation of openapi.yaml: " + real.size());
    }

    @Test
    void aMistypedCellIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AccessMatrix.parse(Map.of("T", ONE_ROW_PER_CALLER.replace(" U\n", " maybe\n"))));
        assertThrows(IllegalArgumentException.class, () -> AccessMatrix.parse(Map.of("T", ONE_ROW_PER_CALLER.replace(" U\n", "\n"))));
    }
}
