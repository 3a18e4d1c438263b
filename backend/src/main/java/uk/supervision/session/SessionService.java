package uk.supervision.session;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.SessionCancellation;
import uk.supervision.api.model.SessionHeld;
import uk.supervision.api.model.SessionPage;
import uk.supervision.api.model.SessionPlan;
import uk.supervision.api.model.SessionPostponement;
import uk.supervision.api.model.SessionReschedule;
import uk.supervision.api.model.SessionStatus;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.compliance.SessionCadence;
import uk.supervision.policy.PolicyService;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.AccessPolicy.StaffScope;
import uk.supervision.security.Caller;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffRepository;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.json.StrictScalars;
import uk.supervision.support.ETags;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;
import uk.supervision.support.Sql;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Supervision sessions (DOMAIN §5): planned singly or as a series at the agreed interval, rescheduled,
 * postponed, cancelled (who, why, what replaces it) and held. Records and signatures build on HELD.
 */
@Singleton
public class SessionService {
    private final SessionRepository sessions;
    private final SessionRecordRepository records;
    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final PolicyService policy;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final SessionCadence cadence;
    private final SessionDateRules dateRules;

    public SessionService(SessionRepository sessions, SessionRecordRepository records, StaffRepository staff, SupervisionRelationRepository relations,
                          PolicyService policy, AccessPolicy access, Idempotency idempotency,
                          ActivityLog activityLog, JdbcOperations jdbc, Clock clock,
                          SessionCadence cadence, SessionDateRules dateRules) {
        this.cadence = cadence;
        this.dateRules = dateRules;
        this.sessions = sessions;
        this.records = records;
        this.staff = staff;
        this.relations = relations;
        this.policy = policy;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Booked(SessionPage sessions, boolean replayed) {
    }

    @Transactional
    public Booked plan(Caller caller, SessionPlan body, String idempotencyKey) {
        var previous = idempotency.previous(caller, idempotencyKey, "planSessions", body);
        if (previous.isPresent()) {
            // The first response's sessions, in the order they were booked, each only while the caller may still read it.
            List<SupervisionSession> booked = List.of(previous.get().split(",")).stream().map(id -> readable(caller, id)).toList();
            return new Booked(new SessionPage(toDtos(booked)), true);
        }
        List<Staff> supervisees = new ArrayList<>();
        List<UUID> requested = new ArrayList<>(body.getSuperviseeIds());
        for (int i = 0; i < requested.size(); i++) {
            String pointer = "/superviseeIds/" + i;
            Staff s = staff.findByIdAndOrganisationId(requested.get(i).toString(), caller.organisationId())
                    .orElseThrow(() -> Problems.rule(pointer, "There is no such member of staff in your organisation."));
            access.requireArrangeSupervisionFor(caller, s, relations.currentSupervisorId(s.id(), LocalDate.now(clock)));
            if (s.hasLeftBy(body.getDate())) {
                throw Problems.rule(pointer, s.displayName() + " has left by then.");
            }
            supervisees.add(s);
        }
        boolean group = supervisees.size() > 1;
        LocalDate today = LocalDate.now(clock);
        int count = body.getCount() == null ? 1 : body.getCount();
        for (Staff s : supervisees) {
            dateRules.requireBookable(s, body.getDate(), "/date", today);
        }
        // One-to-one: the exact dates the booking page previewed (the person's cadence on each date). Group: every interval.
        List<LocalDate> dates = group
                ? fixedSeries(body.getDate(), body.getIntervalWeeks() != null ? Period.ofWeeks(body.getIntervalWeeks())
                        : Period.parse(policy.effectiveRules(caller.organisationId()).getNormalInterval()), count)
                : cadence.series(supervisees.get(0), body.getDate(), count, body.getIntervalWeeks()).stream().map(SessionCadence.Dated::date).toList();
        LocalDate lastDate = dates.get(dates.size() - 1);
        for (Staff s : supervisees) {
            dateRules.requireBookable(s, lastDate, "/count", today);
            if (s.hasLeftBy(lastDate)) {
                var words = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
                throw Problems.rule("/count", "The last session, on " + lastDate.format(words) + ", is after " + s.displayName()
                        + " leaves on " + s.leavingDate().format(words) + ". Book fewer sessions.");
            }
        }
        if (body.getHeld() != null) {
            requireTookPlace(body, count);
        }
        // One-to-one: led by the supervisee's supervisor on each date (history: the supervisor of the time).
        // Group: whoever arranges it (e.g. a senior practitioner).
        List<String> leaders = new ArrayList<>();
        for (LocalDate date : dates) {
            String supervisorId = group ? caller.staffId() : dateRules.supervisorOn(supervisees.get(0), date, today);
            if (supervisees.stream().anyMatch(s -> s.id().equals(supervisorId))) {
                throw Problems.rule("/superviseeIds", "The person leading a session cannot also be supervised in it.");
            }
            leaders.add(supervisorId);
        }
        String seriesId = count > 1 ? Ids.newId() : null;
        Instant now = clock.instant();
        List<SupervisionSession> booked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SupervisionSession session = insert(new SupervisionSession(Ids.newId(), caller.organisationId(), leaders.get(i), group ? "GROUP" : "ONE_TO_ONE",
                    SupervisionSession.PLANNED, dates.get(i), body.getStartTime(), body.getPlannedMinutes(), body.getLocation().trim(), seriesId,
                    null, null, null, null, null, null, 1, now, now), supervisees.stream().map(Staff::id).toList());
            if (body.getHeld() != null) {
                // A session that already happened is recorded as held at once, as markHeld would.
                applied(session, sessions.markHeld(session.id(), session.version(), body.getHeld().getActualMinutes(),
                        interruptedBy(body.getHeld()), now));
                startRecord(session);
                session = sessions.findById(session.id()).orElseThrow();
            }
            booked.add(session);
        }
        idempotency.remember(caller, idempotencyKey, "planSessions", body,
                String.join(",", booked.stream().map(SupervisionSession::id).toList()));
        activityLog.record(caller, "SESSIONS_PLANNED", "supervision_session", booked.get(0).id(),
                count + " session(s) on " + String.join(", ", dates.stream().map(LocalDate::toString).toList())
                        + (body.getHeld() == null ? "" : ", held " + body.getHeld().getActualMinutes() + " minutes"));
        return new Booked(new SessionPage(toDtos(booked)), false);
    }

    /**
     * Books one planned one-to-one session, for an extra session a supervisee asked for (issue 7, 3e). The
     * caller's right to book it was checked on the request (AccessPolicy.requireDecideSessionRequest).
     */
    public SupervisionSession bookExtra(Caller caller, Staff supervisee, String supervisorId, LocalDate date, String startTime,
                                        int plannedMinutes, String location) {
        if (supervisee.hasLeftBy(date)) {
            throw Problems.rule("/date", supervisee.displayName() + " has left by then.");
        }
        Instant now = clock.instant();
        SupervisionSession booked = insert(new SupervisionSession(Ids.newId(), caller.organisationId(), supervisorId, "ONE_TO_ONE",
                SupervisionSession.PLANNED, date, startTime, plannedMinutes, location.trim(), null, null, null, null, null, null, null,
                1, now, now), List.of(supervisee.id()));
        activityLog.record(caller, "SESSIONS_PLANNED", "supervision_session", booked.id(), "1 extra session on " + date + ", as requested");
        return booked;
    }

    @Transactional(readOnly = true)
    public uk.supervision.api.model.Session get(Caller caller, UUID id) {
        return toDtos(List.of(readable(caller, id.toString()))).get(0);
    }

    @Transactional
    public uk.supervision.api.model.Session reschedule(Caller caller, UUID id, SessionReschedule body, String ifMatch) {
        SupervisionSession s = changeable(caller, id.toString(), ifMatch);
        requireStatus(s, "rescheduled", SupervisionSession.PLANNED, SupervisionSession.POSTPONED);
        dateRules.requireReschedulable(s, staff.findByIdIn(participants(s.id())), body.getDate(), LocalDate.now(clock));
        applied(s, sessions.reschedule(s.id(), s.version(), body.getDate(), body.getStartTime(), body.getReason(), clock.instant()));
        activityLog.record(caller, "SESSION_RESCHEDULED", "supervision_session", s.id(), "to " + body.getDate() + " " + body.getStartTime());
        return get(caller, id);
    }

    @Transactional
    public uk.supervision.api.model.Session postpone(Caller caller, UUID id, SessionPostponement body, String ifMatch) {
        SupervisionSession s = changeable(caller, id.toString(), ifMatch);
        requireStatus(s, "postponed", SupervisionSession.PLANNED);
        applied(s, sessions.postpone(s.id(), s.version(), body.getReason(), clock.instant()));
        activityLog.record(caller, "SESSION_POSTPONED", "supervision_session", s.id(), body.getReason());
        return get(caller, id);
    }

    @Transactional
    public uk.supervision.api.model.Session cancel(Caller caller, UUID id, SessionCancellation body, String ifMatch) {
        SupervisionSession s = changeable(caller, id.toString(), ifMatch);
        requireStatus(s, "cancelled", SupervisionSession.PLANNED, SupervisionSession.POSTPONED);
        String rebookedAs = null;
        if (body.getRebookDate() != null) {
            for (Staff p : staff.findByIdIn(participants(s.id()))) {
                dateRules.requireBookable(p, body.getRebookDate(), "/rebookDate", LocalDate.now(clock));
            }
            Instant now = clock.instant();
            SupervisionSession replacement = insert(new SupervisionSession(Ids.newId(), s.organisationId(), s.supervisorId(), s.kind(),
                    SupervisionSession.PLANNED, body.getRebookDate(), body.getRebookTime() == null ? s.startTime() : body.getRebookTime(),
                    s.plannedMinutes(), s.location(), s.seriesId(), null, null, null, null, null, s.id(), 1, now, now), participants(s.id()));
            rebookedAs = replacement.id();
        } else if (body.getRebookTime() != null) {
            throw Problems.rule("/rebookDate", "Give the date of the replacement session as well as its time.");
        }
        applied(s, sessions.cancel(s.id(), s.version(), body.getCancelledBy().getValue(), body.getReason(), rebookedAs, clock.instant()));
        activityLog.record(caller, "SESSION_CANCELLED", "supervision_session", s.id(),
                "by " + body.getCancelledBy().getValue().toLowerCase() + (rebookedAs == null ? ", not rebooked" : ", rebooked as " + rebookedAs));
        return get(caller, id);
    }

    @Transactional
    public uk.supervision.api.model.Session markHeld(Caller caller, UUID id, SessionHeld body, String ifMatch) {
        SupervisionSession s = changeable(caller, id.toString(), ifMatch);
        requireStatus(s, "marked as held", SupervisionSession.PLANNED, SupervisionSession.POSTPONED);
        if (s.meetingDate().isAfter(LocalDate.now(clock))) {
            throw Problems.rule("", "A session on " + s.meetingDate() + " cannot have been held yet. Reschedule it to the day it took place.");
        }
        if (LocalDateTime.of(s.meetingDate(), LocalTime.parse(s.startTime())).isAfter(LocalDateTime.now(clock))) {
            throw Problems.rule("", "This session starts at " + s.startTime() + " today: it can be recorded as held once it has started.");
        }
        applied(s, sessions.markHeld(s.id(), s.version(), body.getActualMinutes(), interruptedBy(body), clock.instant()));
        startRecord(s);
        activityLog.record(caller, "SESSION_HELD", "supervision_session", s.id(), body.getActualMinutes() + " minutes");
        return get(caller, id);
    }

    @Transactional(readOnly = true)
    public SessionPage list(Caller caller, Integer limit, String cursor, UUID superviseeId, UUID supervisorId,
                            LocalDate from, LocalDate to, SessionStatus status) {
        access.requireSupervisionLists(caller);
        StaffScope scope = access.recordScope(caller);
        if (scope.isEmpty()) {
            return new SessionPage(List.of());
        }
        int size = Cursor.limit(limit);
        StringBuilder sql = new StringBuilder("SELECT s.id FROM supervision_session s WHERE s.organisation_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.organisationId()));
        if (!scope.wholeOrganisation()) {
            // Sessions I lead, or with someone in my scope taking part.
            List<Object> scopeArgs = new ArrayList<>();
            String visible = "EXISTS (SELECT 1 FROM session_participant p JOIN staff e ON e.id = p.supervisee_id WHERE p.session_id = s.id"
                    + scope.sql("e.service_id", "p.supervisee_id", scopeArgs) + ")";
            if (caller.staffId() != null) {
                sql.append(" AND (s.supervisor_id = ? OR ").append(visible).append(")");
                args.add(caller.staffId());
            } else {
                sql.append(" AND ").append(visible);
            }
            args.addAll(scopeArgs);
        }
        if (superviseeId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM session_participant q WHERE q.session_id = s.id AND q.supervisee_id = ?)");
            args.add(superviseeId.toString());
        }
        if (supervisorId != null) {
            sql.append(" AND s.supervisor_id = ?");
            args.add(supervisorId.toString());
        }
        if (from != null) {
            sql.append(" AND s.meeting_date >= ?");
            args.add(Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND s.meeting_date <= ?");
            args.add(Date.valueOf(to));
        }
        if (status != null) {
            sql.append(" AND s.status = ?");
            args.add(status.getValue());
        }
        List<Object> after = Cursor.decode(CursorList.SESSIONS, cursor, 3, keys -> {
            Date d = Date.valueOf(LocalDate.parse(keys.get(0)));
            String time = LocalTime.parse(keys.get(1)).toString();   // HH:mm, as stored
            return List.of(d, d, time, time, Ids.str(UUID.fromString(keys.get(2))));
        });
        if (after != null) {
            sql.append(" AND (s.meeting_date > ? OR (s.meeting_date = ? AND (s.start_time > ? OR (s.start_time = ? AND s.id > ?))))");
            args.addAll(after);
        }
        sql.append(" ORDER BY s.meeting_date, s.start_time, s.id LIMIT ?");
        args.add(size + 1);
        List<String> ids = Sql.ids(jdbc, sql.toString(), args);
        boolean more = ids.size() > size;
        List<String> page = more ? ids.subList(0, size) : ids;
        Map<String, SupervisionSession> byId = new HashMap<>();
        if (!page.isEmpty()) {
            sessions.findByIdIn(page).forEach(x -> byId.put(x.id(), x));
        }
        SessionPage result = new SessionPage(readableDtos(caller, page.stream().map(byId::get).toList()));
        if (more) {
            SupervisionSession last = byId.get(page.get(page.size() - 1));
            result.setNextCursor(Cursor.encode(CursorList.SESSIONS, last.meetingDate(), last.startTime(), last.id()));
        }
        return result;
    }

    /** Sessions a caller's own query has already read, as the API shows them: those of them the caller may read. */
    @Transactional(readOnly = true)
    public List<uk.supervision.api.model.Session> asSeenBy(Caller caller, List<SupervisionSession> rows) {
        return rows.isEmpty() ? List.of() : readableDtos(caller, rows);
    }

    /** Sessions by id, as the API shows them: those of them the caller may read. */
    @Transactional(readOnly = true)
    public List<uk.supervision.api.model.Session> byIds(Caller caller, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, SupervisionSession> byId = new HashMap<>();
        sessions.findByIdIn(ids).forEach(x -> byId.put(x.id(), x));
        return readableDtos(caller, ids.stream().map(byId::get).toList());
    }

    /**
     * The sessions among these the caller may read (those they lead, or with someone taking part whose records
     * they may read), as the API shows them: participants and people are read once, for the check and the view.
     */
    private List<uk.supervision.api.model.Session> readableDtos(Caller caller, List<SupervisionSession> rows) {
        Map<String, List<String>> participants = participantsOf(rows.stream().map(SupervisionSession::id).toList());
        Map<String, Staff> people = people(rows, participants);
        List<SupervisionSession> readable = access.readableRecords(caller, rows, s -> new AccessPolicy.Parties(s.organisationId(),
                participants.getOrDefault(s.id(), List.of()), s.supervisorId()), people);
        return toDtos(readable, participants, people);
    }

    // ---- helpers

    private static List<LocalDate> fixedSeries(LocalDate first, Period interval, int count) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(first.plus(interval.multipliedBy(i)));
        }
        return out;
    }

    /** A plan recorded as held is one session whose start has passed. */
    private void requireTookPlace(SessionPlan body, int count) {
        if (count != 1) {
            throw Problems.rule("/count", "A session that already happened is recorded one at a time: book 1.");
        }
        if (LocalDateTime.of(body.getDate(), LocalTime.parse(body.getStartTime())).isAfter(LocalDateTime.now(clock))) {
            throw Problems.rule(body.getDate().isAfter(LocalDate.now(clock)) ? "/date" : "/startTime",
                    "A session on " + body.getDate() + " at " + body.getStartTime() + " has not started yet, so it cannot be recorded as held.");
        }
    }

    private static String interruptedBy(SessionHeld held) {
        return held.getInterruptedBy() == null || held.getInterruptedBy().isBlank() ? null : held.getInterruptedBy().trim();
    }

    /** The record starts empty, on the organisation's agenda template as it is today. */
    private void startRecord(SupervisionSession s) {
        records.save(new SessionRecord(s.id(), policy.activeTemplate(s.organisationId(), TemplateKind.SESSION_AGENDA).id(),
                SessionRecord.DRAFT, "[]", null, null, null, false, null, "[]", null, null, 1, clock.instant()));
    }

    private SupervisionSession insert(SupervisionSession session, List<String> superviseeIds) {
        SupervisionSession saved = sessions.save(session);
        for (String superviseeId : superviseeIds) {
            // The session's kind, status and date travel with each participant (V039; SessionRepository keeps them in step).
            jdbc.prepareStatement("INSERT INTO session_participant (session_id, supervisee_id, kind, status, meeting_date) VALUES (?, ?, ?, ?, ?)", ps -> {
                ps.setString(1, saved.id());
                ps.setString(2, superviseeId);
                ps.setString(3, saved.kind());
                ps.setString(4, saved.status());
                ps.setDate(5, java.sql.Date.valueOf(saved.meetingDate()));
                return ps.executeUpdate();
            });
        }
        return saved;
    }

    List<String> participants(String sessionId) {
        return participantsOf(List.of(sessionId)).getOrDefault(sessionId, List.of());
    }

    private Map<String, List<String>> participantsOf(List<String> sessionIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (sessionIds.isEmpty()) {
            return out;
        }
        return jdbc.prepareStatement("SELECT session_id, supervisee_id FROM session_participant WHERE session_id IN ("
                + Sql.placeholders(sessionIds.size()) + ") ORDER BY supervisee_id", ps -> {
            for (int i = 0; i < sessionIds.size(); i++) {
                ps.setString(i + 1, sessionIds.get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            return out;
        });
    }

    SupervisionSession readable(Caller caller, String id) {
        SupervisionSession s = sessions.findById(id).filter(x -> x.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Session " + id));
        if (caller.isSelf(s.supervisorId())) {
            return s;
        }
        List<Staff> people = staff.findByIdIn(participants(s.id()));
        Predicate<Staff> readableFor = p -> access.canReadRecord(caller, p, s.supervisorId());
        if (people.stream().noneMatch(readableFor)) {
            throw Problems.forbidden("Sessions are seen only by the people in them, the managers above them and quality assurance.");
        }
        return s;
    }

    /** Only the people in a session change it; managers read it. */
    SupervisionSession changeable(Caller caller, String id, String ifMatch) {
        SupervisionSession s = readable(caller, id);
        if (!caller.isSelf(s.supervisorId()) && !participants(s.id()).contains(caller.staffId())) {
            throw Problems.forbidden("Only the supervisor and the supervisees of a session change it.");
        }
        ETags.requireCurrent(ifMatch, s.version());
        return s;
    }

    private static void requireStatus(SupervisionSession s, String what, String... allowed) {
        if (!List.of(allowed).contains(s.status())) {
            throw Problems.conflict("A " + s.status().toLowerCase() + " session cannot be " + what + ".");
        }
    }

    private static void applied(SupervisionSession s, long rows) {
        if (rows != 1) {
            throw Problems.preconditionFailed(s.version());
        }
    }


    private List<uk.supervision.api.model.Session> toDtos(List<SupervisionSession> rows) {
        Map<String, List<String>> participants = participantsOf(rows.stream().map(SupervisionSession::id).toList());
        return toDtos(rows, participants, people(rows, participants));
    }

    private List<uk.supervision.api.model.Session> toDtos(List<SupervisionSession> rows, Map<String, List<String>> participants,
                                                          Map<String, Staff> byId) {
        List<uk.supervision.api.model.Session> out = rows.stream()
                .map(s -> SessionMapper.toDto(s, participants.getOrDefault(s.id(), List.of()), byId)).toList();
        flagShortSessions(rows, out);
        return out;
    }

    /** The supervisors and participants of these sessions, by id, in one query. */
    private Map<String, Staff> people(List<SupervisionSession> rows, Map<String, List<String>> participants) {
        Set<String> people = new HashSet<>();
        rows.forEach(s -> people.add(s.supervisorId()));
        participants.values().forEach(people::addAll);
        Map<String, Staff> byId = new HashMap<>();
        if (!people.isEmpty()) {
            staff.findByIdIn(people).forEach(p -> byId.put(p.id(), p));
        }
        return byId;
    }

    /** A one-to-one session held for less than the policy's minimum length is flagged (the rules are read only if one was held). */
    private void flagShortSessions(List<SupervisionSession> rows, List<uk.supervision.api.model.Session> dtos) {
        Map<String, Integer> minimum = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            SupervisionSession s = rows.get(i);
            if (s.actualMinutes() == null || !"ONE_TO_ONE".equals(s.kind())) {
                continue;
            }
            int least = minimum.computeIfAbsent(s.organisationId(), org -> policy.effectiveRules(org).getMinimumSessionMinutes());
            if (s.actualMinutes() < least) {
                dtos.get(i).setMinimumMinutesNotMet(least);
            }
        }
    }
}
