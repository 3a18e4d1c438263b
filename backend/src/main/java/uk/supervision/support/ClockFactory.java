package uk.supervision.support;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** Instants are UTC; "today" is the organisation's local date (Europe/London). */
@Factory
public class ClockFactory {
    public static final ZoneId ORGANISATION_ZONE = ZoneId.of("Europe/London");

    @Singleton
    Clock clock() {
        return Clock.system(ORGANISATION_ZONE);
    }
}
