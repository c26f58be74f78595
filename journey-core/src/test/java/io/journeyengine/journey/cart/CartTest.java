package io.journeyengine.journey.cart;

import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.order.CheckoutCompleted;
import io.journeyengine.journey.order.CompleteCheckout;
import io.journeyengine.journey.order.Fulfilment;
import io.journeyengine.journey.order.OrderLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.JourneyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** CART_ITEM_ADDED and CART_ITEM_REMOVED: one cart across every channel, in one currency. */
class CartTest {

    private final Touchpoint first = tp("tp-1", WEB, 0);

    /** A journey started by adding {@code quantity} of {@code sku} on the web. */
    private Object[] cartWith(String sku, int quantity, String price) {
        return new Object[]{started(first), itemAdded(first, sku, quantity, price),
                advanced(first, null, StageRule.CART_ITEM_ADDED)};
    }

    @Test
    void addingAnItemAfterBrowsingAcquiresTheCustomer() {
        Touchpoint view = tp("tp-1", WEB, 0);
        Touchpoint add = tp("tp-2", APP, 5);
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT))
                 .when(addItem(add, "BOOTS-42", 2, "89.90"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(itemAdded(add, "BOOTS-42", 2, "89.90"),
                               advanced(add, LifecycleStage.REACH, StageRule.CART_ITEM_ADDED));
    }

    @Test
    void anItemAddedInTheAppGoesIntoTheCartStartedOnTheWeb() {
        Touchpoint add = tp("tp-2", APP, 60);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .when(addItem(add, "SOCKS-1", 1, "12.50"))
                 .expectEvents(itemAdded(add, "SOCKS-1", 1, "12.50"));
    }

    @Test
    void addingTheSameSkuTwiceSumsTheQuantities() {
        Touchpoint again = tp("tp-2", APP, 10);
        Touchpoint removeAll = tp("tp-3", WEB, 20);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .andGiven(itemAdded(again, "BOOTS-42", 3, "89.90"))
                 .when(new RemoveCartItem(CUSTOMER, removeAll, null, "BOOTS-42", 5))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new CartItemRemoved(CUSTOMER, removeAll, "BOOTS-42", 5));
    }

    @Test
    void aSkuAddedTwiceIsOneLineOfTheSummedQuantityAtTheLatestPrice() {
        Touchpoint again = tp("tp-2", APP, 10);
        Touchpoint checkout = tp("tp-3", APP, 20);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .andGiven(itemAdded(again, "BOOTS-42", 1, "79.90"))
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", null, Fulfilment.DELIVERY, null))
                 .expectEvents(new CheckoutCompleted(CUSTOMER, checkout, "order-1",
                                                     List.of(new OrderLine("BOOTS-42", 3, new BigDecimal("79.90"))),
                                                     "EUR", new BigDecimal("239.70"), new BigDecimal("0.00"),
                                                     new BigDecimal("239.70"), null, Fulfilment.DELIVERY, null),
                               advanced(checkout, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void removingPartOfALineIsRecorded() {
        Touchpoint remove = tp("tp-2", APP, 10);
        fixture().given(cartWith("BOOTS-42", 3, "89.90"))
                 .when(new RemoveCartItem(CUSTOMER, remove, null, "BOOTS-42", 1))
                 .expectEvents(new CartItemRemoved(CUSTOMER, remove, "BOOTS-42", 1));
    }

    @Test
    void removingMoreThanTheCartHoldsIsRefused() {
        Touchpoint remove = tp("tp-2", APP, 10);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .when(new RemoveCartItem(CUSTOMER, remove, null, "BOOTS-42", 3))
                 .expectException(violation(RuleCode.CART_QUANTITY_EXCEEDED,
                                            Map.of("sku", "BOOTS-42", "held", 2, "requested", 3)))
                 .expectNoEvents();
    }

    @Test
    void removingMoreThanTheSummedQuantityIsRefused() {
        Touchpoint again = tp("tp-2", APP, 10);
        Touchpoint remove = tp("tp-3", WEB, 20);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .andGiven(itemAdded(again, "BOOTS-42", 3, "89.90"))
                 .when(new RemoveCartItem(CUSTOMER, remove, null, "BOOTS-42", 6))
                 .expectException(violation(RuleCode.CART_QUANTITY_EXCEEDED, Map.of("held", 5, "requested", 6)))
                 .expectNoEvents();
    }

    @Test
    void removingAnSkuThatIsNotInTheCartIsRefused() {
        Touchpoint remove = tp("tp-2", APP, 10);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .when(new RemoveCartItem(CUSTOMER, remove, null, "HAT-7", 1))
                 .expectException(violation(RuleCode.CART_QUANTITY_EXCEEDED,
                                            Map.of("sku", "HAT-7", "held", 0, "requested", 1)))
                 .expectNoEvents();
    }

    @Test
    void removingFromTheCartOfANewCustomerIsRefused() {
        fixture().givenNoPriorActivity()
                 .when(new RemoveCartItem(CUSTOMER, first, null, "HAT-7", 1))
                 .expectException(violation(RuleCode.CART_QUANTITY_EXCEEDED))
                 .expectNoEvents();
    }

    @Test
    void addingAnItemInAnotherCurrencyIsRefused() {
        Touchpoint add = tp("tp-2", APP, 10);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .when(new AddCartItem(CUSTOMER, add, null, "HAT-7", 1, new BigDecimal("20.00"), "USD"))
                 .expectException(violation(RuleCode.CURRENCY_MISMATCH,
                                            Map.of("cartCurrency", "EUR", "itemCurrency", "USD")))
                 .expectNoEvents();
    }

    @Test
    void anEmptiedCartReleasesItsCurrency() {
        Touchpoint remove = tp("tp-2", APP, 10);
        Touchpoint add = tp("tp-3", APP, 20);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .andGiven(new CartItemRemoved(CUSTOMER, remove, "BOOTS-42", 2))
                 .when(new AddCartItem(CUSTOMER, add, null, "HAT-7", 1, new BigDecimal("20.00"), "USD"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new CartItemAdded(CUSTOMER, add, "HAT-7", 1, new BigDecimal("20.00"), "USD"));
    }

    @Test
    void aCartOnlyPartlyEmptiedKeepsItsCurrency() {
        Touchpoint socks = tp("tp-2", WEB, 5);
        Touchpoint remove = tp("tp-3", APP, 10);
        Touchpoint add = tp("tp-4", APP, 20);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .andGiven(itemAdded(socks, "SOCKS-1", 1, "12.50"),
                           new CartItemRemoved(CUSTOMER, remove, "BOOTS-42", 2))
                 .when(new AddCartItem(CUSTOMER, add, null, "HAT-7", 1, new BigDecimal("20.00"), "USD"))
                 .expectException(violation(RuleCode.CURRENCY_MISMATCH))
                 .expectNoEvents();
    }

    @Test
    void aCheckoutReleasesTheCartCurrency() {
        Touchpoint checkout = tp("tp-2", APP, 10);
        Touchpoint add = tp("tp-3", WEB, 20);
        fixture().given(cartWith("BOOTS-42", 1, "89.90"))
                 .andGiven(checkedOut(checkout, "order-1", "BOOTS-42", "89.90", Fulfilment.DELIVERY, null),
                           advanced(checkout, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE))
                 .when(new AddCartItem(CUSTOMER, add, null, "HAT-7", 1, new BigDecimal("20.00"), "USD"))
                 .expectEvents(new CartItemAdded(CUSTOMER, add, "HAT-7", 1, new BigDecimal("20.00"), "USD"));
    }

    @Test
    void anEmptiedCartCannotBeCheckedOut() {
        Touchpoint remove = tp("tp-2", APP, 10);
        Touchpoint checkout = tp("tp-3", APP, 20);
        fixture().given(cartWith("BOOTS-42", 2, "89.90"))
                 .andGiven(new CartItemRemoved(CUSTOMER, remove, "BOOTS-42", 2))
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", null, Fulfilment.DELIVERY, null))
                 .expectException(violation(RuleCode.CART_EMPTY))
                 .expectNoEvents();
    }

    @Test
    void cartRulesAreUnprocessableRatherThanConflicts() {
        assertThat(RuleCode.CART_QUANTITY_EXCEEDED.conflict).isFalse();
        assertThat(RuleCode.CART_EMPTY.conflict).isFalse();
        assertThat(RuleCode.CURRENCY_MISMATCH.conflict).isFalse();
    }
}
