package uk.supervision.demo;

import uk.supervision.support.ClockFactory;
import uk.supervision.support.ReplayClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The demo's history as steps at the moments they happened. Stories add steps in any order; {@link #run}
 * replays them oldest first, each at its own moment (ReplayClock), so ids, signatures, the hash chain and
 * the activity log come out in the order a real team would have made them.
 */
final class DemoTimeline {
    private record Step(Instant at, int order, Runnable work) {
    }

    private final List<Step> steps = new ArrayList<>();

    void at(LocalDate day, LocalTime time, Runnable work) {
        steps.add(new Step(ZonedDateTime.of(day, time, ClockFactory.ORGANISATION_ZONE).toInstant(), steps.size(), work));
    }

    int size() {
        return steps.size();
    }

    void run(Instant notAfter) {
        steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
        for (Step step : steps) {
            if (step.at().isAfter(notAfter)) {
                throw new IllegalStateException("A demo step is in the future: " + step.at());
            }
            ReplayClock.at(step.at(), () -> {
                step.work().run();
                return null;
            });
        }
        steps.clear();
    }

    /** Meetings fall on working days: a weekend day moves back to the Friday before. */
    static LocalDate workingDayOnOrBefore(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.minusDays(2);
            default -> day;
        };
    }

    /** A weekend day moves on to the Monday after. */
    static LocalDate workingDayOnOrAfter(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }
}
