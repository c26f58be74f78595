package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/** The cross-channel cart was bought as order {@code orderId}; the cart is empty afterwards. */
@Revision("1")
public record CheckoutCompleted(String customerId, Touchpoint touchpoint, String orderId, List<OrderLine> lines,
                                String currency, BigDecimal subtotal, BigDecimal discount, BigDecimal total,
                                String promoCode, Fulfilment fulfilment, String storeId) implements Purchase {
}
