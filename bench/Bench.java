import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of bench/run.sh: N threads, each a closed loop (send, wait for the answer, send again)
 * on its own connection: a JDBC connection for the raw primary-key read, a keep-alive HTTP connection for
 * the service. Each thread acts as its own bench manager (bench/seed.sql), so the 16 connections are 16
 * people with their own tokens, as they would be in an office.
 *
 * Run with the packaged jar on the classpath (the same JDBC driver as the service):
 *   java -cp backend/target/supervision.jar bench/Bench.java BASE_URL JDBC_URL USER PASSWORD CONNECTIONS WARMUP SECONDS
 */
public class Bench {
    static final String PASSWORD = "Supervision2026!";

    /** What one thread needs to act as its manager. */
    record Person(String token, String staffId, List<String> supervisees, List<String> recordedSessions, List<String> agreements) {
    }

    interface Call {
        /** One request; false when the answer was not the expected one. */
        boolean run(int thread) throws Exception;
    }

    record Result(String name, long requests, long errors, double seconds, long[] micros) {
        double perSecond() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, i))] / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        String user = args[2];
        String password = args[3];
        int connections = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        List<String> staffIds = new ArrayList<>();
        Person[] people = new Person[connections];
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM staff")) {
                while (rs.next()) {
                    staffIds.add(rs.getString(1));
                }
            }
            for (int i = 0; i < connections; i++) {
                people[i] = person(c, http, base, i + 1);
            }
        }
        System.out.printf(Locale.ROOT, "%d staff in the database; %d bench managers signed in%n", staffIds.size(), connections);

        // The raw ceiling: the same staff columns the service reads, by primary key, one prepared statement per connection.
        String pkSql = "SELECT id, organisation_id, team_id, service_id, external_ref, given_name, family_name, email, job_title, "
                + "category, employment_type, weekly_hours, employment_start_date, post_start_date, carries_caseload, caseload_size, "
                + "leaving_date, leaving_reason, version, created_at, updated_at FROM staff WHERE id = ?";
        Connection[] jdbc = new Connection[connections];
        PreparedStatement[] pk = new PreparedStatement[connections];
        for (int i = 0; i < connections; i++) {
            jdbc[i] = DriverManager.getConnection(jdbcUrl, user, password);
            pk[i] = jdbc[i].prepareStatement(pkSql);
        }

        List<Result> results = new ArrayList<>();
        Call raw = t -> {
            pk[t].setString(1, staffIds.get(ThreadLocalRandom.current().nextInt(staffIds.size())));
            try (ResultSet rs = pk[t].executeQuery()) {
                return rs.next();
            }
        };
        results.add(measure("Raw JDBC: staff row by primary key", connections, warmup, seconds, raw));
        results.add(measure("GET /staff/{id} (one supervisee)", connections, warmup, seconds,
                t -> get(http, base, people[t], "/api/v1/staff/" + pick(people[t].supervisees()))));
        results.add(measure("GET /staff (list, first page)", connections, warmup, seconds,
                t -> get(http, base, people[t], "/api/v1/staff?limit=50")));
        results.add(measure("GET /sessions awaiting my signature", connections, warmup, seconds,
                t -> get(http, base, people[t], "/api/v1/sessions?supervisorId=" + people[t].staffId() + "&status=RECORDED&limit=50")));
        results.add(measure("GET /sessions a supervisee's to sign", connections, warmup, seconds,
                t -> get(http, base, people[t], "/api/v1/sessions?superviseeId=" + pick(people[t].supervisees()) + "&status=RECORDED&limit=50")));
        results.add(measure("GET /dashboards/my-supervisees", connections, warmup, seconds,
                t -> get(http, base, people[t], "/api/v1/dashboards/my-supervisees")));
        results.add(measure("GET /sessions/{id}/record", connections, warmup, seconds,
                t -> get(http, base, people[t], "/api/v1/sessions/" + pick(people[t].recordedSessions()) + "/record")));
        results.add(measure("GET /agreements/{id}", connections, warmup, seconds,
                t -> get(http, base, people[t], "/api/v1/agreements/" + pick(people[t].agreements()))));

        // Measured again last: the machine is shared, and the ceiling moves with what else runs on it.
        results.add(measure("Raw JDBC again (at the end)", connections, warmup, seconds, raw));
        for (int i = 0; i < connections; i++) {
            jdbc[i].close();
        }
        double rawRate = (results.get(0).perSecond() + results.get(results.size() - 1).perSecond()) / 2;
        System.out.println();
        System.out.println("\"of raw\": against the mean of the two raw JDBC runs.");
        System.out.printf(Locale.ROOT, "%-40s %9s %7s %8s %8s %8s %7s %6s%n", "Read (" + connections + " connections)", "req/s", "of raw", "p50 ms", "p95 ms", "p99 ms", "errors", "n");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-40s %9.0f %6.0f%% %8.1f %8.1f %8.1f %7d %6d%n", r.name(), r.perSecond(), 100 * r.perSecond() / rawRate,
                    r.percentile(50), r.percentile(95), r.percentile(99), r.errors(), r.requests());
        }
    }

    static String pick(List<String> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

    static Person person(Connection c, HttpClient http, String base, int number) throws Exception {
        String username = String.format(Locale.ROOT, "bench-manager-%02d@bench.test", number);
        String staffId = one(c, "SELECT staff_id FROM account WHERE username = ?", username).get(0);
        List<String> supervisees = one(c, "SELECT supervisee_id FROM supervision_relation WHERE supervisor_id = ? AND to_date IS NULL", staffId);
        List<String> recorded = one(c, "SELECT id FROM supervision_session WHERE supervisor_id = ? AND status = 'RECORDED'", staffId);
        List<String> agreements = one(c, "SELECT id FROM agreement WHERE supervisor_id = ? AND status = 'ACTIVE'", staffId);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/sign-in"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(signIn.body());
        if (signIn.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + signIn.statusCode() + " " + signIn.body());
        }
        if (supervisees.isEmpty() || recorded.isEmpty() || agreements.isEmpty()) {
            throw new IllegalStateException(username + " has no supervisees, records or agreements: was bench/seed.sql run?");
        }
        return new Person(m.group(1), staffId, supervisees, recorded, agreements);
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

    static boolean get(HttpClient http, String base, Person p, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + p.token())
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200;
    }

    /** Every thread loops over the call until the time is up; the warm-up's requests are not counted. */
    static Result measure(String name, int connections, int warmup, int seconds, Call call) throws Exception {
        System.out.printf(Locale.ROOT, "  %s ...%n", name);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        long[] errors = new long[connections];
        List<List<Long>> perThread = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            perThread.add(new ArrayList<>(1 << 16));
        }
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            int t = i;
            Thread th = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.run(t);
                        } catch (Exception e) {
                            ok = false;
                        }
                        long micros = (System.nanoTime() - start) / 1000;
                        if (counting.get()) {
                            perThread.get(t).add(micros);
                            if (!ok) {
                                errors[t]++;
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            th.setDaemon(true);
            th.start();
        }
        Thread.sleep(warmup * 1000L);
        long started = System.nanoTime();
        counting.set(true);
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        stop.set(true);
        done.await();
        long[] all = perThread.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
        Arrays.sort(all);
        return new Result(name, all.length, Arrays.stream(errors).sum(), elapsed, all);
    }
}
