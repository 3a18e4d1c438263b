package uk.supervision.support;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** Instants are UTC; "today" is the organisation's local date (Europe/London). The demo loader may replay history on its own thread. */
@Factory
public class ClockFactory {
    public static final ZoneId ORGANISATION_ZONE = ZoneId.of("Europe/London");

    @Singleton
    Clock clock() {
        return new ReplayClock(Clock.system(ORGANISATION_ZONE));
    }
}
