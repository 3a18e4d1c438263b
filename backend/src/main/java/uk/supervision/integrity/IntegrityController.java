package uk.supervision.integrity;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.IntegrityApi;
import uk.supervision.api.model.IntegrityBreak;
import uk.supervision.api.model.IntegrityBreakItemType;
import uk.supervision.api.model.IntegrityVerification;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.security.CallerProvider;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class IntegrityController implements IntegrityApi {
    private final IntegrityVerifier verifier;
    private final AccessPolicy access;
    private final CallerProvider callers;
    private final ActivityLog activityLog;
    private final Clock clock;

    public IntegrityController(IntegrityVerifier verifier, AccessPolicy access, CallerProvider callers, ActivityLog activityLog, Clock clock) {
        this.verifier = verifier;
        this.access = access;
        this.callers = callers;
        this.activityLog = activityLog;
        this.clock = clock;
    }

    @Override
    public HttpResponse<IntegrityVerification> verifyIntegrity() {
        Caller caller = callers.person();
        access.requireIntegrityVerification(caller);
        IntegrityVerifier.Result result = verifier.verify(caller.organisationId());
        IntegrityVerification out = new IntegrityVerification(clock.instant().atOffset(ZoneOffset.UTC), result.firstBreak().isEmpty(),
                result.itemsChecked());
        result.firstBreak().ifPresent(b -> {
            IntegrityBreak dto = new IntegrityBreak(UUID.fromString(b.organisationId()), b.sequence(), b.problem());
            if (b.itemType() != null) {
                dto.setItemType(IntegrityBreakItemType.fromValue(b.itemType()));
                dto.setItemId(b.itemId());
            }
            dto.setExpected(b.expected());
            dto.setFound(b.found());
            out.setFirstBreak(dto);
        });
        activityLog.record(caller, "INTEGRITY_VERIFIED", null, null,
                result.itemsChecked() + " signed items, " + (result.firstBreak().isEmpty() ? "intact" : "broken at " + result.firstBreak().get().sequence()));
        return HttpResponse.ok(out);
    }
}
