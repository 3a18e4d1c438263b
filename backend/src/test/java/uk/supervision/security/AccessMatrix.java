package uk.supervision.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.World;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The access matrix's tables as data: parsing them, and checking they cover every operation of the
 * contract for every caller. Kept apart from the HTTP cells so the coverage rule has its own unit test.
 */
final class AccessMatrix {
    private AccessMatrix() {
    }

    /** Who calls: a role (with or without a staff record), a machine client with one scope, or nobody. */
    enum Caller {
        PRAC(Role.PRACTITIONER, true), SUP(Role.SUPERVISOR, true), SM(Role.SERVICE_MANAGER, true), HOS(Role.HEAD_OF_SERVICE, true),
        QA(Role.QA_AUDITOR, true), HR(Role.HR, true), EM(Role.ELECTED_MEMBER, false), ADMIN(Role.ADMIN, false),
        C_READ(null, false), C_WRITE(null, false), ANON(null, false);

        private final Role role;
        private final boolean staffRecord;

        Caller(Role role, boolean staffRecord) {
            this.role = role;
            this.staffRecord = staffRecord;
        }

        Role role() {
            return role;
        }

        boolean hasStaffRecord() {
            return staffRecord;
        }
    }

    /** The record's person, relative to the caller (see AccessMatrixTest); ANY for operations on no particular person. */
    enum Relation { SELF, SUPERVISEE, BELOW, FORMER, SAME_TEAM, OTHER_TEAM, ABOVE, OTHER_SERVICE, OTHER_ORG, ANY }

    /** One row: an operation, a caller, and the expected answer per relation. */
    record Row(String table, String operation, Caller caller, Map<Relation, String> cells) {
    }

    /**
     * One cell's world: the caller (token, own staff record or null), the person in that relation, their
     * current supervisor, the supervisor of their previous agreement (the caller, for FORMER), and records
     * made for the cell on first use.
     */
    record Cell(Caller caller, Relation relation, String token, Staff me, World world, Staff person, Staff supervisor,
                Staff previousSupervisor, String id, Map<String, Object> made) {
        Cell(Caller caller, Relation relation, String token, Staff me, World world, Staff person, Staff supervisor,
             Staff previousSupervisor, String id) {
            this(caller, relation, token, me, world, person, supervisor, previousSupervisor, id, new HashMap<>());
        }

        /** A name unique to this cell. */
        String tag(String prefix) {
            return prefix + " " + id;
        }

        /** A record made once per cell (so the state read before and after the call sees the same one). */
        @SuppressWarnings("unchecked")
        <T> T once(String key, Supplier<T> make) {
            if (!made.containsKey(key)) {
                made.put(key, make.get());   // not computeIfAbsent: one record's maker may use another's
            }
            return (T) made.get(key);
        }
    }

    static final Set<String> CELL_VALUES = Set.of("Y", "N", "R", "X", "U", "-");

    /** Parses the tables: "operation caller RELATION..." (a row per caller) or "operation CALLER..." (a column per caller). */
    static List<Row> parse(Map<String, String> tables) {
        List<Row> rows = new ArrayList<>();
        tables.forEach((name, text) -> {
            List<String[]> lines = text.lines().map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")).toList();
            String[] header = lines.get(0);
            boolean perCaller = header.length > 1 && header[1].equals("caller");
            for (String[] cells : lines.subList(1, lines.size())) {
                if (cells.length != header.length) {
                    throw new IllegalArgumentException(name + ": " + String.join(" ", cells) + " has " + cells.length
                            + " columns, the header " + header.length);
                }
                for (int i = perCaller ? 2 : 1; i < cells.length; i++) {
                    if (!CELL_VALUES.contains(cells[i])) {
                        throw new IllegalArgumentException(name + ": " + cells[0] + " has the cell " + cells[i] + "; use Y, N, R, X, U or -");
                    }
                }
                if (perCaller) {
                    Map<Relation, String> byRelation = new LinkedHashMap<>();
                    for (int i = 2; i < cells.length; i++) {
                        byRelation.put(Relation.valueOf(header[i]), cells[i]);
                    }
                    rows.add(new Row(name, cells[0], Caller.valueOf(cells[1]), byRelation));
                } else {
                    for (int i = 1; i < cells.length; i++) {
                        rows.add(new Row(name, cells[0], Caller.valueOf(header[i]), Map.of(Relation.ANY, cells[i])));
                    }
                }
            }
        });
        return rows;
    }

    /** operationId -> "METHOD /path" for every operation of a contract. */
    static Map<String, String> operationsOf(OpenAPI contract) {
        Map<String, String> out = new TreeMap<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String id = operation.getOperationId() == null ? method + " " + path : operation.getOperationId();
            out.put(id, method + " " + path);
        }));
        return out;
    }

    /** openapi.yaml, found from the working directory upwards. */
    static OpenAPI contract() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("openapi.yaml"))) {
                return new OpenAPIV3Parser().read(d.resolve("openapi.yaml").toString());
            }
        }
        throw new IllegalStateException("No openapi.yaml above " + System.getProperty("user.dir"));
    }

    /**
     * What is missing: an operation of the contract without rows, without a row for some caller or without
     * a probe; a row twice; a row for an operation the contract does not have. Empty when the matrix is complete.
     */
    static List<String> coverage(Map<String, String> operations, List<Row> rows, Set<String> probes) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<Caller, Row>> byOperation = new TreeMap<>();
        for (Row row : rows) {
            if (!operations.containsKey(row.operation())) {
                problems.add(row.table() + " has rows for " + row.operation() + ", which openapi.yaml does not define");
            }
            if (byOperation.computeIfAbsent(row.operation(), k -> new LinkedHashMap<>()).put(row.caller(), row) != null) {
                problems.add(row.operation() + " has two rows for " + row.caller());
            }
        }
        operations.forEach((id, where) -> {
            Map<Caller, Row> mine = byOperation.get(id);
            if (mine == null) {
                problems.add(id + " (" + where + ") has no rows in the access matrix");
                return;
            }
            for (Caller caller : Caller.values()) {
                if (!mine.containsKey(caller)) {
                    problems.add(id + " has no row for " + caller);
                }
            }
            if (!probes.contains(id)) {
                problems.add(id + " has rows but no probe saying how to call it");
            }
        });
        return problems;
    }
}
