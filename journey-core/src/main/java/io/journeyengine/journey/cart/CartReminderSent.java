package io.journeyengine.journey.cart;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The engine reminded the customer of the cart abandoned at {@code abandonedAt}, on {@code touchpoint.channel}: the
 * customer's preferred messaging channel with marketing consent. An engine-generated touchpoint: its id is the
 * engine's ({@code reminder-...}), it happened at the abandonment, and it counts in its channel like any other.
 */
@Revision("1")
public record CartReminderSent(String customerId, Touchpoint touchpoint, Instant abandonedAt, List<CartLine> lines,
                               String currency, BigDecimal total) implements TouchpointEvent {

    /** The reminder's touchpoint id: the same whenever the abandonment at {@code abandonedAt} is handled. */
    public static String touchpointIdFor(String customerId, Instant abandonedAt) {
        return "reminder-" + UUID.nameUUIDFromBytes((customerId + "|cart-reminder|" + abandonedAt)
                                                            .getBytes(StandardCharsets.UTF_8));
    }
}
