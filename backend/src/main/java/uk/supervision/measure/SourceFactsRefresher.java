package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import uk.supervision.audit.Quarter;
import uk.supervision.support.Sql;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps measure_source_month up to date (decision 0037): the month facts of the case-discussion, decision and
 * audit queries and the quarter facts of Part 2. Per organisation: the months of the rows changed since the
 * watermark (less an overlap) are written again, the current and previous month and quarter once a day, and an
 * organisation never refreshed is rebuilt whole. Each month is its own transaction (a delete and one INSERT ...
 * SELECT per query), so a rebuild of ten years never holds one giant transaction.
 */
@Singleton
public class SourceFactsRefresher {
    /** As MeasureFactsRefresher: a row stamped before the last run began but committed after it is still seen. */
    static final Duration OVERLAP = Duration.ofMinutes(2);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final List<FactSource> sources;
    private final QuestionnaireMeasure questionnaire;

    public SourceFactsRefresher(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Clock clock,
                                List<FactSource> sources, QuestionnaireMeasure questionnaire) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.sources = sources;
        this.questionnaire = questionnaire;
    }

    /** What a refresh did: months and quarters written again, and the fact rows they now hold. */
    public record Outcome(boolean full, int monthsRewritten, int quartersRewritten, int rowsWritten) {
    }

    private record Watermark(Instant changesUpTo, LocalDate recentRecomputedOn) {
    }

    /** Every organisation, for the job. */
    public List<String> organisations() {
        return transactions.executeRead(s -> Sql.ids(jdbc, "SELECT id FROM organisation ORDER BY id", List.of()));
    }

    /** Forgets the organisation's source facts and writes them all again (the demo loader and bench/BuildFacts). */
    public Outcome rebuild(String organisationId) {
        transactions.executeWrite(s -> jdbc.prepareStatement("DELETE FROM measure_source_refresh WHERE organisation_id = ?", ps -> {
            ps.setString(1, organisationId);
            return ps.executeUpdate();
        }));
        return refresh(organisationId);
    }

    /** Folds the organisation's changes in (everything when it has never been refreshed). */
    public Outcome refresh(String organisationId) {
        Instant started = clock.instant();
        Timestamp computedAt = Timestamp.from(started);
        LocalDate today = LocalDate.ofInstant(started, SourceSql.LONDON);
        YearMonth current = YearMonth.from(today);
        Quarter quarter = Quarter.of(today);
        List<SourceSql.Spec> specs = new ArrayList<>();
        sources.forEach(s -> specs.addAll(s.factSpecs(organisationId)));
        Watermark mark = transactions.executeRead(s -> watermark(organisationId));
        Set<YearMonth> months = new TreeSet<>();
        Set<Quarter> quarters = new TreeSet<>();
        if (mark == null) {
            transactions.executeWrite(s -> jdbc.prepareStatement("DELETE FROM measure_source_month WHERE organisation_id = ?", ps -> {
                ps.setString(1, organisationId);
                return ps.executeUpdate();
            }));
            transactions.executeRead(s -> {
                YearMonth first = earliest(organisationId, specs);
                for (YearMonth m = first; m != null && !m.isAfter(current); m = m.plusMonths(1)) {
                    months.add(m);
                }
                quarters.addAll(questionnaire.answeredQuarters(organisationId));
                return null;
            });
        } else {
            transactions.executeRead(s -> {
                months.addAll(changedMonths(organisationId, Timestamp.from(mark.changesUpTo())));
                for (Quarter q : List.of(quarter.previous(), quarter)) {
                    if (questionnaire.quarterChanged(organisationId, q)) {
                        quarters.add(q);
                    }
                }
                return null;
            });
            if (mark.recentRecomputedOn() == null || mark.recentRecomputedOn().isBefore(today)) {
                // Daily: anything the change times cannot show (a row written with an older time) is right by tomorrow.
                months.add(current.minusMonths(1));
                months.add(current);
                quarters.add(quarter.previous());
                quarters.add(quarter);
            }
        }
        months.removeIf(m -> m.isAfter(current));
        int rows = 0;
        for (YearMonth m : months) {
            rows += transactions.executeWrite(s -> writeMonth(organisationId, specs, m, computedAt));
        }
        for (Quarter q : quarters) {
            rows += transactions.executeWrite(s -> questionnaire.writeQuarter(organisationId, q, computedAt));
        }
        transactions.executeWrite(s -> {
            saveWatermark(organisationId, mark, started, today);
            return null;
        });
        return new Outcome(mark == null, months.size(), quarters.size(), rows);
    }

    /** One month of every named query: its old rows deleted, then one INSERT ... SELECT per query. */
    private int writeMonth(String organisationId, List<SourceSql.Spec> specs, YearMonth month, Timestamp computedAt) {
        List<Object> args = new ArrayList<>(List.of(organisationId, Date.valueOf(month.atDay(1))));
        specs.forEach(s -> args.add(s.name()));
        jdbc.prepareStatement("DELETE FROM measure_source_month WHERE organisation_id = ? AND month_start = ? AND source IN ("
                + Sql.placeholders(specs.size()) + ")", ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps.executeUpdate();
        });
        int rows = 0;
        for (SourceSql.Spec spec : specs) {
            rows += SourceFacts.write(jdbc, spec, organisationId, month, computedAt);
        }
        return rows;
    }

    /** The month of the organisation's earliest row of any query (null: none); one statement. */
    private YearMonth earliest(String organisationId, List<SourceSql.Spec> specs) {
        List<String> selects = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (SourceSql.Spec spec : specs) {
            selects.add("SELECT MIN(" + spec.time() + ") AS t FROM " + spec.from() + " WHERE " + spec.where());
            args.addAll(spec.whereArgs());
        }
        List<Instant> times = times("SELECT MIN(t) FROM (" + String.join(" UNION ALL ", selects) + ") x", args);
        return times.isEmpty() ? null : YearMonth.from(times.get(0).atZone(SourceSql.LONDON));
    }

    /** The months of the rows of every source changed after a time; one statement. */
    Set<YearMonth> changedMonths(String organisationId, Timestamp since) {
        List<String> selects = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (FactSource source : sources) {
            SourceFacts.Changes c = source.changedSince(organisationId, since);
            selects.add(c.sql());
            args.addAll(c.args());
        }
        Set<YearMonth> out = new TreeSet<>();
        times(String.join(" UNION ", selects), args).forEach(t -> out.add(YearMonth.from(t.atZone(SourceSql.LONDON))));
        return out;
    }

    private List<Instant> times(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Instant> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(1);
                    if (t != null) {
                        out.add(t.toInstant());
                    }
                }
            }
            return out;
        });
    }

    private Watermark watermark(String organisationId) {
        return jdbc.prepareStatement("SELECT changes_up_to, recent_recomputed_on FROM measure_source_refresh WHERE organisation_id = ?", ps -> {
            ps.setString(1, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Date recent = rs.getDate(2);
                return new Watermark(rs.getTimestamp(1).toInstant(), recent == null ? null : recent.toLocalDate());
            }
        });
    }

    private void saveWatermark(String organisationId, Watermark previous, Instant started, LocalDate today) {
        Instant upTo = started.minus(OVERLAP);
        if (previous != null && previous.changesUpTo().isAfter(upTo)) {
            upTo = previous.changesUpTo(); // never backwards
        }
        Timestamp mark = Timestamp.from(upTo);
        String sql = previous == null
                ? "INSERT INTO measure_source_refresh (changes_up_to, recent_recomputed_on, organisation_id) VALUES (?, ?, ?)"
                : "UPDATE measure_source_refresh SET changes_up_to = ?, recent_recomputed_on = ? WHERE organisation_id = ?";
        jdbc.prepareStatement(sql, ps -> {
            ps.setTimestamp(1, mark);
            ps.setDate(2, Date.valueOf(today));
            ps.setString(3, organisationId);
            return ps.executeUpdate();
        });
    }
}
