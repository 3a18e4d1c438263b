package uk.supervision.staff;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.StaffRef;
import uk.supervision.api.model.SupervisionRelationCreate;
import uk.supervision.api.model.SupervisionRelationPage;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.AccessPolicy.StaffScope;
import uk.supervision.security.Caller;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Sql;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Who supervises whom. A supervisee has one supervisor at a time; starting a new one ends the old. */
@Singleton
public class SupervisionRelationService {
    private final SupervisionRelationRepository relations;
    private final StaffRepository staff;
    private final JdbcOperations jdbc;
    private final AccessPolicy access;
    private final ActivityLog activityLog;
    private final Idempotency idempotency;
    private final Clock clock;

    public SupervisionRelationService(SupervisionRelationRepository relations, StaffRepository staff, JdbcOperations jdbc,
                                      AccessPolicy access, ActivityLog activityLog, Idempotency idempotency, Clock clock) {
        this.relations = relations;
        this.staff = staff;
        this.jdbc = jdbc;
        this.access = access;
        this.activityLog = activityLog;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    public uk.supervision.api.model.SupervisionRelation create(Caller caller, SupervisionRelationCreate body, String idempotencyKey) {
        var previous = idempotency.previous(caller, idempotencyKey, "createSupervisionRelation", body);
        if (previous.isPresent()) {
            SupervisionRelation r = relations.findById(previous.get()).orElseThrow();
            return toDto(r, staff.findById(r.supervisorId()).orElseThrow(), staff.findById(r.superviseeId()).orElseThrow());
        }
        Staff supervisee = staff.findByIdAndOrganisationId(body.getSuperviseeId().toString(), caller.organisationId())
                .orElseThrow(() -> Problems.rule("/superviseeId", "There is no such member of staff in your organisation."));
        access.requireArrangeSupervision(caller, supervisee, null);
        Staff supervisor = staff.findByIdAndOrganisationId(body.getSupervisorId().toString(), caller.organisationId())
                .orElseThrow(() -> Problems.rule("/supervisorId", "There is no such member of staff in your organisation."));
        LocalDate to = body.getToDate();
        if (to != null && to.isBefore(body.getFromDate())) {
            throw Problems.rule("/toDate", "The end date must be on or after the start date.");
        }
        // Open: they must still be here today. Ended (history): they must have been here until its end.
        if (supervisor.hasLeftBy(to == null ? LocalDate.now(clock) : to)) {
            throw Problems.rule(to == null ? "/supervisorId" : "/toDate", supervisor.displayName() + " has left by then and cannot supervise.");
        }
        if (supervisee.hasLeftBy(to == null ? body.getFromDate() : to)) {
            throw Problems.rule(to == null ? "/fromDate" : "/toDate", supervisee.displayName() + " has left by then.");
        }
        SupervisionRelation saved = to == null
                ? start(caller, supervisor, supervisee, body.getFromDate(), body.getReason())
                : record(caller, supervisor, supervisee, body.getFromDate(), to, body.getReason());
        idempotency.remember(caller, idempotencyKey, "createSupervisionRelation", body, saved.id());
        return toDto(saved, supervisor, supervisee);
    }

    /** Starts a relation from a date, ending the supervisee's open one the day before. */
    SupervisionRelation start(Caller caller, Staff supervisor, Staff supervisee, LocalDate from, String reason) {
        requireValid(supervisor, supervisee, from);
        // The earlier relation ends the day before; one starting on or after this date would run alongside it.
        for (SupervisionRelation other : relations.findBySuperviseeIdOrderByFromDateAsc(supervisee.id())) {
            if (!other.fromDate().isBefore(from)) {
                throw Problems.rule("/fromDate", supervisee.displayName() + " already has a supervisor recorded from "
                        + other.fromDate() + ". A new supervisor must start after that.");
            }
        }
        relations.endOpenForSupervisee(supervisee.id(), from.minusDays(1));
        return save(caller, supervisor, supervisee, from, null, reason);
    }

    /** Records a relation that has already ended (history): it may not overlap any other of the same supervisee. */
    private SupervisionRelation record(Caller caller, Staff supervisor, Staff supervisee, LocalDate from, LocalDate to, String reason) {
        requireValid(supervisor, supervisee, from);
        for (SupervisionRelation other : relations.findBySuperviseeIdOrderByFromDateAsc(supervisee.id())) {
            boolean overlaps = !other.fromDate().isAfter(to) && (other.toDate() == null || !other.toDate().isBefore(from));
            if (overlaps) {
                // Starting inside the other relation: the start is wrong; running into it: the end is.
                String pointer = other.fromDate().isAfter(from) ? "/toDate" : "/fromDate";
                throw Problems.rule(pointer, "That overlaps " + supervisee.displayName() + "'s supervision from " + other.fromDate()
                        + (other.toDate() == null ? "" : " to " + other.toDate()) + ". A person has one supervisor at a time.");
            }
        }
        return save(caller, supervisor, supervisee, from, to, reason);
    }

    private void requireValid(Staff supervisor, Staff supervisee, LocalDate from) {
        if (supervisor.id().equals(supervisee.id())) {
            throw Problems.rule("/supervisorId", "A person cannot supervise themselves.");
        }
        if (supervisee.hasLeftBy(from)) {
            throw Problems.rule("/fromDate", supervisee.displayName() + " has left by then.");
        }
        if (supervisor.hasLeftBy(from)) {
            throw Problems.rule("/fromDate", supervisor.displayName() + " has left by then and cannot supervise.");
        }
        if (from.isBefore(supervisee.employmentStartDate())) {
            throw Problems.rule("/fromDate", "Supervision cannot start before " + supervisee.displayName() + " started work ("
                    + supervisee.employmentStartDate() + ").");
        }
        if (access.superviseesBelow(supervisee.id()).contains(supervisor.id())) {
            throw Problems.rule("/supervisorId", supervisor.displayName() + " is supervised, directly or through others, by "
                    + supervisee.displayName() + ": that would make a circle.");
        }
        for (SupervisionRelation open : relations.findCurrentBySupervisees(List.of(supervisee.id()), from)) {
            if (open.supervisorId().equals(supervisor.id())) {
                throw Problems.rule("/supervisorId", supervisor.displayName() + " already supervises " + supervisee.displayName()
                        + " on that date.");
            }
        }
    }

    private SupervisionRelation save(Caller caller, Staff supervisor, Staff supervisee, LocalDate from, LocalDate to, String reason) {
        SupervisionRelation saved = relations.save(new SupervisionRelation(Ids.newId(), supervisor.id(), supervisee.id(),
                from, to, reason, clock.instant()));
        activityLog.record(caller, "SUPERVISION_RELATION_STARTED", "staff", supervisee.id(),
                "supervisor " + supervisor.id() + " from " + from + (to == null ? "" : " to " + to));
        return saved;
    }

    /** Every supervisor a person has had, oldest first, with names in one query. */
    List<uk.supervision.api.model.SupervisionRelation> historyOf(String superviseeId) {
        return query("WHERE r.supervisee_id = ?", List.of(superviseeId), "ORDER BY r.from_date, r.id");
    }

    @Transactional(readOnly = true)
    public SupervisionRelationPage list(Caller caller, Integer limit, String cursor, UUID supervisorId, UUID superviseeId,
                                        Boolean current) {
        access.requireStaffListing(caller);
        StaffScope scope = access.staffScope(caller);
        if (scope.isEmpty()) {
            return new SupervisionRelationPage(List.of());
        }
        int size = Cursor.limit(limit);
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("WHERE e.organisation_id = ?");
        args.add(caller.organisationId());
        where.append(scope.sql("e.service_id", "e.id", args));
        if (supervisorId != null) {
            where.append(" AND r.supervisor_id = ?");
            args.add(supervisorId.toString());
        }
        if (superviseeId != null) {
            where.append(" AND r.supervisee_id = ?");
            args.add(superviseeId.toString());
        }
        if (current == null || current) {
            LocalDate today = LocalDate.now(clock);
            where.append(" AND r.from_date <= ? AND (r.to_date IS NULL OR r.to_date >= ?)");
            args.add(today);
            args.add(today);
        }
        List<String> after = Cursor.decode(CursorList.SUPERVISION_RELATIONS, cursor, 1);
        if (after != null) {
            where.append(" AND r.id > ?");
            args.add(after.get(0));
        }
        args.add(size + 1);
        List<uk.supervision.api.model.SupervisionRelation> rows = query(where.toString(), args, "ORDER BY r.id LIMIT ?");
        boolean more = rows.size() > size;
        List<uk.supervision.api.model.SupervisionRelation> page = more ? rows.subList(0, size) : rows;
        SupervisionRelationPage result = new SupervisionRelationPage(access.readableStaffIds(caller, page, r -> r.getSupervisee().getId().toString()));
        if (more) {
            result.setNextCursor(Cursor.encode(CursorList.SUPERVISION_RELATIONS, page.get(page.size() - 1).getId()));
        }
        return result;
    }

    private List<uk.supervision.api.model.SupervisionRelation> query(String where, List<Object> args, String tail) {
        String sql = "SELECT r.id, r.from_date, r.to_date, r.reason, p.id, p.given_name, p.family_name, p.job_title, "
                + "e.id, e.given_name, e.family_name, e.job_title FROM supervision_relation r "
                + "JOIN staff p ON p.id = r.supervisor_id JOIN staff e ON e.id = r.supervisee_id " + where + " " + tail;
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                ps.setObject(i + 1, a instanceof LocalDate d ? Date.valueOf(d) : a);
            }
            List<uk.supervision.api.model.SupervisionRelation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    uk.supervision.api.model.SupervisionRelation dto = new uk.supervision.api.model.SupervisionRelation(
                            UUID.fromString(rs.getString(1)), ref(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                            ref(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)), rs.getDate(2).toLocalDate());
                    Date to = rs.getDate(3);
                    dto.setToDate(to == null ? null : to.toLocalDate());
                    dto.setReason(rs.getString(4));
                    out.add(dto);
                }
            }
            return out;
        });
    }

    private static StaffRef ref(String id, String given, String family, String jobTitle) {
        StaffRef ref = new StaffRef(UUID.fromString(id), given + " " + family);
        ref.setJobTitle(jobTitle);
        return ref;
    }

    private static uk.supervision.api.model.SupervisionRelation toDto(SupervisionRelation r, Staff supervisor, Staff supervisee) {
        uk.supervision.api.model.SupervisionRelation dto = new uk.supervision.api.model.SupervisionRelation(
                UUID.fromString(r.id()), StaffMapper.ref(supervisor), StaffMapper.ref(supervisee), r.fromDate());
        dto.setToDate(r.toDate());
        dto.setReason(r.reason());
        return dto;
    }
}
