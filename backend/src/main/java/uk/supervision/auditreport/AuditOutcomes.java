package uk.supervision.auditreport;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.supervision.api.model.ActionStatus;
import uk.supervision.api.model.AuditAction;
import uk.supervision.api.model.AuditOutcome;
import uk.supervision.api.model.OverallGradeAnswer;
import uk.supervision.api.model.StaffRef;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffMapper;
import uk.supervision.staff.StaffRepository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The outcome of audits of a supervisor's files, noted and signed on their own supervision record (DOMAIN section
 * 14): a completed audit whose audited supervisor is the record's supervisee shows on each of their one-to-one draft
 * records until one is locked; then file_audit.noted_on_session_id names that record and no later record shows it.
 * Outcomes are plain maps of ids and dates, the shape the record's signed copy keeps (action progress excluded: it
 * moves on after the record is locked).
 */
@Singleton
public class AuditOutcomes {
    private final JdbcOperations jdbc;
    private final StaffRepository staff;

    public AuditOutcomes(JdbcOperations jdbc, StaffRepository staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /** Completed audits of supervisor {@code supervisorId} not noted yet, or noted on {@code sessionId}; oldest first. */
    public List<Map<String, Object>> shown(String supervisorId, String sessionId) {
        return outcomes("a.supervisor_id = ? AND (a.noted_on_session_id IS NULL OR a.noted_on_session_id = ?)", supervisorId, sessionId);
    }

    /** The audits noted on a locked record (what its signed copy is rebuilt from). */
    public List<Map<String, Object>> notedOn(String sessionId) {
        return outcomes("a.noted_on_session_id = ?", sessionId);
    }

    /** Notes the audits shown on a record as it locks; those noted meanwhile on another record are left alone. */
    public int note(String sessionId, List<String> auditIds) {
        if (auditIds.isEmpty()) {
            return 0;
        }
        String marks = String.join(", ", auditIds.stream().map(i -> "?").toList());
        return jdbc.prepareStatement("UPDATE file_audit SET noted_on_session_id = ? WHERE id IN (" + marks + ") AND noted_on_session_id IS NULL",
                ps -> {
                    ps.setString(1, sessionId);
                    for (int i = 0; i < auditIds.size(); i++) {
                        ps.setString(i + 2, auditIds.get(i));
                    }
                    return ps.executeUpdate();
                });
    }

    private List<Map<String, Object>> outcomes(String where, String... args) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT a.id, a.audited_on, a.grade, a.supervisee_id, a.auditor_staff_id FROM file_audit a "
                + "JOIN file_audit_signature s ON s.file_audit_id = a.id WHERE " + where + " ORDER BY a.audited_on, a.id", ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> o = new TreeMap<>();
                    o.put("auditId", rs.getString(1));
                    o.put("auditedOn", rs.getDate(2).toLocalDate().toString());
                    o.put("grade", rs.getString(3) == null ? "" : rs.getString(3));
                    o.put("supervisee", rs.getString(4));
                    o.put("auditor", rs.getString(5));
                    o.put("actions", new ArrayList<Map<String, Object>>());
                    byId.put(rs.getString(1), o);
                }
            }
            return null;
        });
        if (byId.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(byId.keySet());
        String marks = String.join(", ", ids.stream().map(i -> "?").toList());
        jdbc.prepareStatement("SELECT id, file_audit_id, text, owner_staff_id, due_date FROM supervision_action WHERE file_audit_id IN ("
                + marks + ") ORDER BY due_date, id", ps -> {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> a = new TreeMap<>();
                    a.put("id", rs.getString(1));
                    a.put("text", rs.getString(3));
                    a.put("owner", rs.getString(4));
                    a.put("dueDate", rs.getDate(5).toLocalDate().toString());
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> list = (List<Map<String, Object>>) byId.get(rs.getString(2)).get("actions");
                    list.add(a);
                }
            }
            return null;
        });
        return new ArrayList<>(byId.values());
    }

    /** The outcomes as the contract shows them; the actions' current status read from the action lists. */
    @SuppressWarnings("unchecked")
    public List<AuditOutcome> toDtos(List<Map<String, Object>> outcomes) {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        Set<String> people = new HashSet<>();
        List<String> actionIds = new ArrayList<>();
        for (Map<String, Object> o : outcomes) {
            people.add((String) o.get("supervisee"));
            people.add((String) o.get("auditor"));
            for (Map<String, Object> a : (List<Map<String, Object>>) o.get("actions")) {
                people.add((String) a.get("owner"));
                actionIds.add((String) a.get("id"));
            }
        }
        Map<String, Staff> byId = new HashMap<>();
        staff.findByIdIn(people).forEach(s -> byId.put(s.id(), s));
        Map<String, String> status = new HashMap<>();
        if (!actionIds.isEmpty()) {
            String marks = String.join(", ", actionIds.stream().map(i -> "?").toList());
            jdbc.prepareStatement("SELECT id, status FROM supervision_action WHERE id IN (" + marks + ")", ps -> {
                for (int i = 0; i < actionIds.size(); i++) {
                    ps.setString(i + 1, actionIds.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        status.put(rs.getString(1), rs.getString(2));
                    }
                }
                return null;
            });
        }
        List<AuditOutcome> out = new ArrayList<>();
        for (Map<String, Object> o : outcomes) {
            List<AuditAction> actions = new ArrayList<>();
            for (Map<String, Object> a : (List<Map<String, Object>>) o.get("actions")) {
                AuditAction dto = new AuditAction((String) a.get("text"));
                dto.setTrackedActionId(UUID.fromString((String) a.get("id")));
                dto.setOwnerId(UUID.fromString((String) a.get("owner")));
                dto.setOwner(ref(byId, (String) a.get("owner")));
                dto.setDueDate(LocalDate.parse((String) a.get("dueDate")));
                String s = status.get((String) a.get("id"));
                dto.setStatus(s == null ? null : ActionStatus.fromValue(s));
                actions.add(dto);
            }
            AuditOutcome dto = new AuditOutcome(UUID.fromString((String) o.get("auditId")), LocalDate.parse((String) o.get("auditedOn")),
                    ref(byId, (String) o.get("supervisee")), ref(byId, (String) o.get("auditor")), actions);
            String grade = (String) o.get("grade");
            dto.setGrade(grade == null || grade.isEmpty() ? null : OverallGradeAnswer.fromValue(grade));
            out.add(dto);
        }
        return out;
    }

    private static StaffRef ref(Map<String, Staff> byId, String id) {
        Staff s = byId.get(id);
        return s != null ? StaffMapper.ref(s) : new StaffRef(UUID.fromString(id), "Unknown");
    }
}
