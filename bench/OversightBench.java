import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oversight reads of bench/oversight.sh, one request at a time (the time a user waits, not throughput: the
 * machine has two shared cores), on one keep-alive HTTP connection, beside a raw JDBC primary-key read of the same
 * database on one connection (the floor). Each read gets a warm-up, then is measured for a fixed time: median,
 * p95, p99. Statements per request: MariaDB's per-user statistics (INFORMATION_SCHEMA.USER_STATISTICS, switched on
 * for the run and back off after) of the service's database account, before and after a sequential run of
 * {@value #COUNTED} requests, divided by them; the service's own background jobs use the same account, so the
 * lower of two runs is taken. Rows read per request likewise (does a read grow with the years of history?).
 *
 * Who asks: the organisation's head of service (the directorate), the first service manager (their service), the
 * first team managers (their dashboards, their supervisees' schedules): bench/generate.sql's accounts.
 *
 *   java -cp backend/target/supervision.jar bench/OversightBench.java BASE_URL JDBC_URL USER PASSWORD WARMUP SECONDS ROOT_CLIENT
 */
public class OversightBench {
    static final String PASSWORD = "Supervision2026!";
    static final int COUNTED = 20;
    static final int MANAGERS = 8;

    interface Call {
        /** One request; the HTTP status (200 when all is well). */
        int run() throws Exception;
    }

    record Result(String name, int n, int errors, long[] micros, double statements, double rowsRead, String firstError) {
        double percentile(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, i))] / 1000.0;
        }
    }

    static HttpClient http;
    static String base;
    static String rootClient;
    static String dbUser;
    static String lastError;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String jdbcUrl = args[1];
        dbUser = args[2];
        String password = args[3];
        int warmup = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        rootClient = args[6];
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

        List<String> staffIds = new ArrayList<>();
        String serviceId;
        List<String> managerTokens = new ArrayList<>();
        List<List<String>> supervisees = new ArrayList<>();
        String headToken;
        String serviceManagerToken;
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, password)) {
            String org = one(c, "SELECT id FROM organisation WHERE code = ?", "BENCH").get(0);
            staffIds.addAll(one(c, "SELECT id FROM staff WHERE organisation_id = ?", org));
            serviceId = one(c, "SELECT service_id FROM role_grant g JOIN account a ON a.id = g.account_id WHERE a.username = ? AND g.role = 'SERVICE_MANAGER'",
                    "bench-service-manager-1@bench.test").get(0);
            headToken = signIn("bench-head@bench.test");
            serviceManagerToken = signIn("bench-service-manager-1@bench.test");
            for (int i = 1; i <= MANAGERS; i++) {
                String username = "bench-team-manager-" + i + "@bench.test";
                String staffId = one(c, "SELECT staff_id FROM account WHERE username = ?", username).get(0);
                supervisees.add(one(c, "SELECT r.supervisee_id FROM supervision_relation r JOIN staff s ON s.id = r.supervisee_id "
                        + "WHERE r.supervisor_id = ? AND r.to_date IS NULL AND s.leaving_date IS NULL", staffId));
                managerTokens.add(signIn(username));
            }
        }
        System.out.printf(Locale.ROOT, "%d staff in the organisation; service %s; %d team managers signed in%n", staffIds.size(), serviceId, MANAGERS);

        String userstatBefore = root("SELECT @@userstat").trim();
        root("SET GLOBAL userstat = 1");
        try (Connection raw = DriverManager.getConnection(jdbcUrl, dbUser, password)) {
            PreparedStatement pk = raw.prepareStatement("SELECT id, organisation_id, team_id, service_id, external_ref, given_name, family_name, email, "
                    + "job_title, category, employment_type, weekly_hours, employment_start_date, post_start_date, carries_caseload, caseload_size, "
                    + "leaving_date, leaving_reason, version, created_at, updated_at FROM staff WHERE id = ?");
            Call rawRead = () -> {
                pk.setString(1, pick(staffIds));
                try (ResultSet rs = pk.executeQuery()) {
                    return rs.next() ? 200 : 404;
                }
            };
            int[] turn = {0};
            String dir = "/api/v1/measures?scope=DIRECTORATE";
            List<Result> results = new ArrayList<>();
            results.add(measure("Raw JDBC: staff row by primary key", warmup, seconds, rawRead));
            results.add(measure("GET /measures (directorate)", warmup, seconds, () -> get(headToken, dir)));
            results.add(measure("GET /measures/breakdown (directorate)", warmup, seconds,
                    () -> get(headToken, "/api/v1/measures/breakdown?scope=DIRECTORATE")));
            results.add(measure("Directorate home (the two above)", warmup, seconds, () -> {
                int a = get(headToken, dir);
                int b = get(headToken, "/api/v1/measures/breakdown?scope=DIRECTORATE");
                return a != 200 ? a : b;
            }));
            results.add(measure("GET /measures/breakdown (a service)", warmup, seconds,
                    () -> get(serviceManagerToken, "/api/v1/measures/breakdown?scope=SERVICE&scopeId=" + serviceId)));
            results.add(measure("GET /measures/series (12 months)", warmup, seconds,
                    () -> get(headToken, "/api/v1/measures/series?scope=DIRECTORATE&measure=sessions.withinInterval")));
            results.add(measure("GET /dashboards/my-supervisees", warmup, seconds, () -> {
                int t = turn[0]++ % MANAGERS;
                return get(managerTokens.get(t), "/api/v1/dashboards/my-supervisees");
            }));
            results.add(measure("GET /staff/{id}/schedule (one person)", warmup, seconds, () -> {
                int t = turn[0]++ % MANAGERS;
                return get(managerTokens.get(t), "/api/v1/staff/" + pick(supervisees.get(t)) + "/schedule");
            }));
            // Measured again last: the machine is shared, and the floor moves with what else runs on it.
            results.add(measure("Raw JDBC again (at the end)", warmup, seconds, rawRead));

            System.out.println();
            System.out.printf(Locale.ROOT, "%-40s %7s %8s %8s %8s %11s %10s %7s%n", "Read (one at a time)", "n", "p50 ms", "p95 ms", "p99 ms",
                    "stmts/req", "rows/req", "errors");
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "%-40s %7d %8.2f %8.2f %8.2f %11.1f %10.0f %7d%n", r.name(), r.n(), r.percentile(50), r.percentile(95),
                        r.percentile(99), r.statements(), r.rowsRead(), r.errors());
            }
            for (Result r : results) {
                if (r.firstError() != null) {
                    System.out.println("First error of " + r.name() + ": " + r.firstError());
                }
            }
        } finally {
            root("SET GLOBAL userstat = " + ("1".equals(userstatBefore) ? 1 : 0));
        }
    }

    static Result measure(String name, int warmup, int seconds, Call call) throws Exception {
        System.out.printf(Locale.ROOT, "  %s ...%n", name);
        lastError = null;
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            call.run();
        }
        List<Long> micros = new ArrayList<>();
        int errors = 0;
        String firstError = null;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int status;
            try {
                status = call.run();
            } catch (Exception e) {
                status = -1;
                lastError = e.toString();
            }
            micros.add((System.nanoTime() - start) / 1000);
            if (status != 200) {
                errors++;
                if (firstError == null) {
                    firstError = status + " " + lastError;
                }
            }
        }
        // Statements and rows per request: the lower of two counted runs (background jobs share the account).
        double statements = Double.MAX_VALUE;
        double rows = Double.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            long[] before = counters();
            for (int i = 0; i < COUNTED; i++) {
                call.run();
            }
            long[] after = counters();
            statements = Math.min(statements, (double) (after[0] - before[0]) / COUNTED);
            rows = Math.min(rows, (double) (after[1] - before[1]) / COUNTED);
        }
        long[] all = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(all);
        return new Result(name, all.length, errors, all, statements, rows, firstError);
    }

    /** The service account's statements (select, update and other commands) and rows read so far. */
    static long[] counters() throws Exception {
        String line = root("SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS, ROWS_READ FROM information_schema.USER_STATISTICS WHERE USER = '"
                + dbUser + "'").trim();
        if (line.isEmpty()) {
            return new long[]{0, 0};
        }
        String[] parts = line.split("\\s+");
        return new long[]{Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    static String root(String sql) throws Exception {
        List<String> command = new ArrayList<>(Arrays.asList(rootClient.trim().split("\\s+")));
        command.addAll(List.of("-N", "-B", "-e", sql));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = String.join("\n", r.lines().toList());
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("The root client failed on " + sql + ": " + out);
        }
        return out;
    }

    static String pick(List<String> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

    static String signIn(String username) throws Exception {
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/sign-in"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(signIn.body());
        if (signIn.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + signIn.statusCode() + " " + signIn.body());
        }
        return m.group(1);
    }

    static List<String> one(Connection c, String sql, String arg) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static int get(String token, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            lastError = path + " " + r.body().substring(0, Math.min(300, r.body().length()));
        }
        return r.statusCode();
    }
}
