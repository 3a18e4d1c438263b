package uk.supervision.session;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.RecordApi;
import uk.supervision.api.model.RecordNoteCreate;
import uk.supervision.api.model.SessionRecord;
import uk.supervision.api.model.SessionRecordUpdate;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SessionRecordController implements RecordApi {
    private final SessionRecordService records;
    private final CallerProvider callers;

    public SessionRecordController(SessionRecordService records, CallerProvider callers) {
        this.records = records;
        this.callers = callers;
    }

    @Override
    public HttpResponse<SessionRecord> getSessionRecord(UUID sessionId) {
        return withETag(HttpStatus.OK, records.get(callers.person(), sessionId));
    }

    @Override
    public HttpResponse<SessionRecord> updateSessionRecord(UUID sessionId, SessionRecordUpdate body, String ifMatch) {
        return withETag(HttpStatus.OK, records.update(callers.person(), sessionId, body, ifMatch));
    }

    @Override
    public HttpResponse<SessionRecord> addRecordNote(UUID sessionId, RecordNoteCreate body, String idempotencyKey) {
        return withETag(HttpStatus.CREATED, records.addNote(callers.person(), sessionId, body, idempotencyKey));
    }

    @Override
    public HttpResponse<SessionRecord> signSessionRecord(UUID sessionId, String ifMatch) {
        return withETag(HttpStatus.OK, records.sign(callers.person(), sessionId, ifMatch));
    }

    private static HttpResponse<SessionRecord> withETag(HttpStatus status, SessionRecord r) {
        return HttpResponse.<SessionRecord>status(status).body(r).header("ETag", ETags.of(r.getVersion()));
    }
}
