package io.journeyengine.journey.cart;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** Items went into the customer's one cart; {@code touchpoint.channel} is where they were added. */
@Revision("1")
public record CartItemAdded(String customerId, Touchpoint touchpoint, String sku, int quantity, BigDecimal unitPrice,
                            String currency) implements TouchpointEvent {
}
