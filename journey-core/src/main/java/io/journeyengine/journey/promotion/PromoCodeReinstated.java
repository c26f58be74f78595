package io.journeyengine.journey.promotion;

import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.Touchpoint;
import org.axonframework.serialization.Revision;

/** A full return of order {@code orderId} gave the customer its still-valid code back. */
@Revision("1")
public record PromoCodeReinstated(String customerId, Touchpoint touchpoint, String promotionId, String code,
                                  String orderId) implements JourneyEvent {
}
