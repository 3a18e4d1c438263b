package uk.supervision.child;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.Child;
import uk.supervision.api.model.ChildCreate;
import uk.supervision.api.model.ChildPage;
import uk.supervision.api.model.ChildRef;
import uk.supervision.api.model.ChildUpdate;
import uk.supervision.api.model.FieldError;
import uk.supervision.problem.ProblemException;
import uk.supervision.problem.ProblemType;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.AccessPolicy.StaffScope;
import uk.supervision.security.Caller;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffMapper;
import uk.supervision.staff.StaffRepository;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.ETags;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;
import uk.supervision.support.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Children as the case-management system knows them: added by a supervisor (or the CMS), seen as records are. */
@Singleton
public class ChildService {
    private final ChildRepository children;
    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public ChildService(ChildRepository children, StaffRepository staff, SupervisionRelationRepository relations, AccessPolicy access,
                        Idempotency idempotency, ActivityLog activityLog, JdbcOperations jdbc, Clock clock) {
        this.children = children;
        this.staff = staff;
        this.relations = relations;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Created(Child child, boolean replayed) {
    }

    @Transactional
    public Created create(Caller caller, ChildCreate body, String idempotencyKey) {
        Optional<String> previous = idempotency.previous(caller, idempotencyKey, "createChild", body);
        if (previous.isPresent()) {
            ChildReference child = children.findById(previous.get()).orElseThrow(() -> Problems.notFound("Child " + previous.get()));
            access.requireSeeChild(caller, worker(child.allocatedWorkerId()));
            return new Created(toDtos(List.of(child)).get(0), true);
        }
        Staff worker = allocatableWorker(caller, body.getAllocatedWorkerId());
        access.requireWriteChild(caller, worker, relations.currentSupervisorId(worker.id(), LocalDate.now(clock)));
        String caseNumber = body.getCaseNumber().trim();
        requireName(body.getName());
        children.findByOrganisationIdAndCaseNumber(caller.organisationId(), caseNumber).ifPresent(existing -> {
            // The existing child's id only to someone who may see that child: otherwise case numbers would probe for children.
            throw duplicate(access.canSeeChild(caller, worker(existing.allocatedWorkerId())) ? existing.id() : null);
        });
        Instant now = clock.instant();
        ChildReference saved = children.save(new ChildReference(Ids.newId(), caller.organisationId(), body.getName().trim(), caseNumber,
                body.getDateOfBirth(), worker.id(), 1, now, now));
        idempotency.remember(caller, idempotencyKey, "createChild", body, saved.id());
        activityLog.record(caller, "CHILD_ADDED", "child", saved.id(), null);
        return new Created(toDtos(List.of(saved)).get(0), false);
    }

    @Transactional
    public Child update(Caller caller, UUID id, ChildUpdate body, String ifMatch) {
        ChildReference current = own(caller, id);
        Staff oldWorker = worker(current.allocatedWorkerId());
        access.requireWriteChild(caller, oldWorker, relations.currentSupervisorId(oldWorker.id(), LocalDate.now(clock)));
        ETags.requireCurrent(ifMatch, current.version());
        requireName(body.getName());
        Staff worker = allocatableWorker(caller, body.getAllocatedWorkerId());
        if (!worker.id().equals(oldWorker.id())) {
            // Reallocation: the caller must be able to allocate to the new worker too.
            access.requireWriteChild(caller, worker, relations.currentSupervisorId(worker.id(), LocalDate.now(clock)));
        }
        int changed = jdbc.prepareStatement("UPDATE child SET name = ?, date_of_birth = ?, allocated_worker_id = ?, version = version + 1, "
                + "updated_at = ? WHERE id = ? AND version = ?", ps -> {
            ps.setString(1, body.getName().trim());
            ps.setDate(2, body.getDateOfBirth() == null ? null : java.sql.Date.valueOf(body.getDateOfBirth()));
            ps.setString(3, worker.id());
            ps.setTimestamp(4, java.sql.Timestamp.from(clock.instant()));
            ps.setString(5, current.id());
            ps.setInt(6, current.version());
            return ps.executeUpdate();
        });
        if (changed != 1) {
            throw Problems.preconditionFailed(current.version());
        }
        activityLog.record(caller, "CHILD_CHANGED", "child", current.id(),
                worker.id().equals(oldWorker.id()) ? null : "reallocated");
        return toDtos(List.of(children.findById(current.id()).orElseThrow())).get(0);
    }

    @Transactional(readOnly = true)
    public Child get(Caller caller, UUID id) {
        ChildReference child = own(caller, id);
        access.requireSeeChild(caller, worker(child.allocatedWorkerId()));
        return toDtos(List.of(child)).get(0);
    }

    @Transactional(readOnly = true)
    public ChildPage list(Caller caller, Integer limit, String cursor, String q, String caseNumber, UUID allocatedWorkerId) {
        StaffScope scope = access.childScope(caller);
        if (scope.isEmpty()) {
            return new ChildPage(List.of());
        }
        StringBuilder sql = new StringBuilder("SELECT c.id, c.name FROM child c JOIN staff w ON w.id = c.allocated_worker_id WHERE c.organisation_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.organisationId()));
        sql.append(scope.sql("w.service_id", "c.allocated_worker_id", args));
        if (q != null && !q.isBlank()) {
            String like = "%" + q.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (LOWER(c.name) LIKE ? OR LOWER(c.case_number) LIKE ?)");
            args.add(like);
            args.add(like);
        }
        if (caseNumber != null) {
            sql.append(" AND c.case_number = ?");
            args.add(caseNumber.trim());
        }
        if (allocatedWorkerId != null) {
            sql.append(" AND c.allocated_worker_id = ?");
            args.add(allocatedWorkerId.toString());
        }
        List<Object> after = Cursor.decode(CursorList.CHILDREN, cursor, 2, keys -> List.of(keys.get(0), keys.get(0),
                Ids.str(UUID.fromString(keys.get(1)))));
        if (after != null) {
            sql.append(" AND (c.name > ? OR (c.name = ? AND c.id > ?))");
            args.addAll(after);
        }
        int size = Cursor.limit(limit);
        sql.append(" ORDER BY c.name, c.id LIMIT ?");
        args.add(size + 1);
        List<String> ids = Sql.ids(jdbc, sql.toString(), args);
        boolean more = ids.size() > size;
        List<String> page = more ? ids.subList(0, size) : ids;
        Map<String, ChildReference> byId = new HashMap<>();
        if (!page.isEmpty()) {
            children.findByIdIn(page).forEach(c -> byId.put(c.id(), c));
        }
        List<ChildReference> rows = page.stream().map(byId::get).toList();
        ChildPage result = new ChildPage(toDtos(rows));
        if (more) {
            ChildReference last = rows.get(rows.size() - 1);
            result.setNextCursor(Cursor.encode(CursorList.CHILDREN, last.name(), last.id()));
        }
        return result;
    }

    /** A child of the caller's organisation (404 otherwise: another organisation's children do not exist here). */
    public ChildReference own(Caller caller, UUID id) {
        return children.findById(id.toString()).filter(c -> c.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Child " + id));
    }

    public static ChildRef ref(ChildReference c) {
        return new ChildRef(UUID.fromString(c.id()), c.name(), c.caseNumber());
    }

    /** Children as the API shows them, the workers' names read in one query. */
    public List<Child> toDtos(List<ChildReference> rows) {
        Map<String, Staff> workers = new HashMap<>();
        List<String> ids = rows.stream().map(ChildReference::allocatedWorkerId).distinct().toList();
        if (!ids.isEmpty()) {
            staff.findByIdIn(ids).forEach(s -> workers.put(s.id(), s));
        }
        return rows.stream().map(c -> {
            Child dto = new Child(UUID.fromString(c.id()), c.name(), c.caseNumber(), StaffMapper.ref(workers.get(c.allocatedWorkerId())),
                    c.version(), c.createdAt().atOffset(ZoneOffset.UTC), c.updatedAt().atOffset(ZoneOffset.UTC));
            dto.setDateOfBirth(c.dateOfBirth());
            return dto;
        }).toList();
    }

    private Staff worker(String id) {
        return staff.findById(id).orElseThrow();
    }

    /** The allocated worker: a member of staff of the caller's organisation who has not left. */
    private Staff allocatableWorker(Caller caller, UUID id) {
        Staff worker = staff.findByIdAndOrganisationId(id.toString(), caller.organisationId())
                .orElseThrow(() -> Problems.rule("/allocatedWorkerId", "There is no such member of staff in your organisation."));
        if (worker.leavingDate() != null && !worker.leavingDate().isAfter(LocalDate.now(clock))) {
            throw Problems.rule("/allocatedWorkerId", worker.displayName() + " has left: allocate the child to a current member of staff.");
        }
        return worker;
    }

    private static ProblemException duplicate(String existingId) {
        String message = "A child with this case number is already recorded.";
        return new ProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT, message,
                List.of(new FieldError("/caseNumber", message)), null, existingId == null ? null : Map.of("existingId", existingId));
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw Problems.rule("/name", "Enter the child's name.");
        }
    }
}
