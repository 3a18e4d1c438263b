package uk.supervision.auditreport;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.ActionStatus;
import uk.supervision.api.model.AuditReport;
import uk.supervision.api.model.AuditReportAction;
import uk.supervision.api.model.AuditReportList;
import uk.supervision.api.model.AuditReportStatus;
import uk.supervision.api.model.AuditReportSummary;
import uk.supervision.api.model.AuditReportUpdate;
import uk.supervision.api.model.FieldError;
import uk.supervision.api.model.FunctionMean;
import uk.supervision.api.model.GradeCount;
import uk.supervision.api.model.OverallGradeAnswer;
import uk.supervision.api.model.QuestionMean;
import uk.supervision.api.model.ServiceRef;
import uk.supervision.api.model.StaffRef;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.audit.Quarter;
import uk.supervision.integrity.Canonical;
import uk.supervision.integrity.HashChain;
import uk.supervision.integrity.SignedContentSource;
import uk.supervision.integrity.SignedItem;
import uk.supervision.integrity.SignedItemRepository;
import uk.supervision.policy.PolicyService;
import uk.supervision.policy.TemplateItemEntity;
import uk.supervision.problem.ProblemException;
import uk.supervision.problem.ProblemType;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.security.PasswordHasher;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffMapper;
import uk.supervision.staff.StaffRepository;
import uk.supervision.support.ETags;
import uk.supervision.support.Ids;
import uk.supervision.team.DirectorateService;
import uk.supervision.team.DirectorateServiceRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's quarterly audit report (DOMAIN section 7): the figures are counted in SQL from the completed audits
 * of the quarter (one GROUP BY each); QA auditors and the service's service managers write the themes and
 * recommendations; a head of service over the service signs it off, and from then on it is read from its signed
 * copy in signed_item (type AUDIT_REPORT), figures included, so later audits do not change it (decision 0027).
 */
@Singleton
public class AuditReportService implements SignedContentSource {
    public static final String AUDIT_REPORT = "AUDIT_REPORT";
    private static final String DRAFT = "DRAFT";
    private static final String SIGNED_OFF = "SIGNED_OFF";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern NUMBER = Pattern.compile("^q([0-9]+)", Pattern.CASE_INSENSITIVE);

    private final JdbcOperations jdbc;
    private final AccessPolicy access;
    private final DirectorateServiceRepository services;
    private final StaffRepository staff;
    private final PolicyService policy;
    private final HashChain chain;
    private final SignedItemRepository items;
    private final Canonical canonical;
    private final ActivityLog activityLog;
    private final Clock clock;

    public AuditReportService(JdbcOperations jdbc, AccessPolicy access, DirectorateServiceRepository services, StaffRepository staff,
                              PolicyService policy, HashChain chain, SignedItemRepository items, Canonical canonical,
                              ActivityLog activityLog, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.services = services;
        this.staff = staff;
        this.policy = policy;
        this.chain = chain;
        this.items = items;
        this.canonical = canonical;
        this.activityLog = activityLog;
        this.clock = clock;
    }

    /** The audit_report row of a service and quarter, when one was written. */
    private record Row(String id, String organisationId, String serviceId, String quarter, String themes, String recommendations,
                       String status, String signedOffBy, Instant signedOffAt, String contentHash, int version, Integer auditsCompleted) {
    }

    // ---- operations

    @Transactional
    public AuditReportList list(Caller caller, String quarterText) {
        Quarter quarter = Quarter.parse(quarterText, "#quarter");
        AccessPolicy.ServiceScope scope = access.auditReportScope(caller);
        Map<String, Integer> completed = new HashMap<>();
        // One GROUP BY for every service; a signed-off report shows the count it was signed off with.
        jdbc.prepareStatement("SELECT a.service_id, COUNT(*) FROM file_audit a JOIN file_audit_signature s ON s.file_audit_id = a.id "
                + "WHERE a.organisation_id = ? AND a.quarter = ? AND a.service_id IS NOT NULL GROUP BY a.service_id", ps -> {
            ps.setString(1, caller.organisationId());
            ps.setString(2, quarter.toString());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    completed.put(rs.getString(1), rs.getInt(2));
                }
            }
            return null;
        });
        Map<String, Row> reports = new HashMap<>();
        jdbc.prepareStatement(ROW_SQL + "WHERE organisation_id = ? AND quarter = ?", ps -> {
            ps.setString(1, caller.organisationId());
            ps.setString(2, quarter.toString());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = row(rs);
                    reports.put(r.serviceId(), r);
                }
            }
            return null;
        });
        List<DirectorateService> all = new ArrayList<>();
        jdbc.prepareStatement("SELECT id, name FROM service WHERE organisation_id = ? ORDER BY name, id", ps -> {
            ps.setString(1, caller.organisationId());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new DirectorateService(rs.getString(1), caller.organisationId(), rs.getString(2), null));
                }
            }
            return null;
        });
        List<AuditReportSummary> out = new ArrayList<>();
        for (DirectorateService s : all) {
            if (!scope.covers(s.id())) {
                continue;
            }
            Row r = reports.get(s.id());
            boolean signedOff = r != null && SIGNED_OFF.equals(r.status());
            AuditReportSummary summary = new AuditReportSummary(new ServiceRef(UUID.fromString(s.id()), s.name()), quarter.toString(),
                    AuditReportStatus.fromValue(signedOff ? SIGNED_OFF : DRAFT),
                    signedOff ? r.auditsCompleted() : completed.getOrDefault(s.id(), 0));
            summary.setMayEdit(!signedOff && access.canEditAuditReport(caller, s.id()));
            summary.setMaySignOff(!signedOff && access.canSignOffAuditReport(caller, s.id()));
            summary.setSignedOffAt(signedOff ? r.signedOffAt().atOffset(ZoneOffset.UTC) : null);
            out.add(summary);
        }
        return new AuditReportList(out);
    }

    @Transactional
    public AuditReport get(Caller caller, UUID serviceId, String quarterText) {
        Quarter quarter = Quarter.parse(quarterText, "#quarter");
        DirectorateService service = service(caller, serviceId);
        access.requireReadAuditReport(caller, service.id());
        return view(service, content(service, quarter, find(service.organisationId(), service.id(), quarter).orElse(null)));
    }

    @Transactional
    public AuditReport update(Caller caller, UUID serviceId, String quarterText, AuditReportUpdate body, String ifMatch) {
        Quarter quarter = Quarter.parse(quarterText, "#quarter");
        DirectorateService service = service(caller, serviceId);
        access.requireEditAuditReport(caller, service.id());
        Optional<Row> existing = find(service.organisationId(), service.id(), quarter);
        if (existing.isPresent() && SIGNED_OFF.equals(existing.get().status())) {
            throw Problems.conflict("The report is signed off and locked.");
        }
        int version = existing.map(Row::version).orElse(0);
        ETags.requireCurrent(ifMatch, version);
        Instant now = clock.instant();
        String themes = blank(body.getThemes());
        String recommendations = blank(body.getRecommendations());
        if (existing.isEmpty()) {
            jdbc.prepareStatement("INSERT INTO audit_report (id, organisation_id, service_id, quarter, themes, recommendations, status, "
                    + "signed_off_by_staff_id, signed_off_at, content_hash, version, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', NULL, NULL, NULL, 1, ?, ?)", ps -> {
                ps.setString(1, Ids.newId());
                ps.setString(2, service.organisationId());
                ps.setString(3, service.id());
                ps.setString(4, quarter.toString());
                ps.setString(5, themes);
                ps.setString(6, recommendations);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setTimestamp(8, Timestamp.from(now));
                return ps.executeUpdate();
            });
        } else {
            int changed = jdbc.prepareStatement("UPDATE audit_report SET themes = ?, recommendations = ?, version = version + 1, updated_at = ? "
                    + "WHERE id = ? AND version = ? AND status = 'DRAFT'", ps -> {
                ps.setString(1, themes);
                ps.setString(2, recommendations);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, existing.get().id());
                ps.setInt(5, version);
                return ps.executeUpdate();
            });
            if (changed != 1) {
                throw Problems.preconditionFailed(version);
            }
        }
        Row row = find(service.organisationId(), service.id(), quarter).orElseThrow();
        activityLog.record(caller, "AUDIT_REPORT_WRITTEN", "audit_report", row.id(), quarter.toString());
        return view(service, content(service, quarter, row));
    }

    @Transactional
    public AuditReport signOff(Caller caller, UUID serviceId, String quarterText, String ifMatch) {
        Quarter quarter = Quarter.parse(quarterText, "#quarter");
        DirectorateService service = service(caller, serviceId);
        access.requireSignOffAuditReport(caller, service.id());
        Optional<Row> locked = lock(service.organisationId(), service.id(), quarter);
        if (locked.isPresent() && SIGNED_OFF.equals(locked.get().status())) {
            throw Problems.conflict("The report is already signed off and locked.");
        }
        int version = locked.map(Row::version).orElse(0);
        ETags.requireCurrent(ifMatch, version);
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        if (!today.isAfter(quarter.lastDay())) {
            errors.add(new FieldError("/quarter", "The quarter " + quarter.label() + " has not ended yet: sign the report off after "
                    + quarter.lastDay() + "."));
        }
        if (completedCount(service.organisationId(), service.id(), quarter) == 0) {
            errors.add(new FieldError("/auditsCompleted", "No audit of the quarter is completed yet."));
        }
        if (locked.isEmpty() || locked.get().themes() == null) {
            errors.add(new FieldError("/themes", "Write the themes of the quarter's audits before signing the report off."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE,
                    "The report cannot be signed off yet.", errors, null, null);
        }
        Row row = locked.orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int counted = completedCount(service.organisationId(), service.id(), quarter);
        int changed = jdbc.prepareStatement("UPDATE audit_report SET status = 'SIGNED_OFF', signed_off_by_staff_id = ?, signed_off_at = ?, "
                + "audits_completed = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'DRAFT'", ps -> {
            ps.setString(1, caller.staffId());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setInt(3, counted);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, row.id());
            ps.setInt(6, row.version());
            return ps.executeUpdate();
        });
        if (changed != 1) {
            throw Problems.preconditionFailed(row.version());
        }
        // The content is built from the row as stored (the database decides the precision of signed_off_at), as verification rebuilds it.
        Row stored = one(ROW_SQL + "WHERE id = ?", row.id()).orElseThrow();
        String json = canonical.write(content(stored, quarter, null, null));
        String hash = PasswordHasher.sha256(json);
        jdbc.prepareStatement("UPDATE audit_report SET content_hash = ? WHERE id = ?", ps -> {
            ps.setString(1, hash);
            ps.setString(2, row.id());
            return ps.executeUpdate();
        });
        chain.append(row.organisationId(), AUDIT_REPORT, row.id(), json);
        activityLog.record(caller, "AUDIT_REPORT_SIGNED_OFF", "audit_report", row.id(), "content " + hash);
        return view(service, content(service, quarter, find(service.organisationId(), service.id(), quarter).orElseThrow()));
    }

    // ---- verification (integrity)

    @Override
    public List<String> itemTypes() {
        return List.of(AUDIT_REPORT);
    }

    /**
     * The signed report rebuilt from the rows: the report row, and the figures of the audits it counted (their ids are in
     * the signed copy; each must still be a completed audit of the service and quarter). The progress of the actions (status, overdue) is what it was at sign-off and moves on afterwards
     * as the actions are reviewed, so it is taken from the signed copy; everything else is recomputed.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> liveContent(String itemType, String itemId) {
        Optional<Row> row = one(ROW_SQL + "WHERE id = ?", itemId);
        if (row.isEmpty() || !SIGNED_OFF.equals(row.get().status())) {
            return Optional.empty();
        }
        Map<String, Object> signed = items.findByItemTypeAndItemId(AUDIT_REPORT, itemId).map(i -> canonical.read(i.contentJson())).orElse(Map.of());
        Map<String, Object> progress = (Map<String, Object>) signed.getOrDefault("actionProgress", Map.of());
        List<String> counted = (List<String>) signed.getOrDefault("audits", List.of());
        Row r = row.get();
        return Optional.of(canonical.write(content(new Row(r.id(), r.organisationId(), r.serviceId(), r.quarter(), r.themes(),
                r.recommendations(), r.status(), r.signedOffBy(), r.signedOffAt(), null, r.version(), r.auditsCompleted()),
                Quarter.parse(r.quarter(), "/quarter"), progress, counted)));
    }

    // ---- content: one map, computed live or read from the signed copy

    /** The report's content: from the signed copy once signed off, otherwise computed now. */
    private Map<String, Object> content(DirectorateService service, Quarter quarter, Row row) {
        if (row != null && SIGNED_OFF.equals(row.status())) {
            Map<String, Object> c = snapshot(row);
            c.put("version", row.version());
            c.put("contentHash", row.contentHash());
            return c;
        }
        Row draft = row != null ? row : new Row(null, service.organisationId(), service.id(), quarter.toString(), null, null, DRAFT,
                null, null, null, 0, null);
        Map<String, Object> c = content(draft, quarter, null, null);
        c.put("version", draft.version());
        return c;
    }

    private Map<String, Object> snapshot(Row row) {
        return new TreeMap<>(canonical.read(items.findByItemTypeAndItemId(AUDIT_REPORT, row.id())
                .orElseThrow(() -> new IllegalStateException("Signed-off audit report without its signed copy: " + row.id())).contentJson()));
    }

    /**
     * The canonical content of a report: the row's fields and the figures of the quarter's completed audits of the service
     * (only those in {@code counted}, when given: verification). {@code progress}: the actions' progress to use instead of
     * their current state (verification).
     */
    private Map<String, Object> content(Row row, Quarter quarter, Map<String, Object> progress, List<String> counted) {
        Map<String, Object> c = new TreeMap<>();
        c.put("reportId", Canonical.text(row.id()));
        c.put("organisationId", row.organisationId());
        c.put("serviceId", row.serviceId());
        c.put("quarter", quarter.toString());
        c.put("status", row.status());
        c.put("themes", Canonical.text(row.themes()));
        c.put("recommendations", Canonical.text(row.recommendations()));
        c.put("signedOffBy", Canonical.text(row.signedOffBy()));
        c.put("signedOffAt", Canonical.text(row.signedOffAt()));
        List<String> audits = new ArrayList<>();
        query("SELECT a.id FROM file_audit a JOIN file_audit_signature s ON s.file_audit_id = a.id "
                + "WHERE a.organisation_id = ? AND a.service_id = ? AND a.quarter = ?" + countedSql(counted) + " ORDER BY a.id",
                args(row, quarter, counted), rs -> audits.add(rs.getString(1)));
        c.put("audits", audits);

        Map<String, Integer> grades = new HashMap<>();
        int[] total = {0};
        query("SELECT a.grade, COUNT(*) FROM file_audit a JOIN file_audit_signature s ON s.file_audit_id = a.id "
                + "WHERE a.organisation_id = ? AND a.service_id = ? AND a.quarter = ?" + countedSql(counted) + " GROUP BY a.grade",
                args(row, quarter, counted), rs -> {
                    total[0] += rs.getInt(2);
                    if (rs.getString(1) != null) {
                        grades.put(rs.getString(1), rs.getInt(2));
                    }
                });
        c.put("auditsCompleted", total[0]);
        List<Map<String, Object>> gradeList = new ArrayList<>();
        for (OverallGradeAnswer g : OverallGradeAnswer.values()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("grade", g.getValue());
            m.put("count", grades.getOrDefault(g.getValue(), 0));
            gradeList.add(m);
        }
        c.put("grades", gradeList);

        Map<String, long[]> perQuestion = new LinkedHashMap<>();
        query("SELECT r.item_key, SUM(r.rating), COUNT(*) FROM file_audit_rating r JOIN file_audit a ON a.id = r.file_audit_id "
                + "JOIN file_audit_signature s ON s.file_audit_id = a.id WHERE r.organisation_id = ? AND r.service_id = ? AND r.quarter = ?"
                + countedSql(counted) + " GROUP BY r.item_key", args(row, quarter, counted),
                rs -> perQuestion.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)}));
        List<Map<String, Object>> questions = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (TemplateItemEntity item : policy.activeTemplate(row.organisationId(), TemplateKind.AUDIT).items().stream()
                .filter(i -> "RATING_1_5".equals(i.answerType())).sorted(Comparator.comparingInt(TemplateItemEntity::position)).toList()) {
            questions.add(question(item.itemKey(), item.label(), item.functionTag(), perQuestion.get(item.itemKey())));
            listed.add(item.itemKey());
        }
        perQuestion.keySet().stream().filter(k -> !listed.contains(k)).sorted()
                .forEach(k -> questions.add(question(k, k, null, perQuestion.get(k))));
        c.put("questions", questions);

        List<Map<String, Object>> functions = new ArrayList<>();
        query("SELECT r.function_tag, SUM(r.rating), COUNT(*) FROM file_audit_rating r JOIN file_audit a ON a.id = r.file_audit_id "
                + "JOIN file_audit_signature s ON s.file_audit_id = a.id WHERE r.organisation_id = ? AND r.service_id = ? AND r.quarter = ?"
                + countedSql(counted) + " AND r.function_tag IS NOT NULL GROUP BY r.function_tag ORDER BY r.function_tag", args(row, quarter, counted), rs -> {
                    Map<String, Object> m = new TreeMap<>();
                    m.put("functionTag", rs.getString(1));
                    m.put("meanRating", mean(rs.getLong(2), rs.getLong(3)));
                    m.put("count", rs.getLong(3));
                    functions.add(m);
                });
        c.put("functions", functions);

        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        List<Map<String, Object>> actions = new ArrayList<>();
        Map<String, Object> actionProgress = new TreeMap<>();
        query("SELECT sa.id, sa.text, sa.owner_staff_id, sa.due_date, sa.status, sa.file_audit_id FROM supervision_action sa "
                + "JOIN file_audit a ON a.id = sa.file_audit_id JOIN file_audit_signature s ON s.file_audit_id = a.id "
                + "WHERE a.organisation_id = ? AND a.service_id = ? AND a.quarter = ?" + countedSql(counted) + " ORDER BY sa.due_date, sa.id",
                args(row, quarter, counted), rs -> {
                    Map<String, Object> m = new TreeMap<>();
                    String id = rs.getString(1);
                    m.put("id", id);
                    m.put("text", rs.getString(2));
                    m.put("owner", rs.getString(3));
                    m.put("dueDate", rs.getDate(4).toLocalDate().toString());
                    m.put("auditId", rs.getString(6));
                    actions.add(m);
                    Map<String, Object> p = new TreeMap<>();
                    p.put("status", rs.getString(5));
                    p.put("overdue", "OPEN".equals(rs.getString(5)) && rs.getDate(4).toLocalDate().isBefore(today));
                    actionProgress.put(id, p);
                });
        c.put("actions", actions);
        c.put("actionProgress", progress != null ? progress : actionProgress);
        return c;
    }

    private static Map<String, Object> question(String key, String label, String functionTag, long[] sumAndCount) {
        Map<String, Object> m = new TreeMap<>();
        Matcher n = NUMBER.matcher(key);
        m.put("key", key);
        m.put("number", n.find() ? "Q" + n.group(1) : key);
        m.put("label", label);
        m.put("functionTag", Canonical.text(functionTag));
        m.put("meanRating", sumAndCount == null ? "" : mean(sumAndCount[0], sumAndCount[1]));
        m.put("count", sumAndCount == null ? 0L : sumAndCount[1]);
        return m;
    }

    /** To 2 decimals, half up, as text (so the signed copy holds exactly what was shown). */
    private static String mean(long sum, long count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Only the audits a signed report counted (verification); an empty list counts none. */
    private static String countedSql(List<String> counted) {
        if (counted == null) {
            return "";
        }
        return counted.isEmpty() ? " AND 1 = 0" : " AND a.id IN (" + String.join(", ", counted.stream().map(i -> "?").toList()) + ")";
    }

    private static List<Object> args(Row row, Quarter quarter, List<String> counted) {
        List<Object> args = new ArrayList<>(List.of(row.organisationId(), row.serviceId(), quarter.toString()));
        if (counted != null) {
            args.addAll(counted);
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    private AuditReport view(DirectorateService service, Map<String, Object> c) {
        Set<String> people = new HashSet<>();
        List<Map<String, Object>> actions = (List<Map<String, Object>>) c.get("actions");
        actions.forEach(a -> people.add((String) a.get("owner")));
        String signedOffBy = blank((String) c.get("signedOffBy"));
        if (signedOffBy != null) {
            people.add(signedOffBy);
        }
        Map<String, Staff> byId = new HashMap<>();
        if (!people.isEmpty()) {
            staff.findByIdIn(people).forEach(s -> byId.put(s.id(), s));
        }
        Map<String, Object> progress = (Map<String, Object>) c.get("actionProgress");
        AuditReport dto = new AuditReport(new ServiceRef(UUID.fromString(service.id()), service.name()), (String) c.get("quarter"),
                AuditReportStatus.fromValue((String) c.get("status")), ((Number) c.get("auditsCompleted")).intValue(),
                ((List<Map<String, Object>>) c.get("grades")).stream().map(g -> new GradeCount(OverallGradeAnswer.fromValue((String) g.get("grade")),
                        ((Number) g.get("count")).intValue())).toList(),
                ((List<Map<String, Object>>) c.get("questions")).stream().map(q -> {
                    QuestionMean m = new QuestionMean((String) q.get("key"), (String) q.get("number"), (String) q.get("label"),
                            ((Number) q.get("count")).intValue());
                    m.setFunctionTag(blank((String) q.get("functionTag")));
                    String mean = blank((String) q.get("meanRating"));
                    m.setMeanRating(mean == null ? null : Double.valueOf(mean));
                    return m;
                }).toList(),
                ((List<Map<String, Object>>) c.get("functions")).stream().map(f -> new FunctionMean((String) f.get("functionTag"),
                        Double.valueOf((String) f.get("meanRating")), ((Number) f.get("count")).intValue())).toList(),
                actions.stream().map(a -> {
                    Map<String, Object> p = (Map<String, Object>) progress.getOrDefault((String) a.get("id"), Map.of("status", "OPEN", "overdue", false));
                    return new AuditReportAction(UUID.fromString((String) a.get("id")), (String) a.get("text"),
                            ref(byId, (String) a.get("owner")), LocalDate.parse((String) a.get("dueDate")),
                            ActionStatus.fromValue((String) p.get("status")), (Boolean) p.get("overdue"), UUID.fromString((String) a.get("auditId")));
                }).toList(),
                ((Number) c.get("version")).intValue());
        dto.setThemes(blank((String) c.get("themes")));
        dto.setRecommendations(blank((String) c.get("recommendations")));
        if (signedOffBy != null) {
            dto.setSignedOffBy(ref(byId, signedOffBy));
            dto.setSignedOffAt(Instant.parse((String) c.get("signedOffAt")).atOffset(ZoneOffset.UTC));
        }
        dto.setContentHash((String) c.get("contentHash"));
        return dto;
    }

    private static StaffRef ref(Map<String, Staff> byId, String id) {
        Staff s = byId.get(id);
        return s != null ? StaffMapper.ref(s) : new StaffRef(UUID.fromString(id), "Unknown");
    }

    // ---- rows

    private static final String ROW_SQL = "SELECT id, organisation_id, service_id, quarter, themes, recommendations, status, "
            + "signed_off_by_staff_id, signed_off_at, content_hash, version, audits_completed FROM audit_report ";

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(9);
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), at == null ? null : at.toInstant(), rs.getString(10), rs.getInt(11),
                (Integer) rs.getObject(12, Integer.class));
    }

    private DirectorateService service(Caller caller, UUID serviceId) {
        if (caller.organisationId() == null) {
            throw Problems.forbidden("Quarterly audit reports are for quality assurance and the managers of the service.");
        }
        return services.findByIdAndOrganisationId(serviceId.toString(), caller.organisationId())
                .orElseThrow(() -> Problems.notFound("service"));
    }

    private Optional<Row> find(String organisationId, String serviceId, String quarter) {
        return one(ROW_SQL + "WHERE organisation_id = ? AND service_id = ? AND quarter = ?", organisationId, serviceId, quarter);
    }

    private Optional<Row> find(String organisationId, String serviceId, Quarter quarter) {
        return find(organisationId, serviceId, quarter.toString());
    }

    private Optional<Row> lock(String organisationId, String serviceId, Quarter quarter) {
        return one(ROW_SQL + "WHERE organisation_id = ? AND service_id = ? AND quarter = ? FOR UPDATE", organisationId, serviceId, quarter.toString());
    }

    private Optional<Row> one(String sql, String... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.<Row>empty();
            }
        });
    }

    private int completedCount(String organisationId, String serviceId, Quarter quarter) {
        int[] n = {0};
        query("SELECT COUNT(*) FROM file_audit a JOIN file_audit_signature s ON s.file_audit_id = a.id "
                + "WHERE a.organisation_id = ? AND a.service_id = ? AND a.quarter = ?",
                args(new Row(null, organisationId, serviceId, null, null, null, null, null, null, null, 0, null), quarter, null), rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    private interface RowHandler {
        void handle(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private void query(String sql, List<Object> args, RowHandler handler) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
            return null;
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
