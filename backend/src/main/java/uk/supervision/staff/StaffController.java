package uk.supervision.staff;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.StaffApi;
import uk.supervision.api.model.EmploymentType;
import uk.supervision.api.model.ListStaffStatusParameter;
import uk.supervision.api.model.Staff;
import uk.supervision.api.model.StaffCategory;
import uk.supervision.api.model.StaffCreate;
import uk.supervision.api.model.StaffHistory;
import uk.supervision.api.model.StaffLeaving;
import uk.supervision.api.model.StaffMove;
import uk.supervision.api.model.StaffPage;
import uk.supervision.api.model.StaffUpdate;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class StaffController implements StaffApi {
    private final StaffService staff;
    private final CallerProvider callers;

    public StaffController(StaffService staff, CallerProvider callers) {
        this.staff = staff;
        this.callers = callers;
    }

    @Override
    public HttpResponse<StaffPage> listStaff(Integer limit, String cursor, UUID teamId, UUID serviceId, StaffCategory category,
                                             EmploymentType employmentType, ListStaffStatusParameter status, String q,
                                             LocalDate leavingFrom, LocalDate leavingTo, LocalDate postStartFrom, LocalDate postStartTo) {
        return HttpResponse.ok(staff.list(callers.current(), limit, cursor, teamId, serviceId, category, employmentType, status, q,
                new StaffService.DateWindow(leavingFrom, leavingTo), new StaffService.DateWindow(postStartFrom, postStartTo)));
    }

    @Override
    public HttpResponse<Staff> createStaff(StaffCreate body, String idempotencyKey) {
        StaffView created = staff.create(callers.current(), body, idempotencyKey);
        return HttpResponse.created(StaffMapper.toDto(created), URI.create("/api/v1/staff/" + created.staff().id()))
                .header("ETag", ETags.of(created.staff().version()));
    }

    @Override
    public HttpResponse<Staff> getStaff(UUID staffId) {
        return withETag(staff.get(callers.current(), staffId));
    }

    @Override
    public HttpResponse<Staff> updateStaff(UUID staffId, StaffUpdate body, String ifMatch) {
        return withETag(staff.update(callers.current(), staffId, body, ifMatch));
    }

    @Override
    public HttpResponse<Staff> recordLeaver(UUID staffId, StaffLeaving body, String ifMatch) {
        return withETag(staff.recordLeaver(callers.current(), staffId, body, ifMatch));
    }

    @Override
    public HttpResponse<Staff> moveStaff(UUID staffId, StaffMove body, String ifMatch) {
        return withETag(staff.move(callers.current(), staffId, body, ifMatch));
    }

    @Override
    public HttpResponse<StaffHistory> getStaffHistory(UUID staffId) {
        return HttpResponse.ok(staff.history(callers.current(), staffId));
    }

    private static HttpResponse<Staff> withETag(StaffView view) {
        return HttpResponse.ok(StaffMapper.toDto(view)).header("ETag", ETags.of(view.staff().version()));
    }
}
