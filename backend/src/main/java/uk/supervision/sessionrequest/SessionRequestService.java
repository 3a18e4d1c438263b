package uk.supervision.sessionrequest;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.SessionRequestBooking;
import uk.supervision.api.model.SessionRequestCreate;
import uk.supervision.api.model.SessionRequestDeclination;
import uk.supervision.api.model.SessionRequestPage;
import uk.supervision.api.model.SessionRequestStatus;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.AccessPolicy.StaffScope;
import uk.supervision.security.Caller;
import uk.supervision.session.SessionDateRules;
import uk.supervision.session.SessionService;
import uk.supervision.session.SupervisionSession;
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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Extra sessions on request (Central Bedfordshire's agreement, clause 1; issue 7, 3e): a supervisee asks
 * their supervisor with a reason and up to three preferred dates; the supervisor (or a manager above the
 * supervisee) books it, making a planned session linked to the request, or declines it with a reason.
 */
@Singleton
public class SessionRequestService {
    private final SessionRequestRepository requests;
    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final SessionService sessions;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final SessionDateRules dateRules;

    public SessionRequestService(SessionRequestRepository requests, StaffRepository staff, SupervisionRelationRepository relations,
                                 SessionService sessions, AccessPolicy access, Idempotency idempotency, ActivityLog activityLog,
                                 JdbcOperations jdbc, Clock clock, SessionDateRules dateRules) {
        this.dateRules = dateRules;
        this.requests = requests;
        this.staff = staff;
        this.relations = relations;
        this.sessions = sessions;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Made(uk.supervision.api.model.SessionRequest request, boolean replayed) {
    }

    @Transactional
    public Made request(Caller caller, SessionRequestCreate body, String idempotencyKey) {
        Staff self = caller.staffId() == null ? null : staff.findByIdAndOrganisationId(caller.staffId(), caller.organisationId()).orElse(null);
        access.requireRequestSession(caller, self);
        var previous = idempotency.previous(caller, idempotencyKey, "requestSession", body);
        if (previous.isPresent()) {
            return new Made(view(caller, readable(caller, previous.get())), true);
        }
        LocalDate today = LocalDate.now(clock);
        String supervisorId = relations.currentSupervisorId(self.id(), today);
        if (supervisorId == null) {
            throw Problems.rule("", "You have no supervisor recorded, so there is nobody to ask. Ask HR or your manager to record who supervises you.");
        }
        String reason = body.getReason().trim();
        if (reason.isEmpty()) {
            throw Problems.rule("/reason", "Say why you would like an extra session.");
        }
        List<LocalDate> dates = new ArrayList<>(body.getPreferredDates() == null ? Set.<LocalDate>of() : body.getPreferredDates());
        for (int i = 0; i < dates.size(); i++) {
            if (dates.get(i).isBefore(today) || dates.get(i).isAfter(today.plusYears(1))) {
                throw Problems.rule("/preferredDates/" + i, "A preferred date is from today to a year ahead.");
            }
        }
        dates.sort(null);
        Instant now = clock.instant();
        SessionRequest saved = requests.save(new SessionRequest(Ids.newId(), caller.organisationId(), self.id(), supervisorId, reason,
                dates.isEmpty() ? null : String.join(",", dates.stream().map(LocalDate::toString).toList()), SessionRequest.REQUESTED,
                null, null, null, null, 1, now, now));
        idempotency.remember(caller, idempotencyKey, "requestSession", body, saved.id());
        activityLog.record(caller, "SESSION_REQUESTED", "session_request", saved.id(), "to supervisor " + supervisorId);
        return new Made(view(caller, saved), false);
    }

    @Transactional
    public uk.supervision.api.model.SessionRequest book(Caller caller, UUID id, SessionRequestBooking body, String ifMatch) {
        SessionRequest r = decidable(caller, id.toString(), ifMatch);
        LocalDate today = LocalDate.now(clock);
        if (body.getDate().isBefore(today)) {
            throw Problems.rule("/date", "An extra session is booked for today or a later date.");
        }
        Staff supervisee = staff.findById(r.superviseeId()).orElseThrow();
        // The same date rules as planning a session: from employment start, up to two years ahead.
        dateRules.requireBookable(supervisee, body.getDate(), "/date", today);
        String supervisorId = relations.currentSupervisorId(supervisee.id(), today);
        if (supervisorId == null) {
            throw Problems.rule("", supervisee.displayName() + " has no current supervisor, so there is nobody to hold the session with. "
                    + "Record who supervises them first.");
        }
        SupervisionSession booked = sessions.bookExtra(caller, supervisee, supervisorId, body.getDate(), body.getStartTime(),
                body.getPlannedMinutes(), body.getLocation());
        if (requests.book(r.id(), r.version(), booked.id(), caller.staffId(), clock.instant()) != 1) {
            throw Problems.preconditionFailed(r.version());
        }
        activityLog.record(caller, "SESSION_REQUEST_BOOKED", "session_request", r.id(), "session " + booked.id());
        return view(caller, requests.findById(r.id()).orElseThrow());
    }

    @Transactional
    public uk.supervision.api.model.SessionRequest decline(Caller caller, UUID id, SessionRequestDeclination body, String ifMatch) {
        SessionRequest r = decidable(caller, id.toString(), ifMatch);
        String reason = body.getReason().trim();
        if (reason.isEmpty()) {
            throw Problems.rule("/reason", "Say why; the person who asked sees the reason.");
        }
        if (requests.decline(r.id(), r.version(), reason, caller.staffId(), clock.instant()) != 1) {
            throw Problems.preconditionFailed(r.version());
        }
        activityLog.record(caller, "SESSION_REQUEST_DECLINED", "session_request", r.id(), null);
        return view(caller, requests.findById(r.id()).orElseThrow());
    }

    /** One request, as the list shows it, to whoever may see it. */
    @Transactional(readOnly = true)
    public uk.supervision.api.model.SessionRequest get(Caller caller, UUID id) {
        return view(caller, readable(caller, id.toString()));
    }

    @Transactional(readOnly = true)
    public SessionRequestPage list(Caller caller, Integer limit, String cursor, SessionRequestStatus status, UUID superviseeId) {
        access.requireSupervisionLists(caller);
        StaffScope scope = access.recordScope(caller);
        if (scope.isEmpty()) {
            return new SessionRequestPage(List.of());
        }
        int size = Cursor.limit(limit);
        StringBuilder sql = new StringBuilder("SELECT r.id FROM session_request r JOIN staff e ON e.id = r.supervisee_id WHERE r.organisation_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.organisationId()));
        if (caller.staffId() != null) {
            sql.append(scope.sql("e.service_id", "r.supervisee_id", args, "r.supervisor_id = ?"));
            if (!scope.wholeOrganisation()) {
                args.add(caller.staffId());
            }
        } else {
            sql.append(scope.sql("e.service_id", "r.supervisee_id", args));
        }
        if (status != null) {
            sql.append(" AND r.status = ?");
            args.add(status.getValue());
        }
        if (superviseeId != null) {
            sql.append(" AND r.supervisee_id = ?");
            args.add(superviseeId.toString());
        }
        List<String> after = Cursor.decode(CursorList.SESSION_REQUESTS, cursor, 1);
        if (after != null) {
            sql.append(" AND r.id < ?");
            args.add(after.get(0));
        }
        sql.append(" ORDER BY r.id DESC LIMIT ?");
        args.add(size + 1);
        List<String> ids = Sql.ids(jdbc, sql.toString(), args);
        boolean more = ids.size() > size;
        List<String> page = more ? ids.subList(0, size) : ids;
        Map<String, SessionRequest> byId = new HashMap<>();
        if (!page.isEmpty()) {
            requests.findByIdIn(page).forEach(r -> byId.put(r.id(), r));
        }
        List<SessionRequest> shown = access.readableRecords(caller, page.stream().map(byId::get).toList(),
                r -> AccessPolicy.Parties.of(r.organisationId(), r.superviseeId(), r.supervisorId()));
        SessionRequestPage result = new SessionRequestPage(toDtos(caller, shown));
        if (more) {
            result.setNextCursor(Cursor.encode(CursorList.SESSION_REQUESTS, page.get(page.size() - 1)));
        }
        return result;
    }

    // ---- helpers

    private SessionRequest readable(Caller caller, String id) {
        SessionRequest r = requests.findById(id).filter(x -> x.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Request " + id));
        Staff supervisee = staff.findById(r.superviseeId()).orElseThrow();
        if (!access.canSeeSessionRequest(caller, supervisee, r.supervisorId())) {
            throw Problems.forbidden("A request for an extra session is seen by the two people in it, the managers above them and quality assurance.");
        }
        return r;
    }

    private SessionRequest decidable(Caller caller, String id, String ifMatch) {
        SessionRequest r = readable(caller, id);
        Staff supervisee = staff.findById(r.superviseeId()).orElseThrow();
        access.requireDecideSessionRequest(caller, supervisee, relations.currentSupervisorId(supervisee.id(), LocalDate.now(clock)));
        ETags.requireCurrent(ifMatch, r.version());
        if (!SessionRequest.REQUESTED.equals(r.status())) {
            throw Problems.conflict("This request was " + r.status().toLowerCase() + " already.");
        }
        return r;
    }

    private uk.supervision.api.model.SessionRequest view(Caller caller, SessionRequest r) {
        return toDtos(caller, List.of(r)).get(0);
    }

    private List<uk.supervision.api.model.SessionRequest> toDtos(Caller caller, List<SessionRequest> rows) {
        Set<String> people = new HashSet<>();
        rows.forEach(r -> {
            people.add(r.superviseeId());
            people.add(r.supervisorId());
            if (r.decidedBy() != null) {
                people.add(r.decidedBy());
            }
        });
        Map<String, Staff> byId = new HashMap<>();
        if (!people.isEmpty()) {
            staff.findByIdIn(people).forEach(s -> byId.put(s.id(), s));
        }
        Map<String, uk.supervision.api.model.Session> booked = new HashMap<>();
        sessions.byIds(caller, rows.stream().map(SessionRequest::sessionId).filter(x -> x != null).toList())
                .forEach(s -> booked.put(s.getId().toString(), s));
        return rows.stream().map(r -> {
            var dto = new uk.supervision.api.model.SessionRequest(UUID.fromString(r.id()), StaffMapper.ref(byId.get(r.superviseeId())),
                    StaffMapper.ref(byId.get(r.supervisorId())), r.reason(),
                    r.preferredDates() == null ? List.of() : Arrays.stream(r.preferredDates().split(",")).map(LocalDate::parse).toList(),
                    uk.supervision.api.model.SessionRequestStatus.fromValue(r.status()), r.version(),
                    r.createdAt().atOffset(ZoneOffset.UTC), r.updatedAt().atOffset(ZoneOffset.UTC));
            dto.setSession(r.sessionId() == null ? null : booked.get(r.sessionId()));
            dto.setDeclineReason(r.declineReason());
            dto.setDecidedBy(r.decidedBy() == null || !byId.containsKey(r.decidedBy()) ? null : StaffMapper.ref(byId.get(r.decidedBy())));
            dto.setDecidedAt(r.decidedAt() == null ? null : r.decidedAt().atOffset(ZoneOffset.UTC));
            return dto;
        }).toList();
    }
}
