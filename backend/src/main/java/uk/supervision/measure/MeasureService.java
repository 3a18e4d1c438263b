package uk.supervision.measure;

import jakarta.inject.Singleton;
import uk.supervision.api.model.MeasureBreakdown;
import uk.supervision.api.model.MeasurePersonPage;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureSeries;
import uk.supervision.api.model.MeasureSet;
import uk.supervision.security.Caller;

import java.util.UUID;

/**
 * The measures as callers see them: resolves the scope, asks the access policy who may see it and how
 * (in full, or aggregates only with small groups suppressed), collects every MeasureSource, and suppresses.
 *
 * <p>Issue 10 work in progress: the bodies are written by the measures-service task.
 */
@Singleton
public class MeasureService {

    /** GET /measures. */
    public MeasureSet measures(Caller caller, MeasureScopeKind kind, UUID scopeId, String from, String to) {
        throw new UnsupportedOperationException("issue 10: measures service");
    }

    /** GET /measures/series. */
    public MeasureSeries series(Caller caller, MeasureScopeKind kind, UUID scopeId, String key, String from, String to) {
        throw new UnsupportedOperationException("issue 10: measures service");
    }

    /** GET /measures/breakdown. */
    public MeasureBreakdown breakdown(Caller caller, MeasureScopeKind kind, UUID scopeId, String from, String to) {
        throw new UnsupportedOperationException("issue 10: measures service");
    }

    /** GET /measures/people. */
    public MeasurePersonPage people(Caller caller, MeasureScopeKind kind, UUID scopeId, String key, String from, String to,
                                    String cursor, Integer limit) {
        throw new UnsupportedOperationException("issue 10: measures service");
    }

    /**
     * The scope as this caller may see it, checked (403 when they may not, 404 when it does not exist).
     * forceAggregate: treat the caller as seeing aggregates only (evidence packs hold no names and suppress small
     * groups whoever asks).
     */
    public MeasureTarget target(Caller caller, MeasureScopeKind kind, UUID scopeId, boolean forceAggregate) {
        throw new UnsupportedOperationException("issue 10: measures service");
    }

    /** The measures of a resolved target (no request needed: evidence packs are made in the background). */
    public MeasureSet measures(MeasureTarget target, MeasurePeriod period) {
        throw new UnsupportedOperationException("issue 10: measures service");
    }

    /** The breakdown of a resolved DIRECTORATE or SERVICE target. */
    public MeasureBreakdown breakdown(MeasureTarget target, MeasurePeriod period) {
        throw new UnsupportedOperationException("issue 10: measures service");
    }

    /** One measure's monthly series for a resolved target. */
    public MeasureSeries series(MeasureTarget target, String key, MeasurePeriod period) {
        throw new UnsupportedOperationException("issue 10: measures service");
    }
}
