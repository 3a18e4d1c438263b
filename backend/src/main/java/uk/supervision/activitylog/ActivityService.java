package uk.supervision.activitylog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.ActivityActor;
import uk.supervision.api.model.ActivityEntry;
import uk.supervision.api.model.ActivityPage;
import uk.supervision.api.model.ActivityRecordRef;
import uk.supervision.api.model.Role;
import uk.supervision.api.model.StaffRef;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reading the activity log: a person sees who read their records; administrators and QA auditors
 * search the whole organisation's log, and each search or export is itself logged.
 */
@Singleton
public class ActivityService {
    private final ActivityQueries queries;
    private final AccessPolicy access;
    private final ActivityLog activityLog;

    public ActivityService(ActivityQueries queries, AccessPolicy access, ActivityLog activityLog) {
        this.queries = queries;
        this.access = access;
        this.activityLog = activityLog;
    }

    /** Reads of my records: the reader's name and roles, never their address, never other people's records. */
    @Transactional(readOnly = true)
    public ActivityPage mine(Caller caller, Integer limit, String cursor, String recordType) {
        if (caller.staffId() == null) {
            Cursor.decode(CursorList.MY_ACTIVITY, cursor, 2);
            return new ActivityPage(List.of());
        }
        var page = queries.page(CursorList.MY_ACTIVITY, new ActivityQueries.Filter(caller.organisationId(), caller.staffId(), recordType, null, null, null, null),
                cursor, Cursor.limit(limit));
        List<ActivityEntry> items = new ArrayList<>();
        for (ActivityQueries.Row row : page.rows()) {
            ActivityEntry entry = toDto(row, false);
            entry.setSubjects(row.subjects().stream().filter(s -> s.staffId().equals(caller.staffId())).map(ActivityService::ref).toList());
            items.add(entry);
        }
        return new ActivityPage(items).nextCursor(page.nextCursor());
    }

    @Transactional
    public ActivityPage search(Caller caller, ActivityQueries.Filter filter, Integer limit, String cursor) {
        access.requireSearchActivity(caller);
        var page = queries.page(CursorList.ACTIVITY, filter, cursor, Cursor.limit(limit));
        activityLog.record(caller, "ACTIVITY_SEARCHED", null, null, describe(filter));
        return new ActivityPage(page.rows().stream().map(r -> toDto(r, true)).toList()).nextCursor(page.nextCursor());
    }

    /** Checks and logs an export before its first byte is sent; the pages follow through {@link #exportPage}. */
    @Transactional
    public void startExport(Caller caller, ActivityQueries.Filter filter) {
        access.requireSearchActivity(caller);
        activityLog.record(caller, "ACTIVITY_EXPORTED", null, null, describe(filter));
    }

    /** One page of an export, in a short read-only transaction of its own. */
    @Transactional(readOnly = true)
    public ActivityQueries.Page exportPage(ActivityQueries.Filter filter, String cursor, int size) {
        return queries.page(CursorList.ACTIVITY, filter, cursor, size);
    }

    /** The search filters from the query parameters, refused with a 400 when they cannot be right. */
    public static ActivityQueries.Filter filter(Caller caller, UUID subjectId, String recordType, String recordId, UUID actorId,
                                                OffsetDateTime from, OffsetDateTime to) {
        if ((recordType == null) != (recordId == null)) {
            throw Problems.badParameter(recordType == null ? "recordType" : "recordId",
                    "A record is named by its type and its id together: give both recordType and recordId.");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw Problems.badParameter("to", "The end of the period must be after its start.");
        }
        return new ActivityQueries.Filter(caller.organisationId(), subjectId == null ? null : subjectId.toString(), recordType, recordId,
                actorId == null ? null : actorId.toString(), start, end);
    }

    private static Instant instant(String name, OffsetDateTime value) {
        if (value == null) {
            return null;
        }
        Instant at = value.toInstant();
        if (!ActivityQueries.inRange(at)) {
            throw Problems.badParameter(name, "Give a time between 1970 and 9999.");
        }
        return at;
    }

    private static String describe(ActivityQueries.Filter f) {
        List<String> parts = new ArrayList<>();
        if (f.subjectId() != null) parts.add("subject " + f.subjectId());
        if (f.recordType() != null) parts.add("record " + f.recordType() + " " + f.recordId());
        if (f.actorAccountId() != null) parts.add("actor " + f.actorAccountId());
        if (f.from() != null) parts.add("from " + f.from());
        if (f.to() != null) parts.add("to " + f.to());
        return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }

    private static ActivityEntry toDto(ActivityQueries.Row r, boolean full) {
        ActivityActor actor = new ActivityActor();
        actor.setDisplayName(r.actorName());
        actor.setStaffId(r.actorStaffId() == null ? null : UUID.fromString(r.actorStaffId()));
        actor.setRoles(roles(r.actorRoles()));
        if (full) {
            actor.setAccountId(r.actorAccountId() == null ? null : UUID.fromString(r.actorAccountId()));
            actor.setClientId(r.actorClientId());
        }
        ActivityEntry entry = new ActivityEntry(r.id(), r.occurredAt().atOffset(ZoneOffset.UTC), r.action(), actor,
                r.subjects().stream().map(ActivityService::ref).toList());
        if (r.recordType() != null) {
            entry.setRecord(new ActivityRecordRef(r.recordType()).id(r.recordId()));
        }
        entry.setSummary(r.summary());
        if (full) {
            entry.setRequestId(r.requestId());
            entry.setRemoteAddress(r.remoteAddress());
        }
        return entry;
    }

    private static StaffRef ref(ActivityQueries.Subject s) {
        return new StaffRef(UUID.fromString(s.staffId()), s.displayName() == null ? "(removed)" : s.displayName());
    }

    static List<Role> roles(String stored) {
        List<Role> out = new ArrayList<>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        for (String r : stored.trim().split("\\s+")) {
            try {
                out.add(Role.valueOf(r));
            } catch (IllegalArgumentException ignored) {
                // a role this version no longer knows: left out rather than failing the page
            }
        }
        return out;
    }
}
