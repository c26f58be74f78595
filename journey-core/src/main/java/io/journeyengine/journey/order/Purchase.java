package io.journeyengine.journey.order;

import io.journeyengine.journey.TouchpointEvent;

import java.math.BigDecimal;
import java.util.List;

/**
 * A purchase, online ({@link CheckoutCompleted}) or at a till ({@link InStorePurchaseMade}). Lifecycle rules and
 * analytics count these; {@code promoCode} is the code redeemed with it, if any.
 */
public interface Purchase extends TouchpointEvent {
    String orderId();

    List<OrderLine> lines();

    String currency();

    BigDecimal subtotal();

    BigDecimal discount();

    BigDecimal total();

    String promoCode();
}
