package uk.supervision.agenda;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.AgendaItemCreate;
import uk.supervision.api.model.ProposedAgendaItem;
import uk.supervision.api.model.ProposedAgendaItemSource;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffMapper;
import uk.supervision.staff.StaffRepository;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;
import uk.supervision.support.ClockFactory;
import uk.supervision.support.Sql;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The agenda of a person's next session: what their last record listed under "future agenda items", and
 * what they (or their supervisor) added since from home. Items added are pending until a record of theirs
 * is signed, and then stay with that record.
 */
@Singleton
public class NextAgenda {
    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public NextAgenda(StaffRepository staff, SupervisionRelationRepository relations, AccessPolicy access, Idempotency idempotency,
                      ActivityLog activityLog, JdbcOperations jdbc, Clock clock) {
        this.staff = staff;
        this.relations = relations;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Added(ProposedAgendaItem item, boolean replayed) {
    }

    /** The session a record is of: its own date and start time bound which added items were on its agenda. */
    public record Meeting(String id, String kind, LocalDate date, String startTime) {
        boolean oneToOne() {
            return "ONE_TO_ONE".equals(kind);
        }

        Timestamp start() {
            return Timestamp.from(date.atTime(LocalTime.parse(startTime)).atZone(ClockFactory.ORGANISATION_ZONE).toInstant());
        }
    }

    /** Enough for any real agenda, and keeps a record's proposed agenda within the contract's 200 items. */
    static final int MAX_PENDING = 50;

    private record Row(String id, String superviseeId, String proposedBy, String text, Instant createdAt) {
    }

    @Transactional
    public Added propose(Caller caller, UUID staffId, AgendaItemCreate body, String idempotencyKey) {
        Staff supervisee = staff.findByIdAndOrganisationId(staffId.toString(), caller.organisationId())
                .orElseThrow(() -> Problems.notFound("Staff " + staffId));
        access.requireProposeAgendaFor(caller, supervisee, relations.currentSupervisorId(supervisee.id(), LocalDate.now(clock)));
        var previous = idempotency.previous(caller, idempotencyKey, "proposeAgendaItem", body);
        if (previous.isPresent()) {
            return new Added(toDtos(rows("SELECT id, supervisee_id, proposed_by, text, created_at FROM agenda_proposal WHERE id = ?",
                    List.of(previous.get()))).get(0), true);
        }
        String text = body.getText().trim();
        if (text.isEmpty()) {
            throw Problems.rule("/text", "Enter what you want to discuss");
        }
        if (pending(supervisee.id()) >= MAX_PENDING) {
            throw Problems.rule("/text", supervisee.displayName() + " already has " + MAX_PENDING
                    + " items waiting for their next session: discuss or remove some before adding more");
        }
        String id = Ids.newId();
        Instant now = clock.instant();
        jdbc.prepareStatement("INSERT INTO agenda_proposal (id, organisation_id, supervisee_id, proposed_by, text, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, id);
            ps.setString(2, caller.organisationId());
            ps.setString(3, supervisee.id());
            ps.setString(4, caller.staffId());
            ps.setString(5, text);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate();
        });
        idempotency.remember(caller, idempotencyKey, "proposeAgendaItem", body, id);
        activityLog.record(caller, "AGENDA_ITEM_ADDED", "staff", supervisee.id(), null);
        return new Added(toDtos(List.of(new Row(id, supervisee.id(), caller.staffId(), text, now))).get(0), false);
    }

    private long pending(String superviseeId) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM agenda_proposal WHERE supervisee_id = ? AND used_in_session_id IS NULL", ps -> {
            ps.setString(1, superviseeId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * The proposed agenda of a one-to-one session's record: the supervisee's latest earlier one-to-one record's
     * future agenda items, then the items added before the session started (pending ones while the record is a
     * draft; those kept with it once signed). A group session shows none: a one-to-one agenda is not the group's.
     */
    public List<ProposedAgendaItem> forRecord(Meeting session, Collection<String> supervisees, boolean signed) {
        if (!session.oneToOne()) {
            return List.of();
        }
        String sessionId = session.id();
        LocalDate date = session.date();
        String startTime = session.startTime();
        List<ProposedAgendaItem> out = new ArrayList<>();
        Map<String, String> carried = new LinkedHashMap<>();
        for (String supervisee : supervisees) {
            jdbc.prepareStatement("SELECT s.id, r.future_agenda FROM session_record r JOIN supervision_session s ON s.id = r.session_id "
                    + "JOIN session_participant p ON p.session_id = s.id WHERE p.supervisee_id = ? AND s.id <> ? AND s.kind = 'ONE_TO_ONE' "
                    + "AND (s.meeting_date < ? OR (s.meeting_date = ? AND s.start_time < ?)) "
                    + "ORDER BY s.meeting_date DESC, s.start_time DESC, s.id DESC LIMIT 1", ps -> {
                ps.setString(1, supervisee);
                ps.setString(2, sessionId);
                ps.setDate(3, Date.valueOf(date));
                ps.setDate(4, Date.valueOf(date));
                ps.setString(5, startTime);
                try (var rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(2) != null && !rs.getString(2).isBlank()) {
                        carried.putIfAbsent(rs.getString(1), rs.getString(2));
                    }
                }
                return null;
            });
        }
        carried.forEach((fromSession, text) -> {
            ProposedAgendaItem item = new ProposedAgendaItem(text, ProposedAgendaItemSource.PREVIOUS_RECORD);
            item.setFromSessionId(UUID.fromString(fromSession));
            out.add(item);
        });
        List<Row> added = signed
                ? rows("SELECT id, supervisee_id, proposed_by, text, created_at FROM agenda_proposal WHERE used_in_session_id = ? "
                + "ORDER BY created_at, id", List.of(sessionId))
                : supervisees.isEmpty() ? List.of() : pendingBefore(session, supervisees);
        out.addAll(toDtos(added));
        return out;
    }

    /**
     * A one-to-one record was signed: the items pending when the session started were on its agenda and stay
     * with it. Items added after it started (for the next session) stay pending, however late it is signed.
     */
    public void keepWithRecord(Meeting session, Collection<String> supervisees) {
        if (supervisees.isEmpty() || !session.oneToOne()) {
            return;
        }
        List<String> list = new ArrayList<>(supervisees);
        jdbc.prepareStatement("UPDATE agenda_proposal SET used_in_session_id = ? WHERE supervisee_id IN (" + Sql.placeholders(list.size())
                + ") AND used_in_session_id IS NULL AND created_at <= ?", ps -> {
            int i = 1;
            ps.setString(i++, session.id());
            for (String s : list) {
                ps.setString(i++, s);
            }
            ps.setTimestamp(i, session.start());
            return ps.executeUpdate();
        });
    }

    private List<Row> pendingBefore(Meeting session, Collection<String> supervisees) {
        List<Object> args = new ArrayList<>(supervisees);
        args.add(session.start());
        return rows("SELECT id, supervisee_id, proposed_by, text, created_at FROM agenda_proposal WHERE supervisee_id IN ("
                + Sql.placeholders(supervisees.size()) + ") AND used_in_session_id IS NULL AND created_at <= ? ORDER BY created_at, id", args);
    }

    private List<Row> rows(String sql, List<?> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Row> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        });
    }

    private List<ProposedAgendaItem> toDtos(List<Row> rows) {
        Set<String> people = new HashSet<>();
        rows.forEach(r -> people.add(r.proposedBy()));
        Map<String, Staff> byId = new HashMap<>();
        if (!people.isEmpty()) {
            staff.findByIdIn(people).forEach(s -> byId.put(s.id(), s));
        }
        return rows.stream().map(r -> {
            ProposedAgendaItem item = new ProposedAgendaItem(r.text(), ProposedAgendaItemSource.ADDED);
            item.setProposedBy(StaffMapper.ref(byId.get(r.proposedBy())));
            item.setProposedAt(r.createdAt().atOffset(ZoneOffset.UTC));
            return item;
        }).toList();
    }
}
