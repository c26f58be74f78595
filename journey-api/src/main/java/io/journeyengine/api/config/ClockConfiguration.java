package io.journeyengine.api.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;

/**
 * The engine's one notion of "now" ({@link JourneyClock}): the system clock unless {@code journey.clock.start} shifts
 * it; tests and simulations set {@code journey.clock.adjustable=true} and move it forward instead of sleeping.
 */
@Configuration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock(@Value("${journey.clock.start:}") String start,
                       @Value("${journey.clock.adjustable:false}") boolean adjustable) {
        return new JourneyClock(Clock.systemUTC(), start.isBlank() ? null : Instant.parse(start), adjustable);
    }
}
