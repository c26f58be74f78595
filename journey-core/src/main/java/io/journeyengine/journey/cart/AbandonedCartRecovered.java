package io.journeyengine.journey.cart;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.Touchpoint;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Checkout {@code orderId} ({@code touchpoint}, in any channel) came within 7 days of the reminder
 * {@code reminderTouchpointId} sent on {@code remindedVia} at {@code remindedAt}: the abandoned cart was recovered.
 */
@Revision("1")
public record AbandonedCartRecovered(String customerId, Touchpoint touchpoint, String orderId,
                                     String reminderTouchpointId, Channel remindedVia, Instant remindedAt)
        implements JourneyEvent {
}
