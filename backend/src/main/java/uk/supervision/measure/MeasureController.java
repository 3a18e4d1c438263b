package uk.supervision.measure;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.MeasureApi;
import uk.supervision.api.model.MeasureBreakdown;
import uk.supervision.api.model.MeasurePersonPage;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureSeries;
import uk.supervision.api.model.MeasureSet;
import uk.supervision.security.CallerProvider;

import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeasureController implements MeasureApi {
    private final MeasureService measures;
    private final CallerProvider callers;

    public MeasureController(MeasureService measures, CallerProvider callers) {
        this.measures = measures;
        this.callers = callers;
    }

    @Override
    public HttpResponse<MeasureSet> getMeasures(MeasureScopeKind scope, UUID scopeId, String from, String to) {
        return HttpResponse.ok(measures.measures(callers.current(), scope, scopeId, from, to));
    }

    @Override
    public HttpResponse<MeasureSeries> getMeasureSeries(MeasureScopeKind scope, String measure, UUID scopeId, String from, String to) {
        return HttpResponse.ok(measures.series(callers.current(), scope, scopeId, measure, from, to));
    }

    @Override
    public HttpResponse<MeasureBreakdown> getMeasureBreakdown(MeasureScopeKind scope, UUID scopeId, String from, String to) {
        return HttpResponse.ok(measures.breakdown(callers.current(), scope, scopeId, from, to));
    }

    @Override
    public HttpResponse<MeasurePersonPage> listMeasurePeople(MeasureScopeKind scope, String measure, UUID scopeId, String from,
                                                             String to, Integer limit, String cursor) {
        return HttpResponse.ok(measures.people(callers.current(), scope, scopeId, measure, from, to, cursor, limit));
    }
}
