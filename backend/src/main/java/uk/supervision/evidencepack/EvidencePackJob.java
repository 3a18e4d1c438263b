package uk.supervision.evidencepack;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.api.model.Measure;
import uk.supervision.api.model.MeasureBreakdown;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureScopeRef;
import uk.supervision.api.model.MeasureSeries;
import uk.supervision.api.model.MeasureSet;
import uk.supervision.measure.MeasurePeriod;
import uk.supervision.measure.MeasureService;
import uk.supervision.measure.MeasureTarget;
import uk.supervision.support.Lease;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes queued evidence packs, one node at a time (lease evidence-packs), step by step so the requester sees progress:
 * one step per measure's CSV, one for the 12-month trends, one for the HTML report and one for its PDF. Every figure
 * comes from MeasureService for a target made aggregate-only, so a pack never holds a name or a small group's number.
 */
@Singleton
public class EvidencePackJob {
    private static final Logger LOG = LoggerFactory.getLogger(EvidencePackJob.class);
    static final int BATCH = 5;
    /** Longer than any pack takes; a pack RUNNING longer than this was left by a node that stopped. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(30);
    static final String FAILED_WORDS = "The figures for this pack could not be put together. Please ask for it again; if it fails "
            + "again, tell your system administrator.";
    static final String STALLED_WORDS = "Making this pack stopped before it finished. Please ask for it again.";

    private final Lease lease;
    private final EvidencePackStore store;
    private final MeasureService measures;
    private final Clock clock;

    public EvidencePackJob(Lease lease, EvidencePackStore store, MeasureService measures, Clock clock) {
        this.lease = lease;
        this.store = store;
        this.measures = measures;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${supervision.evidence-packs.interval:15s}", initialDelay = "${supervision.evidence-packs.interval:15s}")
    void scheduled() {
        run();
    }

    /** Makes the queued packs if this node holds the lease; returns how many it finished (-1: another node has it). */
    public int run() {
        if (!lease.tryAcquire("evidence-packs", Duration.ofMinutes(10))) {
            return -1;
        }
        int made = 0;
        try {
            for (String id : store.stalled(clock.instant().minus(STALLED_AFTER))) {
                store.failed(id, STALLED_WORDS);
            }
            for (String id : store.queued(BATCH)) {
                if (store.claim(id)) {
                    make(store.find(id).orElseThrow());
                    made++;
                }
            }
        } finally {
            // Released at once: a service started next on the same database must not wait ten minutes for it.
            lease.release("evidence-packs");
        }
        return made;
    }

    void make(EvidencePackStore.Row row) {
        try {
            build(row);
            store.ready(row.id());
        } catch (RuntimeException e) {
            // The requester reads words; the log keeps the cause for whoever runs the service.
            LOG.error("Evidence pack {} could not be made", row.id(), e);
            store.failed(row.id(), FAILED_WORDS);
        }
    }

    private void build(EvidencePackStore.Row row) {
        MeasureScopeKind kind = MeasureScopeKind.fromValue(row.scopeKind());
        String serviceId = kind == MeasureScopeKind.TEAM ? store.serviceOfTeam(row.scopeId()) : null;
        MeasureTarget target = new MeasureTarget(kind, row.organisationId(), row.scopeId(), row.scopeName(), serviceId, true);
        YearMonth from = YearMonth.from(row.fromMonth());
        YearMonth to = YearMonth.from(row.toMonth());
        LocalDate today = LocalDate.now(clock);
        MeasurePeriod period = new MeasurePeriod(from, to, today);

        MeasureSet set = measures.measures(target, period);
        MeasureBreakdown breakdown = kind == MeasureScopeKind.TEAM ? null : measures.breakdown(target, period);
        List<Measure> all = set.getMeasures();
        int total = all.size() + 3;
        int done = 0;
        store.steps(row.id(), done, total);

        MeasureScopeRef scope = set.getScope();
        Map<String, MeasureSeries> series = new LinkedHashMap<>();
        PackContent content = new PackContent(scope, from, to, set, breakdown, series, List.of(), clock.instant());
        for (Measure m : all) {
            series.put(m.getKey(), measures.series(target, m.getKey(), period));
            store.file(row.id(), MeasureCsv.fileName(m.getKey()), m.getLabel() + " (CSV)", "text/csv", 10 + done,
                    MeasureCsv.render(content, m), ++done);
        }

        // The trends: always the 12 months ending with the pack's last month.
        MeasurePeriod year = new MeasurePeriod(to.minusMonths(11), to, today);
        List<MeasureSeries> trends = new ArrayList<>();
        for (String key : set.getHeadline()) {
            trends.add(year.equals(period) && series.containsKey(key) ? series.get(key) : measures.series(target, key, year));
        }
        store.steps(row.id(), ++done, total);

        content = new PackContent(scope, from, to, set, breakdown, series, trends, clock.instant());
        String html = ReportHtml.text(content);
        store.file(row.id(), "report.html", "Report (web page, to print)", "text/html", 1,
                html.getBytes(java.nio.charset.StandardCharsets.UTF_8), ++done);
        store.file(row.id(), "report.pdf", "Report (PDF)", "application/pdf", 0, ReportPdf.render(html), ++done);
    }
}
