package io.journeyengine.journey.deadline;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the journey waits before it acts on its own: a non-empty cart without cart or checkout activity for
 * {@code abandonCartAfter} is abandoned; a conversation without a message or handover for
 * {@code closeIdleConversationAfter} closes. The application hands one instance to the journey's handlers
 * ({@code journey.cart.abandon-after}, {@code journey.conversation.idle-close-after}).
 */
public record JourneyTimings(Duration abandonCartAfter, Duration closeIdleConversationAfter) {

    public static final JourneyTimings DEFAULTS = new JourneyTimings(Duration.ofHours(3), Duration.ofDays(7));

    public JourneyTimings {
        Objects.requireNonNull(abandonCartAfter, "abandonCartAfter");
        Objects.requireNonNull(closeIdleConversationAfter, "closeIdleConversationAfter");
        if (abandonCartAfter.isNegative() || abandonCartAfter.isZero()
                || closeIdleConversationAfter.isNegative() || closeIdleConversationAfter.isZero()) {
            throw new IllegalArgumentException("journey delays must be positive");
        }
    }
}
