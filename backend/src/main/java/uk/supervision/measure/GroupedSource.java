package uk.supervision.measure;

import uk.supervision.measure.SourceSql.By;
import uk.supervision.measure.SourceSql.Row;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A measure source whose queries group their rows by unit and month in SQL: figures, breakdown, series and the
 * series of each unit are the same queries grouped four ways, folded into figures the same way.
 */
abstract class GroupedSource implements MeasureSource {

    record Key(String unit, int month) {
    }

    /**
     * The rows of each of the source's queries (a fixed number, whatever the scope or period), grouped as asked, and
     * anything read once for all groups (labels).
     */
    record Loaded(List<List<Row>> rows, Object context) {
        Loaded(List<List<Row>> rows) {
            this(rows, null);
        }
    }

    abstract Loaded load(MeasureTarget scope, MeasurePeriod period, By by, Set<String> keys);

    /** The figures of one group: each query's rows for one unit and month (possibly none). */
    abstract Map<String, Figure> fold(Object context, List<List<Row>> rows, Set<String> keys);

    Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>();
        definitions().forEach(d -> keys.add(d.key()));
        return keys;
    }

    Set<String> own(Set<String> keys) {
        Set<String> out = new LinkedHashSet<>(allKeys());
        out.retainAll(keys);
        return out;
    }

    private Map<Key, Map<String, Figure>> grouped(MeasureTarget scope, MeasurePeriod period, By by, Set<String> keys) {
        Loaded loaded = load(scope, period, by, keys);
        List<List<Row>> all = loaded.rows();
        Map<Key, List<List<Row>>> byKey = new LinkedHashMap<>();
        for (int q = 0; q < all.size(); q++) {
            for (Row r : all.get(q)) {
                List<List<Row>> lists = byKey.computeIfAbsent(new Key(r.unit(), r.month()), k -> {
                    List<List<Row>> l = new ArrayList<>();
                    for (int i = 0; i < all.size(); i++) {
                        l.add(new ArrayList<>());
                    }
                    return l;
                });
                lists.get(q).add(r);
            }
        }
        Map<Key, Map<String, Figure>> out = new LinkedHashMap<>();
        byKey.forEach((k, lists) -> out.put(k, fold(loaded.context(), lists, keys)));
        return out;
    }

    @Override
    public Map<String, Figure> figures(MeasureTarget scope, MeasurePeriod period) {
        Set<String> keys = allKeys();
        Loaded loaded = load(scope, period, By.ALL, keys);
        return fold(loaded.context(), loaded.rows(), keys);
    }

    @Override
    public Map<String, Map<String, Figure>> breakdown(MeasureTarget parent, MeasurePeriod period, Set<String> keys) {
        Set<String> mine = own(keys);
        Map<String, Map<String, Figure>> out = new LinkedHashMap<>();
        if (mine.isEmpty() || !SourceSql.below(parent)) {
            return out;
        }
        grouped(parent, period, By.UNIT, mine).forEach((k, figures) -> out.put(k.unit(), figures));
        return out;
    }

    @Override
    public Map<YearMonth, Figure> series(MeasureTarget scope, String key, MeasurePeriod period) {
        Map<YearMonth, Figure> out = new LinkedHashMap<>();
        if (!allKeys().contains(key)) {
            return out;
        }
        List<YearMonth> months = period.months();
        grouped(scope, period, By.MONTH, Set.of(key)).forEach((k, figures) -> out.put(months.get(k.month()), figures.get(key)));
        return out;
    }

    @Override
    public Map<String, Map<YearMonth, Figure>> seriesBreakdown(MeasureTarget parent, String key, MeasurePeriod period) {
        Map<String, Map<YearMonth, Figure>> out = new LinkedHashMap<>();
        if (!allKeys().contains(key) || !SourceSql.below(parent)) {
            return out;
        }
        List<YearMonth> months = period.months();
        grouped(parent, period, By.UNIT_MONTH, Set.of(key)).forEach((k, figures) ->
                out.computeIfAbsent(k.unit(), u -> new LinkedHashMap<>()).put(months.get(k.month()), figures.get(key)));
        return out;
    }
}
