package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;

import java.math.BigDecimal;
import java.util.List;

/** A till basket was paid in store {@code storeId}. It does not touch the online cart. */
public record InStorePurchaseMade(String customerId, Touchpoint touchpoint, String orderId, String storeId,
                                  List<OrderLine> lines, String currency, BigDecimal subtotal, BigDecimal discount,
                                  BigDecimal total, String promoCode) implements Purchase {
}
