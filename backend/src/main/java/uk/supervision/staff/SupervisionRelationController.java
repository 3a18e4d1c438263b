package uk.supervision.staff;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.SupervisionApi;
import uk.supervision.api.model.SupervisionRelation;
import uk.supervision.api.model.SupervisionRelationCreate;
import uk.supervision.api.model.SupervisionRelationPage;
import uk.supervision.security.CallerProvider;

import java.net.URI;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SupervisionRelationController implements SupervisionApi {
    private final SupervisionRelationService relations;
    private final CallerProvider callers;

    public SupervisionRelationController(SupervisionRelationService relations, CallerProvider callers) {
        this.relations = relations;
        this.callers = callers;
    }

    @Override
    public HttpResponse<SupervisionRelationPage> listSupervisionRelations(Integer limit, String cursor, UUID supervisorId,
                                                                          UUID superviseeId, Boolean current) {
        return HttpResponse.ok(relations.list(callers.current(), limit, cursor, supervisorId, superviseeId, current));
    }

    @Override
    public HttpResponse<SupervisionRelation> createSupervisionRelation(SupervisionRelationCreate body, String idempotencyKey) {
        SupervisionRelation created = relations.create(callers.current(), body, idempotencyKey);
        return HttpResponse.created(created, URI.create("/api/v1/supervision-relations?superviseeId=" + created.getSupervisee().getId()));
    }
}
