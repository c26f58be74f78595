package io.journeyengine.journey.cart;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.JourneyEvent;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The customer left a non-empty cart without cart or checkout activity for the abandonment delay
 * ({@code journey.cart.abandon-after}). {@code abandonedAt} is that moment in business time: the last activity
 * ({@code lastActivityAt}, on {@code lastChannel}, by touchpoint {@code causedBy}) plus the delay. The lines are the
 * cart as it was left.
 */
@Revision("1")
public record CartAbandoned(String customerId, Instant abandonedAt, Instant lastActivityAt, Channel lastChannel,
                            String causedBy, List<CartLine> lines, String currency, BigDecimal total)
        implements JourneyEvent {
}
