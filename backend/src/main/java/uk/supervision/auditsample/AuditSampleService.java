package uk.supervision.auditsample;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.activitylog.ReadLog;
import uk.supervision.activitylog.RecordRead;
import uk.supervision.api.model.AuditSample;
import uk.supervision.api.model.AuditSampleCreate;
import uk.supervision.api.model.AuditSampleFile;
import uk.supervision.api.model.AuditSamplePage;
import uk.supervision.api.model.AuditStatus;
import uk.supervision.api.model.OverallGradeAnswer;
import uk.supervision.api.model.ServiceRef;
import uk.supervision.api.model.StaffRef;
import uk.supervision.api.model.TeamRef;
import uk.supervision.audit.Quarter;
import uk.supervision.problem.ProblemException;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;
import uk.supervision.support.Sql;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The quality assurance auditor's quarterly random sample of supervision files (issue 9, item 3): drawn once a quarter
 * over the eligible files with a stored seed, so the draw can be repeated and checked (decision 0026).
 */
@Singleton
public class AuditSampleService {
    static final String ENTITY = "audit_sample";
    private static final SecureRandom SEEDS = new SecureRandom();
    /** 2^53 - 1: the largest seed a browser reads exactly (the contract's bound). */
    static final long MAX_SEED = (1L << 53) - 1;

    private final JdbcOperations jdbc;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final ReadLog readLog;
    private final Clock clock;

    public AuditSampleService(JdbcOperations jdbc, AccessPolicy access, Idempotency idempotency, ActivityLog activityLog, ReadLog readLog,
                              Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.readLog = readLog;
        this.clock = clock;
    }

    public record Created(AuditSample sample, boolean replayed) {
    }

    /** One eligible file: the supervisee, and their team and service today. */
    record Eligible(String superviseeId, String teamId, String serviceId) {
    }

    /** A stored sample row. */
    record SampleRow(String id, String quarter, int size, long seed, int eligibleCount, String drawnByStaffId, Instant drawnAt) {
    }

    // ---- operations

    @Transactional
    public Created draw(Caller caller, AuditSampleCreate body, String idempotencyKey) {
        access.requireAuditSamples(caller);
        Optional<String> previous = idempotency.previous(caller, idempotencyKey, "drawAuditSample", body);
        if (previous.isPresent()) {
            return new Created(loggedView(caller, sample(caller, previous.get())), true);
        }
        LocalDate today = LocalDate.now(clock);
        Quarter quarter = Quarter.parse(body.getQuarter(), "/quarter");
        Quarter current = Quarter.of(today);
        if (!quarter.equals(current) && !quarter.equals(current.next())) {
            throw Problems.rule("/quarter", "A sample is drawn for this quarter (" + current.label() + ") or the next ("
                    + current.next().label() + "), not " + quarter.label() + ".");
        }
        if (sampleOf(caller.organisationId(), quarter).isPresent()) {
            throw alreadyDrawn(quarter);
        }
        List<Eligible> eligible = eligible(caller.organisationId(), quarter, today);
        int size = body.getSize();
        if (size > eligible.size()) {
            throw Problems.rule("/size", (eligible.size() == 1 ? "Only 1 supervision file is" : "Only " + eligible.size() + " supervision files are")
                    + " eligible for " + quarter.label() + " (files audited in " + quarter.previous().label() + " are left out). "
                    + "Choose a sample of " + eligible.size() + " or fewer.");
        }
        long seed = body.getSeed() != null ? body.getSeed() : SEEDS.nextLong(MAX_SEED + 1);
        Map<String, Eligible> byId = new HashMap<>();
        eligible.forEach(e -> byId.put(e.superviseeId(), e));
        List<String> drawn = SampleDraw.draw(eligible.stream().map(Eligible::superviseeId).toList(), size, seed);

        String id = Ids.newId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            Rows.update(jdbc, "INSERT INTO audit_sample (id, organisation_id, quarter, sample_size, seed, eligible_count, drawn_by_staff_id, "
                            + "drawn_by_account_id, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, caller.organisationId(), quarter.toString(), size, seed, eligible.size(), caller.staffId(), caller.accountId(),
                    Timestamp.from(now));
        } catch (RuntimeException e) {
            if (isConstraintViolation(e)) {
                // Two auditors drew at the same moment: the unique (organisation, quarter) kept one.
                throw alreadyDrawn(quarter);
            }
            throw e;
        }
        int position = 0;
        for (String superviseeId : drawn) {
            Eligible e = byId.get(superviseeId);
            Rows.update(jdbc, "INSERT INTO audit_sample_file (sample_id, position, supervisee_id, team_id, service_id) VALUES (?, ?, ?, ?, ?)",
                    id, ++position, superviseeId, e.teamId(), e.serviceId());
        }
        idempotency.remember(caller, idempotencyKey, "drawAuditSample", body, id);
        activityLog.record(caller, "AUDIT_SAMPLE_DRAWN", ENTITY, id,
                "Sample of " + size + " of " + eligible.size() + " eligible files for " + quarter.label() + ", seed " + seed);
        return new Created(view(sample(caller, id)), false);
    }

    @Transactional
    public AuditSample get(Caller caller, UUID sampleId) {
        access.requireAuditSamples(caller);
        return loggedView(caller, sample(caller, sampleId.toString()));
    }

    /** The sample, its read logged against every supervisee it names (it shows the grade of each file's audit). */
    private AuditSample loggedView(Caller caller, SampleRow row) {
        AuditSample sample = view(row);
        readLog.record(caller, RecordRead.one(ENTITY, row.id(), sample.getFiles().stream().map(f -> f.getSupervisee().getId()).toList()));
        return sample;
    }

    @Transactional
    public AuditSamplePage list(Caller caller, Integer limit, String cursor) {
        access.requireAuditSamples(caller);
        List<Object> args = new ArrayList<>(List.of(caller.organisationId()));
        StringBuilder sql = new StringBuilder(SAMPLE_COLUMNS + " WHERE organisation_id = ?");
        List<Object> after = Cursor.decode(CursorList.AUDIT_SAMPLES, cursor, 2, keys -> {
            Timestamp t = Timestamp.from(Instant.parse(keys.get(0)));
            return List.of(t, t, Ids.str(UUID.fromString(keys.get(1))));
        });
        if (after != null) {
            sql.append(" AND (drawn_at < ? OR (drawn_at = ? AND id < ?))");
            args.addAll(after);
        }
        int size = Cursor.limit(limit);
        sql.append(" ORDER BY drawn_at DESC, id DESC LIMIT ?");
        args.add(size + 1);
        List<SampleRow> rows = Rows.query(jdbc, sql.toString(), args, AuditSampleService::sampleRow);
        boolean more = rows.size() > size;
        List<SampleRow> page = more ? rows.subList(0, size) : rows;
        Map<String, List<AuditSampleFile>> files = files(page.stream().map(SampleRow::id).toList());
        Map<String, StaffRef> drawers = staffRefs(page.stream().map(SampleRow::drawnByStaffId).toList());
        AuditSamplePage result = new AuditSamplePage(page.stream().map(r -> view(r, files.getOrDefault(r.id(), List.of()), drawers)).toList());
        if (more) {
            SampleRow last = page.get(page.size() - 1);
            result.setNextCursor(Cursor.encode(CursorList.AUDIT_SAMPLES, last.drawnAt(), last.id()));
        }
        readLog.record(caller, RecordRead.list(ENTITY, result.getItems().stream().flatMap(i -> i.getFiles().stream())
                .map(f -> f.getSupervisee().getId()).toList(), page.size()));
        return result;
    }

    // ---- eligibility

    /**
     * The files eligible for a quarter's sample, sorted by id: staff of the organisation in a team, not left, with a
     * current supervision relation today, except those with a completed (signed) audit in the quarter before.
     */
    List<Eligible> eligible(String organisationId, Quarter quarter, LocalDate today) {
        Date day = Date.valueOf(today);
        return Rows.query(jdbc, "SELECT s.id, s.team_id, t.service_id FROM staff s JOIN team t ON t.id = s.team_id "
                        + "WHERE s.organisation_id = ? AND (s.leaving_date IS NULL OR s.leaving_date > ?) "
                        + "AND EXISTS (SELECT 1 FROM supervision_relation r WHERE r.supervisee_id = s.id AND r.from_date <= ? "
                        + "AND (r.to_date IS NULL OR r.to_date >= ?)) "
                        + "AND NOT EXISTS (SELECT 1 FROM file_audit a JOIN file_audit_signature sig ON sig.file_audit_id = a.id "
                        + "WHERE a.supervisee_id = s.id AND a.organisation_id = ? AND a.quarter = ?) ORDER BY s.id",
                List.of(organisationId, day, day, day, organisationId, quarter.previous().toString()),
                rs -> new Eligible(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    // ---- reading

    private static final String SAMPLE_COLUMNS = "SELECT id, quarter, sample_size, seed, eligible_count, drawn_by_staff_id, drawn_at FROM audit_sample";

    private static SampleRow sampleRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SampleRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getInt(5), rs.getString(6),
                rs.getTimestamp(7).toInstant());
    }

    Optional<SampleRow> sampleOf(String organisationId, Quarter quarter) {
        return Rows.query(jdbc, SAMPLE_COLUMNS + " WHERE organisation_id = ? AND quarter = ?", List.of(organisationId, quarter.toString()),
                AuditSampleService::sampleRow).stream().findFirst();
    }

    /** The sample, if it is the caller's organisation's (404 otherwise). */
    private SampleRow sample(Caller caller, String id) {
        return Rows.query(jdbc, SAMPLE_COLUMNS + " WHERE id = ? AND organisation_id = ?", List.of(id, caller.organisationId()),
                AuditSampleService::sampleRow).stream().findFirst().orElseThrow(() -> Problems.notFound("Audit sample " + id));
    }

    private AuditSample view(SampleRow row) {
        return view(row, files(List.of(row.id())).getOrDefault(row.id(), List.of()), staffRefs(java.util.Collections.singletonList(row.drawnByStaffId())));
    }

    private static AuditSample view(SampleRow row, List<AuditSampleFile> files, Map<String, StaffRef> drawers) {
        int completed = (int) files.stream().filter(f -> f.getAuditStatus() == AuditStatus.COMPLETED).count();
        AuditSample sample = new AuditSample(UUID.fromString(row.id()), row.quarter(), row.size(), row.seed(), row.eligibleCount(),
                row.drawnAt().atOffset(ZoneOffset.UTC), completed, files);
        if (row.drawnByStaffId() != null) {
            sample.setDrawnBy(drawers.get(row.drawnByStaffId()));
        }
        return sample;
    }

    /**
     * The files of these samples with the audit of each (the audit of the sample about that supervisee), in one query,
     * in the order drawn. An audit counts as completed when it is signed.
     */
    Map<String, List<AuditSampleFile>> files(Collection<String> sampleIds) {
        Map<String, List<AuditSampleFile>> out = new LinkedHashMap<>();
        if (sampleIds.isEmpty()) {
            return out;
        }
        Map<String, Integer> lastPosition = new HashMap<>();
        Rows.query(jdbc, "SELECT f.sample_id, f.position, st.id, st.given_name, st.family_name, st.job_title, t.id, t.name, sv.id, sv.name, "
                        + "a.id, a.status, a.grade, sig.id FROM audit_sample_file f JOIN staff st ON st.id = f.supervisee_id "
                        + "LEFT JOIN team t ON t.id = f.team_id LEFT JOIN service sv ON sv.id = f.service_id "
                        + "LEFT JOIN file_audit a ON a.sample_id = f.sample_id AND a.supervisee_id = f.supervisee_id "
                        + "LEFT JOIN file_audit_signature sig ON sig.file_audit_id = a.id "
                        + "WHERE f.sample_id IN (" + Sql.placeholders(sampleIds.size()) + ") ORDER BY f.sample_id, f.position, sig.id, a.id",
                List.copyOf(sampleIds), rs -> {
                    String sampleId = rs.getString(1);
                    int position = rs.getInt(2);
                    if (Integer.valueOf(position).equals(lastPosition.get(sampleId))) {
                        return null; // a second audit of the same file: the first (a completed one, if any) stands
                    }
                    lastPosition.put(sampleId, position);
                    StaffRef supervisee = new StaffRef(UUID.fromString(rs.getString(3)), rs.getString(4) + " " + rs.getString(5));
                    supervisee.setJobTitle(rs.getString(6));
                    AuditSampleFile file = new AuditSampleFile(position, supervisee);
                    if (rs.getString(7) != null) {
                        file.setTeam(new TeamRef(UUID.fromString(rs.getString(7)), rs.getString(8)));
                    }
                    if (rs.getString(9) != null) {
                        file.setService(new ServiceRef(UUID.fromString(rs.getString(9)), rs.getString(10)));
                    }
                    if (rs.getString(11) != null) {
                        file.setAuditId(UUID.fromString(rs.getString(11)));
                        file.setAuditStatus(rs.getString(14) != null ? AuditStatus.COMPLETED : AuditStatus.DRAFT);
                        if (rs.getString(13) != null) {
                            file.setGrade(OverallGradeAnswer.valueOf(rs.getString(13)));
                        }
                    }
                    out.computeIfAbsent(sampleId, k -> new ArrayList<>()).add(file);
                    return null;
                });
        return out;
    }

    Map<String, StaffRef> staffRefs(Collection<String> ids) {
        List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, StaffRef> out = new HashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        Rows.query(jdbc, "SELECT id, given_name, family_name, job_title FROM staff WHERE id IN (" + Sql.placeholders(wanted.size()) + ")",
                wanted, rs -> {
                    StaffRef ref = new StaffRef(UUID.fromString(rs.getString(1)), rs.getString(2) + " " + rs.getString(3));
                    ref.setJobTitle(rs.getString(4));
                    out.put(rs.getString(1), ref);
                    return null;
                });
        return out;
    }

    private static ProblemException alreadyDrawn(Quarter quarter) {
        return Problems.conflict("The sample for " + quarter.label() + " has already been drawn: there is one sample a quarter.");
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
