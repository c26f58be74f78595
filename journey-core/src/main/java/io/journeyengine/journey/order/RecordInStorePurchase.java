package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * IN_STORE_PURCHASE: a till basket, optionally paid with a promo code the customer received elsewhere. All items
 * must be in one currency.
 */
public record RecordInStorePurchase(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint,
                                    Identity addressedBy, String orderId, String storeId, List<TillItem> items,
                                    String promoCode) implements TouchpointCommand {
}
