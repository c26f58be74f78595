package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/** A till basket was paid in store {@code storeId}. It does not touch the online cart. */
@Revision("1")
public record InStorePurchaseMade(String customerId, Touchpoint touchpoint, String orderId, String storeId,
                                  List<OrderLine> lines, String currency, BigDecimal subtotal, BigDecimal discount,
                                  BigDecimal total, String promoCode) implements Purchase {
}
