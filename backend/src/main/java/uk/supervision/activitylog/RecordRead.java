package uk.supervision.activitylog;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a read of a person's records was: the kind of read, the record (absent for a list), whose
 * records they are (the supervisees), and a short summary.
 */
public record RecordRead(String action, String recordType, String recordId, List<String> subjectStaffIds, String summary) {
    public static final String AGREEMENT = "agreement";
    /** A session's record; its id is the session's id. */
    public static final String SESSION_RECORD = "session_record";
    public static final String CASE_DISCUSSION = "case_discussion";
    /** A supervision file audit, and (with its own type) the evidence shown beside it. */
    public static final String FILE_AUDIT = "file_audit";
    public static final String FILE_AUDIT_EVIDENCE = "file_audit_evidence";

    public RecordRead {
        subjectStaffIds = subjectStaffIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** One record read in full. */
    public static RecordRead one(String recordType, Object recordId, Collection<?> subjects) {
        return new RecordRead("READ", recordType, String.valueOf(recordId), strings(subjects), null);
    }

    /** The versions of a record, asked for through one of them. */
    public static RecordRead versions(String recordType, Object recordId, Collection<?> subjects, int count) {
        return new RecordRead("READ_VERSIONS", recordType, String.valueOf(recordId), strings(subjects), count + " versions");
    }

    /** A page of a list: one entry per call, naming every person whose records it showed. */
    public static RecordRead list(String recordType, Collection<?> subjects, int count) {
        return new RecordRead("LIST", recordType, null, strings(subjects), count + " " + recordType + (count == 1 ? "" : "s"));
    }

    public boolean isEmpty() {
        return "LIST".equals(action) && subjectStaffIds.isEmpty();
    }

    private static List<String> strings(Collection<?> values) {
        return values.stream().filter(Objects::nonNull).map(String::valueOf).toList();
    }
}
