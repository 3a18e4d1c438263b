import io.micronaut.context.ApplicationContext;
import uk.supervision.measure.MeasureFactsRefresher;
import uk.supervision.measure.SourceFactsRefresher;

import java.util.Locale;

/**
 * Builds the measure facts of one organisation in full with the service's own refresher, in the service's own
 * application context (the jar's configuration, database and beans; no HTTP server), and prints how long it took:
 * the facts build of bench/oversight.sh, timed without waiting for the refresher's scheduled job.
 *
 *   SUPERVISION_DB_URL=... java -cp backend/target/supervision.jar bench/BuildFacts.java ORGANISATION_ID
 */
public class BuildFacts {
    public static void main(String[] args) throws Exception {
        try (ApplicationContext context = ApplicationContext.run()) {
            MeasureFactsRefresher refresher = context.getBean(MeasureFactsRefresher.class);
            long started = System.nanoTime();
            MeasureFactsRefresher.Outcome outcome = refresher.rebuild(args[0]);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "facts rebuilt in %.1f s: %s%n", seconds, outcome);
            // Decision 0037: the case-work, decision, audit and Part 2 facts.
            SourceFactsRefresher sources = context.getBean(SourceFactsRefresher.class);
            started = System.nanoTime();
            SourceFactsRefresher.Outcome sourceOutcome = sources.rebuild(args[0]);
            seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "source facts rebuilt in %.1f s: %s%n", seconds, sourceOutcome);
        }
    }
}
