package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.Measure;
import uk.supervision.api.model.MeasureBreakdown;
import uk.supervision.api.model.MeasureBreakdownRow;
import uk.supervision.api.model.MeasureDefinition;
import uk.supervision.api.model.MeasurePart;
import uk.supervision.api.model.MeasurePerson;
import uk.supervision.api.model.MeasurePersonPage;
import uk.supervision.api.model.MeasurePoint;
import uk.supervision.api.model.MeasurePopulation;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureScopeRef;
import uk.supervision.api.model.MeasureSeries;
import uk.supervision.api.model.MeasureSet;
import uk.supervision.api.model.StaffRef;
import uk.supervision.api.model.SuppressionReason;
import uk.supervision.api.model.TeamRef;
import uk.supervision.policy.PolicyService;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffRepository;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Sql;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The measures as callers see them: resolves the scope, asks the access policy who may see it and how
 * (in full, or aggregates only with small groups suppressed), collects every MeasureSource, and suppresses.
 * Every answer takes a fixed number of statements: the sources' own, plus a few here (the scope, the counted
 * staff per unit, the facts' age, the names of the people listed).
 */
@Singleton
public class MeasureService {
    /** The measures a home page shows first, side by side, in this order (those some source defines). */
    static final List<String> HEADLINE = List.of("sessions.withinInterval", "sessions.overdue", "records.unsigned",
            "agreements.missing", "agreements.activeSigned");
    static final int DEFAULT_MINIMUM = 5;

    private final JdbcOperations jdbc;
    private final AccessPolicy access;
    private final PolicyService policy;
    private final StaffRepository staff;
    private final List<MeasureSource> sources;
    private final Clock clock;

    public MeasureService(JdbcOperations jdbc, AccessPolicy access, PolicyService policy, StaffRepository staff,
                          List<MeasureSource> sources, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.policy = policy;
        this.staff = staff;
        // Sorted by class name, so the order of measures does not depend on the order beans were found.
        this.sources = sources.stream().sorted(Comparator.comparing(s -> s.getClass().getName())).toList();
        this.clock = clock;
    }

    /** GET /measures. */
    @Transactional(readOnly = true)
    public MeasureSet measures(Caller caller, MeasureScopeKind kind, UUID scopeId, String from, String to) {
        MeasureTarget target = target(caller, kind, scopeId, false);
        return measures(target, period(from, to));
    }

    /** GET /measures/series. */
    @Transactional(readOnly = true)
    public MeasureSeries series(Caller caller, MeasureScopeKind kind, UUID scopeId, String key, String from, String to) {
        definition(key);
        MeasureTarget target = target(caller, kind, scopeId, false);
        return series(target, key, period(from, to));
    }

    /** GET /measures/breakdown. */
    @Transactional(readOnly = true)
    public MeasureBreakdown breakdown(Caller caller, MeasureScopeKind kind, UUID scopeId, String from, String to) {
        requireBreakdownKind(kind);
        MeasureTarget target = target(caller, kind, scopeId, false);
        return breakdown(target, period(from, to));
    }

    /** GET /measures/people. */
    @Transactional(readOnly = true)
    public MeasurePersonPage people(Caller caller, MeasureScopeKind kind, UUID scopeId, String key, String from, String to,
                                    String cursor, Integer limit) {
        MeasureDef def = definition(key);
        if (!def.people()) {
            throw Problems.rule("#measure", "\"" + def.label() + "\" is not a figure about people, so there is no one to list.");
        }
        MeasurePeriod period = period(from, to);
        Integer after = Cursor.decode(CursorList.MEASURE_PEOPLE, cursor, 1, keys -> Integer.parseInt(keys.get(0)));
        MeasureTarget target = target(caller, kind, scopeId, false);
        if (target.aggregateOnly()) {
            throw Problems.forbidden("The people behind a figure are listed only for those who may see them by name: "
                    + "you see this scope's figures as totals.");
        }
        List<MeasureSource.PersonFigure> figures = source(key).people(target, key, period).orElse(List.of());
        Map<String, Staff> people = new HashMap<>();
        Set<String> ids = new HashSet<>();
        figures.forEach(f -> ids.add(f.staffId()));
        if (!ids.isEmpty()) {
            staff.findByIdIn(ids).forEach(s -> people.put(s.id(), s));
        }
        List<MeasureSource.PersonFigure> readable = access.readableStaff(caller,
                figures.stream().filter(f -> people.containsKey(f.staffId())).toList(), f -> people.get(f.staffId()));
        int start = after == null ? 0 : after;
        int size = Cursor.limit(limit);
        int end = Math.min(readable.size(), start + size);
        List<MeasureSource.PersonFigure> page = start >= readable.size() ? List.of() : readable.subList(start, end);
        Map<String, String> teams = teamNames(page.stream().map(f -> people.get(f.staffId()).teamId()).toList());
        List<MeasurePerson> items = new ArrayList<>();
        for (MeasureSource.PersonFigure f : page) {
            Staff s = people.get(f.staffId());
            MeasurePerson p = new MeasurePerson(new StaffRef(UUID.fromString(s.id()), s.displayName()).jobTitle(s.jobTitle()),
                    f.inNumerator());
            if (s.teamId() != null && teams.containsKey(s.teamId())) {
                p.setTeam(new TeamRef(UUID.fromString(s.teamId()), teams.get(s.teamId())));
            }
            p.setValue(f.value());
            p.setDetail(f.detail());
            items.add(p);
        }
        MeasurePersonPage out = new MeasurePersonPage(def.toApi(), items);
        if (end < readable.size()) {
            out.setNextCursor(Cursor.encode(CursorList.MEASURE_PEOPLE, end));
        }
        return out;
    }

    /**
     * The scope as this caller may see it, checked (403 when they may not, 404 when it does not exist).
     * forceAggregate: treat the caller as seeing aggregates only (evidence packs hold no names and suppress small
     * groups whoever asks; machine clients do not ask for them).
     */
    @Transactional(readOnly = true)
    public MeasureTarget target(Caller caller, MeasureScopeKind kind, UUID scopeId, boolean forceAggregate) {
        access.requireMeasuresClient(caller);
        if (kind == MeasureScopeKind.DIRECTORATE && scopeId != null) {
            throw Problems.rule("#scopeId", "The directorate is the whole organisation: leave the scope's id out.");
        }
        if (kind != MeasureScopeKind.DIRECTORATE && scopeId == null) {
            throw Problems.rule("#scopeId", "Say which " + switch (kind) {
                case SERVICE -> "service";
                case TEAM -> "team";
                default -> "member of staff";
            } + " the measures are for.");
        }
        if (forceAggregate && caller.isClient()) {
            throw Problems.forbidden("Evidence packs are made for people signed in to the service, not machine clients.");
        }
        String org = caller.organisationId();
        if (org == null) {
            throw Problems.forbidden("The measures belong to an organisation: this account is in none.");
        }
        String id = scopeId == null ? null : scopeId.toString();
        MeasureTarget found;
        Staff person = null;
        switch (kind) {
            case DIRECTORATE -> found = one("SELECT id, name, NULL FROM organisation WHERE id = ?", org, org, kind, null);
            case SERVICE -> found = one("SELECT id, name, NULL FROM service WHERE id = ? AND organisation_id = ?", id, org, kind, "The service");
            case TEAM -> found = one("SELECT t.id, t.name, t.service_id FROM team t JOIN service s ON s.id = t.service_id"
                    + " WHERE t.id = ? AND s.organisation_id = ?", id, org, kind, "The team");
            default -> {
                access.requirePersonScopePossible(caller, id);
                person = staff.findById(id).filter(s -> org.equals(s.organisationId()))
                        .orElseThrow(() -> Problems.notFound("The member of staff"));
                found = new MeasureTarget(kind, org, person.id(), person.displayName(), person.serviceId(), false);
            }
        }
        if (kind == MeasureScopeKind.DIRECTORATE) {
            found = new MeasureTarget(kind, org, null, found.name(), null, false);
        }
        AccessPolicy.MeasureView view = access.measureView(caller, kind, found.id(), found.serviceId(), person);
        return new MeasureTarget(kind, org, found.id(), found.name(), found.serviceId(),
                forceAggregate || view == AccessPolicy.MeasureView.AGGREGATE);
    }

    /** The measures of a resolved target (no request needed: evidence packs are made in the background). */
    @Transactional(readOnly = true)
    public MeasureSet measures(MeasureTarget target, MeasurePeriod period) {
        MeasureSuppression rule = new MeasureSuppression(minimum(target.organisationId()));
        Map<String, Figure> figures = figures(target, period);
        Optional<Population> population = population(target, period);
        Map<String, SuppressionReason> reasons = reasons(rule, target, period, figures, population);
        boolean whole = target.aggregateOnly() && rule.wholeScope(population.map(Population::counted).orElse(null));
        List<Measure> measures = new ArrayList<>();
        for (MeasureDef def : definitions()) {
            Figure f = figures.get(def.key());
            if (f != null) {
                measures.add(measure(def, f, withheld(rule, def, f, reasons.get(def.key()))));
            }
        }
        MeasureSet set = new MeasureSet(ref(target), period.from().toString(), period.to().toString(), rule.minimum(), whole,
                measures, headline(), computedAt(target.organisationId(), period));
        // Head counts are figures too: an aggregate caller gets none when any of them is a small group.
        boolean smallCount = target.aggregateOnly() && population.map(p -> rule.small(p.counted()) || rule.small(p.leavers())
                || rule.small(p.firstWeek()) || rule.small(p.agencyUnder10Hours())).orElse(false);
        if (!whole && !smallCount) {
            population.ifPresent(p -> set.setPopulation(new MeasurePopulation(p.counted(), p.leavers(), p.firstWeek(), p.agencyUnder10Hours())));
        }
        return set;
    }

    /** The breakdown of a resolved DIRECTORATE or SERVICE target. */
    @Transactional(readOnly = true)
    public MeasureBreakdown breakdown(MeasureTarget target, MeasurePeriod period) {
        requireBreakdownKind(target.kind());
        MeasureSuppression rule = new MeasureSuppression(minimum(target.organisationId()));
        List<MeasureDef> headline = definitions().stream().filter(d -> HEADLINE.contains(d.key()))
                .sorted(Comparator.comparing(d -> HEADLINE.indexOf(d.key()))).toList();
        Set<String> keys = new HashSet<>(HEADLINE);

        // The scope's own row: as GET /measures shows it to this caller, headline measures only.
        MeasureSet own = measures(target, period);
        MeasureBreakdownRow total = new MeasureBreakdownRow(ref(target), own.getSuppressed(),
                own.getMeasures().stream().filter(m -> keys.contains(m.getKey())).toList());
        if (own.getPopulation() != null) {
            total.setCounted(own.getPopulation().getCounted());
        }

        Map<String, Map<String, Figure>> rows = unitFigures(target, period, keys);
        Map<String, Long> counted = countedPerUnit(target, period);
        Map<String, Map<String, SuppressionReason>> reasons = Map.of();
        Set<String> wholeRows = new HashSet<>();
        if (target.aggregateOnly()) {
            counted.forEach((unit, n) -> {
                if (rule.wholeScope(n)) {
                    wholeRows.add(unit);
                }
            });
            Set<String> parentSuppressed = new HashSet<>();
            own.getMeasures().forEach(m -> {
                if (m.getSuppressed()) {
                    parentSuppressed.add(m.getKey());
                }
            });
            reasons = rule.breakdown(rows, wholeRows, figures(target, period), parentSuppressed);
            reasons = withPeriodOfFlows(rule, target, period, keys, rows, reasons);
        }
        List<MeasureBreakdownRow> out = new ArrayList<>();
        MeasureScopeKind childKind = target.kind() == MeasureScopeKind.DIRECTORATE ? MeasureScopeKind.SERVICE : MeasureScopeKind.TEAM;
        // People in no team (or no service) are in the total only; suppression counts them as a unit of their own.
        for (Map.Entry<String, String> unit : units(target).entrySet()) {
            Map<String, Figure> figures = rows.getOrDefault(unit.getKey(), Map.of());
            Map<String, SuppressionReason> why = reasons.getOrDefault(unit.getKey(), Map.of());
            boolean whole = wholeRows.contains(unit.getKey());
            List<Measure> measures = new ArrayList<>();
            for (MeasureDef def : headline) {
                Figure f = figures.get(def.key());
                if (f != null) {
                    measures.add(measure(def, f, withheld(rule, def, f, whole ? SuppressionReason.FEWER_THAN_MINIMUM : why.get(def.key()))));
                }
            }
            MeasureScopeRef ref = new MeasureScopeRef(childKind, unit.getValue()).id(UUID.fromString(unit.getKey()));
            MeasureBreakdownRow row = new MeasureBreakdownRow(ref, whole, measures);
            // A row with anything suppressed carries no head count (it would help work out what was hidden).
            boolean anySuppressed = measures.stream().anyMatch(Measure::getSuppressed);
            if (!whole && !(target.aggregateOnly() && anySuppressed) && counted.containsKey(unit.getKey())) {
                row.setCounted(counted.get(unit.getKey()));
            }
            out.add(row);
        }
        return new MeasureBreakdown(ref(target), period.from().toString(), period.to().toString(), rule.minimum(),
                headline.stream().map(MeasureDef::toApi).toList(), out, total);
    }

    /** One measure's monthly series for a resolved target. */
    @Transactional(readOnly = true)
    public MeasureSeries series(MeasureTarget target, String key, MeasurePeriod period) {
        MeasureDef def = definition(key);
        MeasureSource source = source(key);
        MeasureSuppression rule = new MeasureSuppression(minimum(target.organisationId()));
        Map<YearMonth, Figure> own = source.series(target, key, period);
        Map<YearMonth, SuppressionReason> reasons = target.aggregateOnly()
                ? hiddenMonths(rule, target, Map.of(key, own), period).get(key) : Map.of();
        List<MeasurePoint> points = new ArrayList<>();
        for (YearMonth month : period.months()) {
            Figure f = own.get(month);
            boolean suppressed = f != null && reasons.containsKey(month);
            MeasurePoint p = new MeasurePoint(month.toString(), suppressed);
            if (f != null && !suppressed) {
                p.setNumerator(f.numerator());
                p.setDenominator(f.denominator());
                p.setValue(f.value());
            }
            points.add(p);
        }
        return new MeasureSeries(ref(target), def.toApi(), points, MeasureSummary.of(def, points, rule.minimum()));
    }

    // ---- the parts

    private MeasurePeriod period(String from, String to) {
        return MeasurePeriod.of(from, to, LocalDate.now(clock));
    }

    private static void requireBreakdownKind(MeasureScopeKind kind) {
        if (kind != MeasureScopeKind.DIRECTORATE && kind != MeasureScopeKind.SERVICE) {
            throw Problems.rule("#scope", "A breakdown is of the directorate's services or of a service's teams: "
                    + (kind == MeasureScopeKind.PERSON ? "one person" : "a team") + " has nothing one level down.");
        }
    }

    /** Every measure some source defines, grouped as the definitions' groups are ordered. */
    List<MeasureDef> definitions() {
        List<MeasureDef> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(s.definitions()));
        all.sort(Comparator.comparing(d -> d.group().ordinal()));
        return all;
    }

    private MeasureDef definition(String key) {
        return definitions().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> Problems.rule("#measure", "There is no measure \"" + key + "\"."));
    }

    private MeasureSource source(String key) {
        return sources.stream().filter(s -> s.definitions().stream().anyMatch(d -> d.key().equals(key))).findFirst()
                .orElseThrow(() -> Problems.rule("#measure", "There is no measure \"" + key + "\"."));
    }

    private List<String> headline() {
        Set<String> defined = new HashSet<>();
        definitions().forEach(d -> defined.add(d.key()));
        return HEADLINE.stream().filter(defined::contains).toList();
    }

    private Map<String, Figure> figures(MeasureTarget target, MeasurePeriod period) {
        Map<String, Figure> out = new HashMap<>();
        sources.forEach(s -> out.putAll(s.figures(target, period)));
        return out;
    }

    private Map<String, Map<String, Figure>> unitFigures(MeasureTarget parent, MeasurePeriod period, Set<String> keys) {
        Map<String, Map<String, Figure>> out = new HashMap<>();
        for (MeasureSource s : sources) {
            Set<String> mine = new HashSet<>();
            s.definitions().forEach(d -> {
                if (keys.contains(d.key())) {
                    mine.add(d.key());
                }
            });
            if (!mine.isEmpty()) {
                s.breakdown(parent, period, mine).forEach((unit, figures) -> out.computeIfAbsent(unit, u -> new HashMap<>()).putAll(figures));
            }
        }
        return out;
    }

    private Optional<Population> population(MeasureTarget target, MeasurePeriod period) {
        for (MeasureSource s : sources) {
            Optional<Population> p = s.population(target, period);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /**
     * The suppressed keys of one scope for its caller: none in full view; for aggregates the scope's own small
     * figures, and for a service or team also any figure its parent's breakdown suppresses by differencing, so asking
     * for the unit alone shows nothing the side-by-side table hides.
     */
    private Map<String, SuppressionReason> reasons(MeasureSuppression rule, MeasureTarget target, MeasurePeriod period,
                                                   Map<String, Figure> figures, Optional<Population> population) {
        if (!target.aggregateOnly()) {
            return Map.of();
        }
        Map<String, SuppressionReason> out = new HashMap<>(rule.own(figures, rule.wholeScope(population.map(Population::counted).orElse(null))));
        Optional<MeasureTarget> parent = parent(target);
        if (parent.isPresent()) {
            Map<String, Figure> parentFigures = figures(parent.get(), period);
            Map<String, SuppressionReason> parentOwn = rule.own(parentFigures,
                    rule.wholeScope(population(parent.get(), period).map(Population::counted).orElse(null)));
            Set<String> wholeRows = new HashSet<>();
            countedPerUnit(parent.get(), period).forEach((unit, n) -> {
                if (rule.wholeScope(n)) {
                    wholeRows.add(unit);
                }
            });
            Map<String, SuppressionReason> asSibling = rule.breakdown(unitFigures(parent.get(), period, figures.keySet()), wholeRows, parentFigures,
                    parentOwn.keySet())
                    .getOrDefault(target.id(), Map.of());
            asSibling.forEach(out::putIfAbsent);
        }
        // A month of the period hidden whole would show as the period's total minus the months shown: the period's
        // figures go with it.
        if (period.months().size() > 1 && countedPerMonth(target, period).values().stream().anyMatch(rule::wholeScope)) {
            figures.keySet().forEach(k -> out.putIfAbsent(k, SuppressionReason.DIFFERENCING));
        }
        // A flow's period is its months added up: a month its series hides would show as the period minus the months shown.
        // Asked even for keys hidden already, so the statements an answer takes do not depend on what is hidden. A period of
        // no group has months of none: nothing hidden in them to work out.
        Set<String> flows = flowKeys(figures.keySet());
        flows.removeIf(k -> figures.get(k).groupSize() == 0);
        if (period.months().size() > 1 && !flows.isEmpty()) {
            Map<String, Map<YearMonth, Figure>> own = seriesOf(target, flows, period);
            rule.periodOfFlows(shownAndHidden(hiddenMonths(rule, target, own, period), own), period.months().size()).forEach(out::putIfAbsent);
        }
        return out;
    }

    /**
     * Each unit's row of a breakdown over several months, with the period rule for flows: a unit's flow figure is
     * hidden when a month of it is hidden in that month's breakdown (as the unit's own series hides it), so the row
     * hides what GET /measures for the unit alone hides.
     */
    private Map<String, Map<String, SuppressionReason>> withPeriodOfFlows(MeasureSuppression rule, MeasureTarget parent, MeasurePeriod period,
                                                                           Set<String> keys, Map<String, Map<String, Figure>> rows,
                                                                           Map<String, Map<String, SuppressionReason>> reasons) {
        Set<String> flows = flowKeys(keys);
        // Units of no group have months of none: nothing hidden in them to work out.
        flows.removeIf(k -> rows.values().stream().noneMatch(r -> r.containsKey(k) && r.get(k).groupSize() > 0));
        if (period.months().size() < 2 || flows.isEmpty()) {
            return reasons;
        }
        Map<String, Map<String, SuppressionReason>> out = new HashMap<>();
        reasons.forEach((unit, r) -> out.put(unit, new HashMap<>(r)));
        Map<String, Map<String, Map<YearMonth, Figure>>> units = seriesBreakdownOf(parent, flows, period);
        Map<String, Map<YearMonth, Figure>> parentSeries = seriesOf(parent, flows, period);
        Map<YearMonth, Set<String>> whole = wholeUnitsPerMonth(rule, parent, period);
        Set<String> unitIds = new HashSet<>();
        units.values().forEach(u -> unitIds.addAll(u.keySet()));
        for (String unit : unitIds) {
            Map<String, Map<YearMonth, Figure>> own = new HashMap<>();
            Map<String, Map<YearMonth, SuppressionReason>> hidden = new HashMap<>();
            for (String key : flows) {
                Map<String, Map<YearMonth, Figure>> siblings = units.getOrDefault(key, Map.of());
                own.put(key, siblings.getOrDefault(unit, Map.of()));
                hidden.put(key, monthReasons(rule, unit, own.get(key), siblings, parentSeries.getOrDefault(key, Map.of()), whole,
                        monthsWhole(whole, unit)));
            }
            rule.periodOfFlows(shownAndHidden(hidden, own), period.months().size())
                    .forEach((key, why) -> out.computeIfAbsent(unit, u -> new HashMap<>()).putIfAbsent(key, why));
        }
        return out;
    }

    /**
     * Per measure, the months of the target's series an aggregate caller does not see: small for their own group,
     * hidden by differencing in that month's breakdown of the parent (units hidden whole that month included), or
     * with the scope's counted staff below the minimum. The same months for the series and for the period rule.
     *
     * @param own the target's series per measure key (the measures asked about)
     */
    private Map<String, Map<YearMonth, SuppressionReason>> hiddenMonths(MeasureSuppression rule, MeasureTarget target,
                                                                       Map<String, Map<YearMonth, Figure>> own, MeasurePeriod period) {
        Optional<MeasureTarget> parent = parent(target);
        Set<String> keys = own.keySet();
        Map<String, Map<String, Map<YearMonth, Figure>>> siblings = parent.isEmpty() ? Map.of() : seriesBreakdownOf(parent.get(), keys, period);
        Map<String, Map<YearMonth, Figure>> parentSeries = parent.isEmpty() ? Map.of() : seriesOf(parent.get(), keys, period);
        Map<YearMonth, Set<String>> whole = parent.isEmpty() ? Map.of() : wholeUnitsPerMonth(rule, parent.get(), period);
        Set<YearMonth> wholeMonths = new HashSet<>();
        countedPerMonth(target, period).forEach((month, n) -> {
            if (rule.wholeScope(n)) {
                wholeMonths.add(month);
            }
        });
        Map<String, Map<YearMonth, SuppressionReason>> out = new HashMap<>();
        own.forEach((key, series) -> out.put(key, parent.isEmpty()
                ? monthReasons(rule, null, series, null, null, Map.of(), wholeMonths)
                : monthReasons(rule, target.id(), series, siblings.getOrDefault(key, Map.of()), parentSeries.getOrDefault(key, Map.of()),
                whole, wholeMonths)));
        return out;
    }

    /** One unit's months hidden for one measure: the series rule, and the months its counted staff are below the minimum. */
    private static Map<YearMonth, SuppressionReason> monthReasons(MeasureSuppression rule, String unit, Map<YearMonth, Figure> own,
                                                                  Map<String, Map<YearMonth, Figure>> siblings, Map<YearMonth, Figure> parent,
                                                                  Map<YearMonth, Set<String>> wholePerMonth, Set<YearMonth> wholeMonths) {
        Map<YearMonth, SuppressionReason> out = new HashMap<>(rule.series(unit, own, siblings, parent, wholePerMonth));
        wholeMonths.forEach(m -> out.put(m, SuppressionReason.FEWER_THAN_MINIMUM));
        return out;
    }

    private static Set<YearMonth> monthsWhole(Map<YearMonth, Set<String>> wholePerMonth, String unit) {
        Set<YearMonth> out = new HashSet<>();
        wholePerMonth.forEach((month, units) -> {
            if (units.contains(unit)) {
                out.add(month);
            }
        });
        return out;
    }

    /** The hidden months that have a figure (a month with nothing to count shows nothing to subtract). */
    private static Map<String, Set<YearMonth>> shownAndHidden(Map<String, Map<YearMonth, SuppressionReason>> hidden,
                                                              Map<String, Map<YearMonth, Figure>> own) {
        Map<String, Set<YearMonth>> out = new HashMap<>();
        hidden.forEach((key, months) -> {
            Set<YearMonth> withFigure = new HashSet<>(months.keySet());
            withFigure.retainAll(own.getOrDefault(key, Map.of()).keySet());
            out.put(key, withFigure);
        });
        return out;
    }

    private Set<String> flowKeys(Set<String> keys) {
        Set<String> out = new HashSet<>();
        definitions().forEach(d -> {
            if (d.flow() && keys.contains(d.key())) {
                out.add(d.key());
            }
        });
        return out;
    }

    private Map<String, Map<YearMonth, Figure>> seriesOf(MeasureTarget scope, Set<String> keys, MeasurePeriod period) {
        Map<String, Map<YearMonth, Figure>> out = new HashMap<>();
        sources.forEach(s -> out.putAll(s.seriesOf(scope, keys, period)));
        return out;
    }

    private Map<String, Map<String, Map<YearMonth, Figure>>> seriesBreakdownOf(MeasureTarget parent, Set<String> keys, MeasurePeriod period) {
        Map<String, Map<String, Map<YearMonth, Figure>>> out = new HashMap<>();
        sources.forEach(s -> out.putAll(s.seriesBreakdownOf(parent, keys, period)));
        return out;
    }

    /** The unit one level up whose breakdown lists this one: a team's service, a service's directorate. */
    private static Optional<MeasureTarget> parent(MeasureTarget target) {
        return switch (target.kind()) {
            case TEAM -> Optional.of(new MeasureTarget(MeasureScopeKind.SERVICE, target.organisationId(), target.serviceId(), "",
                    null, true));
            case SERVICE -> Optional.of(new MeasureTarget(MeasureScopeKind.DIRECTORATE, target.organisationId(), null, "", null, true));
            default -> Optional.empty();
        };
    }

    /**
     * A source may withhold a distribution itself, for every caller (Part 2 answers: issue 9's anonymity rules): it
     * then sends no parts for a group that answered. That is shown as suppressed, never as an empty distribution.
     */
    private static SuppressionReason withheld(MeasureSuppression rule, MeasureDef def, Figure f, SuppressionReason reason) {
        if (reason != null || def.kind() != MeasureKind.DISTRIBUTION || f.groupSize() <= 0 || !f.parts().isEmpty()) {
            return reason;
        }
        return rule.small(f.groupSize()) ? SuppressionReason.FEWER_THAN_MINIMUM : SuppressionReason.DIFFERENCING;
    }

    private static Measure measure(MeasureDef def, Figure f, SuppressionReason reason) {
        Measure m = new Measure(def.key(), def.label(), def.group(), def.kind(), def.unit(), def.lowerIsBetter(), reason != null);
        m.setTarget(def.target());
        m.setPeople(def.people());
        if (reason != null) {
            m.setSuppressedBecause(reason);
            m.setParts(List.of());
            return m;
        }
        m.setNumerator(f.numerator());
        m.setDenominator(f.denominator());
        m.setValue(f.value());
        List<MeasurePart> parts = new ArrayList<>();
        for (Figure.Part p : f.parts()) {
            parts.add(new MeasurePart(p.label()).count(p.count()).value(p.value()));
        }
        m.setParts(parts);
        return m;
    }

    private static MeasureScopeRef ref(MeasureTarget target) {
        MeasureScopeRef ref = new MeasureScopeRef(target.kind(), target.name());
        if (target.id() != null) {
            ref.setId(UUID.fromString(target.id()));
        }
        return ref;
    }

    int minimum(String organisationId) {
        Integer m = policy.effectiveRules(organisationId).getSuppressionMinimum();
        return m == null ? DEFAULT_MINIMUM : m;
    }

    // ---- SQL: the scope, the units one level down, staff counted per unit, the facts' age, team names

    private MeasureTarget one(String sql, String id, String org, MeasureScopeKind kind, String what) {
        List<MeasureTarget> found = jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, id);
            if (kind != MeasureScopeKind.DIRECTORATE) {
                ps.setString(2, org);
            }
            List<MeasureTarget> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MeasureTarget(kind, org, rs.getString(1), rs.getString(2), rs.getString(3), false));
                }
            }
            return out;
        });
        if (found.isEmpty()) {
            throw Problems.notFound(what == null ? "The organisation" : what);
        }
        return found.get(0);
    }

    /** The units one level down by id, in name order: the directorate's services or a service's teams. */
    private Map<String, String> units(MeasureTarget parent) {
        boolean directorate = parent.kind() == MeasureScopeKind.DIRECTORATE;
        return jdbc.prepareStatement(directorate ? "SELECT id, name FROM service WHERE organisation_id = ? ORDER BY name, id"
                : "SELECT id, name FROM team WHERE service_id = ? ORDER BY name, id", ps -> {
            ps.setString(1, directorate ? parent.organisationId() : parent.id());
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /**
     * Staff counted at the period's end per unit one level down, from the per-team monthly facts (decision 0032):
     * a unit with fewer than the minimum is suppressed whole for aggregate callers. One query.
     */
    private Map<String, Long> countedPerUnit(MeasureTarget parent, MeasurePeriod period) {
        if (parent.kind() != MeasureScopeKind.DIRECTORATE && parent.kind() != MeasureScopeKind.SERVICE) {
            return Map.of();
        }
        boolean directorate = parent.kind() == MeasureScopeKind.DIRECTORATE;
        String sql = directorate
                ? "SELECT service_id, SUM(counted_staff) FROM measure_team_month WHERE organisation_id = ? AND month_start = ? GROUP BY service_id"
                : "SELECT team_key, SUM(counted_staff) FROM measure_team_month WHERE organisation_id = ? AND month_start = ? AND service_id = ?"
                + " GROUP BY team_key";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, parent.organisationId());
            ps.setDate(2, Date.valueOf(period.to().atDay(1)));
            if (!directorate) {
                ps.setString(3, parent.id());
            }
            Map<String, Long> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Per month, the units one level down whose counted staff that month are below the minimum. One grouped query. */
    private Map<YearMonth, Set<String>> wholeUnitsPerMonth(MeasureSuppression rule, MeasureTarget parent, MeasurePeriod period) {
        if (parent.kind() != MeasureScopeKind.DIRECTORATE && parent.kind() != MeasureScopeKind.SERVICE) {
            return Map.of();
        }
        boolean directorate = parent.kind() == MeasureScopeKind.DIRECTORATE;
        String unit = directorate ? "service_id" : "team_key";
        return jdbc.prepareStatement("SELECT month_start, " + unit + ", SUM(counted_staff) FROM measure_team_month"
                + " WHERE organisation_id = ? AND month_start >= ? AND month_start <= ?" + (directorate ? "" : " AND service_id = ?")
                + " GROUP BY month_start, " + unit, ps -> {
            ps.setString(1, parent.organisationId());
            ps.setDate(2, Date.valueOf(period.from().atDay(1)));
            ps.setDate(3, Date.valueOf(period.to().atDay(1)));
            if (!directorate) {
                ps.setString(4, parent.id());
            }
            Map<YearMonth, Set<String>> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rule.wholeScope(rs.getLong(3))) {
                        out.computeIfAbsent(YearMonth.from(rs.getDate(1).toLocalDate()), m -> new HashSet<>()).add(rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** Staff counted at each month's end in a directorate, service or team, from the per-team monthly facts. One query. */
    private Map<YearMonth, Long> countedPerMonth(MeasureTarget target, MeasurePeriod period) {
        String filter = switch (target.kind()) {
            case SERVICE -> " AND service_id = ?";
            case TEAM -> " AND team_id = ?";
            case DIRECTORATE -> "";
            default -> null;
        };
        if (filter == null) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT month_start, SUM(counted_staff) FROM measure_team_month WHERE organisation_id = ?"
                + " AND month_start >= ? AND month_start <= ?" + filter + " GROUP BY month_start", ps -> {
            ps.setString(1, target.organisationId());
            ps.setDate(2, Date.valueOf(period.from().atDay(1)));
            ps.setDate(3, Date.valueOf(period.to().atDay(1)));
            if (target.kind() != MeasureScopeKind.DIRECTORATE) {
                ps.setString(4, target.id());
            }
            Map<YearMonth, Long> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** When the oldest of the monthly facts for the period was computed; now when there are none (computed live). */
    private OffsetDateTime computedAt(String organisationId, MeasurePeriod period) {
        Timestamp oldest = jdbc.prepareStatement("SELECT MIN(computed_at) FROM measure_team_month WHERE organisation_id = ?"
                + " AND month_start >= ? AND month_start <= ?", ps -> {
            ps.setString(1, organisationId);
            ps.setDate(2, Date.valueOf(period.from().atDay(1)));
            ps.setDate(3, Date.valueOf(period.to().atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1) : null;
            }
        });
        return (oldest == null ? clock.instant() : oldest.toInstant()).atOffset(ZoneOffset.UTC);
    }

    private Map<String, String> teamNames(List<String> teamIds) {
        Set<String> ids = new HashSet<>(teamIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT id, name FROM team WHERE id IN (" + Sql.placeholders(ids.size()) + ")", ps -> {
            int i = 1;
            for (String id : ids) {
                ps.setString(i++, id);
            }
            Map<String, String> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }
}
