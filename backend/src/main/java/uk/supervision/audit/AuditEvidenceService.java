package uk.supervision.audit;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ReadLog;
import uk.supervision.activitylog.RecordRead;
import uk.supervision.api.model.ActionReview;
import uk.supervision.api.model.AuditEvidence;
import uk.supervision.api.model.AuditEvidenceItem;
import uk.supervision.api.model.AuditEvidenceItemTopic;
import uk.supervision.api.model.EvidenceFact;
import uk.supervision.api.model.EvidenceLink;
import uk.supervision.api.model.EvidenceLinkKind;
import uk.supervision.api.model.Role;
import uk.supervision.policy.PolicyService;
import uk.supervision.problem.Problems;
import uk.supervision.security.Caller;

import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the product holds about an audited file for the audit's period, beside the questions it informs (issue 9,
 * item 2): previous actions reviewed (q1, q2), sessions against the schedule, days to a signed record (q10), an active
 * agreement (q11), the child's view in case discussions (q7). The auditor still judges. Read in a fixed number of
 * queries, whatever the number of sessions: the sessions with their records, the actions open at each session, the
 * agreement, the case discussions, and the policy's interval.
 */
@Singleton
public class AuditEvidenceService {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final AuditService audits;
    private final JdbcOperations jdbc;
    private final PolicyService policy;
    private final ReadLog readLog;
    private final JsonMapper json;

    public AuditEvidenceService(AuditService audits, JdbcOperations jdbc, PolicyService policy, ReadLog readLog, JsonMapper json) {
        this.audits = audits;
        this.jdbc = jdbc;
        this.policy = policy;
        this.readLog = readLog;
        this.json = json;
    }

    static String words(LocalDate day) {
        return day.format(WORDS);
    }

    /** A one-to-one session held in the period, with its record. */
    private record Held(String id, LocalDate day, String recordStatus, String reviewsJson, LocalDate signedOn) {
    }

    @Transactional
    public AuditEvidence evidence(Caller caller, UUID auditId) {
        AuditService.Row row = audits.readable(caller, auditId.toString());
        if (!caller.isSelf(row.auditorStaffId()) && !caller.has(Role.QA_AUDITOR)) {
            throw Problems.forbidden("The evidence beside an audit is for its auditor and quality assurance.");
        }
        AuditService.Row shown = audits.asShown(row);
        LocalDate from = shown.periodFrom();
        LocalDate to = shown.periodTo();
        String supervisee = row.superviseeId();
        List<Held> held = held(supervisee, from, to);
        Map<String, Integer> openAt = openActionsAt(supervisee, from, to);
        List<AuditEvidenceItem> items = new ArrayList<>();
        items.add(actionsReviewed(held, openAt));
        items.add(schedule(row.organisationId(), held, from, to));
        items.add(timeliness(held));
        items.add(agreement(supervisee, to));
        items.add(childViews(supervisee, from, to));
        readLog.record(caller, new RecordRead("READ", RecordRead.FILE_AUDIT_EVIDENCE, row.id(), List.of(supervisee),
                "evidence for " + from + " to " + to));
        return new AuditEvidence(UUID.fromString(row.id()), from, to, items);
    }

    // ---- queries (one each)

    private List<Held> held(String superviseeId, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("SELECT s.id, s.meeting_date, r.status, r.action_reviews_json, r.signed_at FROM supervision_session s "
                + "JOIN session_participant p ON p.session_id = s.id LEFT JOIN session_record r ON r.session_id = s.id "
                + "WHERE p.supervisee_id = ? AND s.kind = 'ONE_TO_ONE' AND s.status IN ('HELD', 'RECORDED', 'SIGNED') "
                + "AND s.meeting_date >= ? AND s.meeting_date <= ? ORDER BY s.meeting_date, s.id", ps -> {
            ps.setString(1, superviseeId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            List<Held> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp signed = rs.getTimestamp(5);
                    boolean signedByBoth = "SIGNED".equals(rs.getString(3)) && signed != null;
                    out.add(new Held(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                            signedByBoth ? signed.toInstant().atZone(LONDON).toLocalDate() : null));
                }
            }
            return out;
        });
    }

    /**
     * For each session in the period, how many of the supervisee's actions were open when it began: made before the
     * session's day and not closed in an earlier session.
     */
    private Map<String, Integer> openActionsAt(String superviseeId, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement("SELECT s.id, COUNT(a.id) FROM supervision_session s JOIN session_participant p ON p.session_id = s.id "
                + "JOIN supervision_action a ON a.supervisee_id = p.supervisee_id AND a.created_at < s.meeting_date "
                + "LEFT JOIN supervision_session c ON c.id = a.closed_in_session_id "
                + "WHERE p.supervisee_id = ? AND s.kind = 'ONE_TO_ONE' AND s.status IN ('HELD', 'RECORDED', 'SIGNED') "
                + "AND s.meeting_date >= ? AND s.meeting_date <= ? AND (c.id IS NULL OR c.meeting_date >= s.meeting_date) "
                + "AND (a.status = 'OPEN' OR a.closed_in_session_id IS NOT NULL) GROUP BY s.id", ps -> {
            ps.setString(1, superviseeId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            Map<String, Integer> out = new HashMap<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    // ---- the items

    private AuditEvidenceItem actionsReviewed(List<Held> held, Map<String, Integer> openAt) {
        List<EvidenceFact> facts = new ArrayList<>();
        List<EvidenceLink> links = new ArrayList<>();
        int withOpen = 0;
        int reviewedAll = 0;
        for (Held h : held) {
            int open = openAt.getOrDefault(h.id(), 0);
            int reviewed = reviews(h.reviewsJson());
            String value;
            if (h.recordStatus() == null) {
                value = "No record written";
            } else if (open == 0) {
                value = "No previous actions were open";
            } else {
                withOpen++;
                if (reviewed >= open) {
                    reviewedAll++;
                }
                value = reviewed + " of " + open + " open previous actions reviewed";
            }
            facts.add(new EvidenceFact("Session on " + words(h.day()), value));
            if (h.recordStatus() != null) {
                links.add(new EvidenceLink(EvidenceLinkKind.RECORD, UUID.fromString(h.id()), "Record of the session on " + words(h.day())));
            }
        }
        String summary = held.isEmpty() ? "No one-to-one sessions were held in the period."
                : withOpen == 0 ? "No session in the period had previous actions open."
                : reviewedAll + " of " + withOpen + " sessions with previous actions open reviewed all of them.";
        return new AuditEvidenceItem(AuditEvidenceItemTopic.ACTIONS_REVIEWED, List.of("q1", "q2"), summary, facts, links);
    }

    private AuditEvidenceItem schedule(String organisationId, List<Held> held, LocalDate from, LocalDate to) {
        Period interval = Period.parse(policy.effectiveRules(organisationId).getNormalInterval());
        long intervalDays = Math.max(1, interval.getYears() * 365L + interval.getMonths() * 30L + interval.getDays());
        long periodDays = ChronoUnit.DAYS.between(from, to) + 1;
        long expected = Math.max(1, periodDays / intervalDays);
        long longest = 0;
        LocalDate previous = from;
        for (Held h : held) {
            longest = Math.max(longest, ChronoUnit.DAYS.between(previous, h.day()));
            previous = h.day();
        }
        longest = Math.max(longest, ChronoUnit.DAYS.between(previous, to));
        List<EvidenceFact> facts = List.of(
                new EvidenceFact("One-to-one sessions held", Long.toString(held.size())),
                new EvidenceFact("Sessions expected (one every " + intervalDays + " days)", Long.toString(expected)),
                new EvidenceFact("Longest gap without a session", longest + " days"));
        List<EvidenceLink> links = held.stream().map(h -> new EvidenceLink(EvidenceLinkKind.SESSION, UUID.fromString(h.id()),
                "Session on " + words(h.day()))).toList();
        return new AuditEvidenceItem(AuditEvidenceItemTopic.SESSIONS_AGAINST_SCHEDULE, List.of("q1", "q10"),
                held.size() + " of " + expected + " expected one-to-one sessions were held; the longest gap was " + longest + " days.",
                facts, links);
    }

    private AuditEvidenceItem timeliness(List<Held> held) {
        List<EvidenceFact> facts = new ArrayList<>();
        List<EvidenceLink> links = new ArrayList<>();
        long total = 0;
        int signed = 0;
        for (Held h : held) {
            String value;
            if (h.signedOn() == null) {
                value = "Not signed";
            } else {
                long days = ChronoUnit.DAYS.between(h.day(), h.signedOn());
                total += days;
                signed++;
                value = days + (days == 1 ? " day" : " days");
            }
            facts.add(new EvidenceFact("Session on " + words(h.day()), value));
            if (h.recordStatus() != null) {
                links.add(new EvidenceLink(EvidenceLinkKind.RECORD, UUID.fromString(h.id()), "Record of the session on " + words(h.day())));
            }
        }
        String average = signed == 0 ? null : String.format(Locale.UK, "%.1f", (double) total / signed);
        if (average != null) {
            facts.add(new EvidenceFact("Average days to a record signed by both", average));
        }
        String summary = held.isEmpty() ? "No one-to-one sessions were held in the period."
                : signed == 0 ? "None of the " + held.size() + " records is signed by both."
                : signed + " of " + held.size() + " records were signed by both, on average " + average + " days after the session.";
        return new AuditEvidenceItem(AuditEvidenceItemTopic.RECORD_TIMELINESS, List.of("q10"), summary, facts, links);
    }

    private AuditEvidenceItem agreement(String superviseeId, LocalDate to) {
        Timestamp endOfPeriod = Timestamp.from(to.plusDays(1).atStartOfDay(LONDON).toInstant());
        String[] found = jdbc.prepareStatement("SELECT id, signed_at FROM agreement WHERE supervisee_id = ? AND status IN ('ACTIVE', 'SUPERSEDED') "
                + "AND signed_at IS NOT NULL AND signed_at < ? AND (ended_on IS NULL OR ended_on >= ?) ORDER BY signed_at DESC, id DESC", ps -> {
            ps.setString(1, superviseeId);
            ps.setTimestamp(2, endOfPeriod);
            ps.setDate(3, Date.valueOf(to));
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new String[]{rs.getString(1), rs.getTimestamp(2).toInstant().atZone(LONDON).toLocalDate().toString()} : null;
            }
        });
        if (found == null) {
            return new AuditEvidenceItem(AuditEvidenceItemTopic.AGREEMENT, List.of("q11_supervision_agreement"),
                    "There was no signed supervision agreement in force on " + words(to) + ".",
                    List.of(new EvidenceFact("Signed agreement in force at the end of the period", "No")), List.of());
        }
        String since = words(LocalDate.parse(found[1]));
        return new AuditEvidenceItem(AuditEvidenceItemTopic.AGREEMENT, List.of("q11_supervision_agreement"),
                "A signed supervision agreement was in force on " + words(to) + ", signed on " + since + ".",
                List.of(new EvidenceFact("Signed agreement in force at the end of the period", "Yes"), new EvidenceFact("In force since", since)),
                List.of(new EvidenceLink(EvidenceLinkKind.AGREEMENT, UUID.fromString(found[0]), "Supervision agreement signed on " + since)));
    }

    private AuditEvidenceItem childViews(String superviseeId, LocalDate from, LocalDate to) {
        List<String[]> discussions = jdbc.prepareStatement("SELECT d.id, d.discussed_on, d.child_view_status FROM case_discussion d "
                + "WHERE d.supervisee_id = ? AND d.discussed_on >= ? AND d.discussed_on <= ? ORDER BY d.discussed_on, d.id", ps -> {
            ps.setString(1, superviseeId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            List<String[]> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[]{rs.getString(1), rs.getDate(2).toLocalDate().toString(), rs.getString(3)});
                }
            }
            return out;
        });
        int recorded = 0;
        int reason = 0;
        List<EvidenceLink> links = new ArrayList<>();
        for (String[] d : discussions) {
            if ("RECORDED".equals(d[2])) {
                recorded++;
            } else if ("NOT_OBTAINED".equals(d[2])) {
                reason++;
            }
            links.add(new EvidenceLink(EvidenceLinkKind.CASE_DISCUSSION, UUID.fromString(d[0]),
                    "Case discussion on " + words(LocalDate.parse(d[1]))));
        }
        List<EvidenceFact> facts = List.of(
                new EvidenceFact("Case discussions in the period", Integer.toString(discussions.size())),
                new EvidenceFact("With the child's view recorded", Integer.toString(recorded)),
                new EvidenceFact("With a reason the view could not be obtained", Integer.toString(reason)));
        String summary = discussions.isEmpty() ? "No case discussions were held in the period."
                : recorded + " of " + discussions.size() + " case discussions recorded the child's view; " + reason
                + (reason == 1 ? " gave a reason it could not be obtained." : " gave reasons it could not be obtained.");
        return new AuditEvidenceItem(AuditEvidenceItemTopic.CHILD_VIEWS, List.of("q7"), summary, facts, links);
    }

    private int reviews(String reviewsJson) {
        if (reviewsJson == null || reviewsJson.isBlank()) {
            return 0;
        }
        try {
            List<ActionReview> reviews = json.readValue(reviewsJson, Argument.listOf(ActionReview.class));
            return reviews == null ? 0 : (int) reviews.stream().map(ActionReview::getActionId).distinct().count();
        } catch (IOException e) {
            return 0;
        }
    }
}
