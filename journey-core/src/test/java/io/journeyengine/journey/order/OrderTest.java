package io.journeyengine.journey.order;

import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.promotion.PromoCodeRedeemed;
import io.journeyengine.journey.promotion.PromoCodeReinstated;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.SMS;
import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.JourneyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** CHECKOUT_COMPLETED, IN_STORE_PURCHASE, ORDER_PICKED_UP and ORDER_RETURNED. */
class OrderTest {

    private static final String CODE = "WIN-8K2P";
    private static final Instant EXPIRES = at(24 * 60);

    private final Touchpoint consent = tp("tp-1", SMS, 0);
    private final Touchpoint sent = tp("tp-2", SMS, 1);
    private final Touchpoint boots = tp("tp-3", WEB, 60);
    private final Touchpoint socks = tp("tp-4", APP, 90);

    /** A 10 % code sent by SMS, then a cart of 2 × 89.90 added on the web and 1 × 12.50 in the app: 192.30. */
    private Object[] codeAndCart() {
        return new Object[]{started(consent), consentGranted(consent, SMS),
                advanced(consent, null, StageRule.CONSENT_GRANTED),
                codeSent(sent, CODE, List.of("ALL"), EXPIRES),
                itemAdded(boots, "BOOTS-42", 2, "89.90"), itemAdded(socks, "SOCKS-1", 1, "12.50")};
    }

    private static final List<OrderLine> CART_LINES = List.of(new OrderLine("BOOTS-42", 2, new BigDecimal("89.90")),
                                                              new OrderLine("SOCKS-1", 1, new BigDecimal("12.50")));

    /** A first purchase of 89.90: a web checkout of one line for {@code fulfilment}. */
    private Object[] ordered(Fulfilment fulfilment, String storeId) {
        Touchpoint add = tp("tp-1", WEB, 0);
        Touchpoint checkout = tp("tp-2", WEB, 10);
        return new Object[]{started(add), itemAdded(add, "BOOTS-42", 1, "89.90"),
                advanced(add, null, StageRule.CART_ITEM_ADDED),
                checkedOut(checkout, "order-1", "BOOTS-42", "89.90", fulfilment, storeId),
                advanced(checkout, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE)};
    }

    /** {@link #codeAndCart()} bought on the web with the code, as order-1. */
    private Object[] boughtWithCode(Touchpoint checkout) {
        return new Object[]{
                new CheckoutCompleted(CUSTOMER, checkout, "order-1", CART_LINES, "EUR", new BigDecimal("192.30"),
                                      new BigDecimal("19.23"), new BigDecimal("173.07"), CODE, Fulfilment.DELIVERY,
                                      null),
                new PromoCodeRedeemed(CUSTOMER, checkout, "winter-10", CODE, "order-1", SMS, new BigDecimal("19.23"),
                                      "EUR"),
                advanced(checkout, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE)};
    }

    // --- checkout ---------------------------------------------------------------------------------------------------

    @Test
    void aCheckoutBuysTheWholeCrossChannelCartAndRedeemsTheCode() {
        Touchpoint checkout = tp("tp-5", APP, 120);
        fixture().given(codeAndCart())
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", CODE, Fulfilment.DELIVERY, null))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(boughtWithCode(checkout));
    }

    @Test
    void aCheckoutWithoutACodeCostsTheSubtotal() {
        Touchpoint checkout = tp("tp-5", WEB, 120);
        fixture().given(codeAndCart())
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", null, Fulfilment.STORE_PICKUP,
                                            "store-7"))
                 .expectEvents(new CheckoutCompleted(CUSTOMER, checkout, "order-1", CART_LINES, "EUR",
                                                     new BigDecimal("192.30"), new BigDecimal("0.00"),
                                                     new BigDecimal("192.30"), null, Fulfilment.STORE_PICKUP,
                                                     "store-7"),
                               advanced(checkout, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aCheckoutEmptiesTheCartInEveryChannel() {
        Touchpoint checkout = tp("tp-5", APP, 120);
        Touchpoint again = tp("tp-6", WEB, 130);
        fixture().given(codeAndCart())
                 .andGiven(boughtWithCode(checkout))
                 .when(new CompleteCheckout(CUSTOMER, again, null, "order-2", null, Fulfilment.DELIVERY, null))
                 .expectException(violation(RuleCode.CART_EMPTY))
                 .expectNoEvents();
    }

    @Test
    void checkingOutAnEmptyCartIsRefused() {
        fixture().givenNoPriorActivity()
                 .when(new CompleteCheckout(CUSTOMER, tp("tp-1", WEB, 0), null, "order-1", null, Fulfilment.DELIVERY,
                                            null))
                 .expectException(violation(RuleCode.CART_EMPTY))
                 .expectNoEvents();
    }

    @Test
    void aCheckoutUnderAnOrderIdAlreadyRecordedIsRefused() {
        Touchpoint add = tp("tp-3", WEB, 20);
        Touchpoint checkout = tp("tp-4", WEB, 30);
        fixture().given(ordered(Fulfilment.DELIVERY, null))
                 .andGiven(itemAdded(add, "SOCKS-1", 1, "12.50"))
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", null, Fulfilment.DELIVERY, null))
                 .expectException(violation(RuleCode.ORDER_EXISTS, Map.of("orderId", "order-1")))
                 .expectNoEvents();
        assertThat(RuleCode.ORDER_EXISTS.conflict).isTrue();
    }

    // --- in store ---------------------------------------------------------------------------------------------------

    @Test
    void aTillBasketIsAPurchaseThatLeavesTheOnlineCartAlone() {
        Touchpoint till = tp("tp-5", STORE, 120);
        Touchpoint checkout = tp("tp-6", APP, 130);
        fixture().given(codeAndCart())
                 .andGiven(new InStorePurchaseMade(CUSTOMER, till, "till-1", "store-1",
                                                   List.of(new OrderLine("HAT-7", 2, new BigDecimal("15.00"))), "EUR",
                                                   new BigDecimal("30.00"), new BigDecimal("0.00"),
                                                   new BigDecimal("30.00"), null),
                           advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE))
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", null, Fulfilment.DELIVERY, null))
                 .expectEvents(new CheckoutCompleted(CUSTOMER, checkout, "order-1", CART_LINES, "EUR",
                                                     new BigDecimal("192.30"), new BigDecimal("0.00"),
                                                     new BigDecimal("192.30"), null, Fulfilment.DELIVERY, null),
                               advanced(checkout, LifecycleStage.CONVERSION, StageRule.SECOND_PURCHASE));
    }

    @Test
    void aTillBasketIsPricedLineByLine() {
        Touchpoint till = tp("tp-1", STORE, 0);
        List<TillItem> items = List.of(new TillItem("HAT-7", 2, new BigDecimal("15.00"), "EUR"),
                                       new TillItem("SCARF-3", 1, new BigDecimal("9.99"), "EUR"));
        List<OrderLine> lines = List.of(new OrderLine("HAT-7", 2, new BigDecimal("15.00")),
                                        new OrderLine("SCARF-3", 1, new BigDecimal("9.99")));
        fixture().givenNoPriorActivity()
                 .when(new RecordInStorePurchase(CUSTOMER, till, null, "till-1", "store-9", items, null))
                 .expectSuccessfulHandlerExecution()
                 .expectResultMessagePayload(List.of("JourneyStarted", "InStorePurchaseMade",
                                                     "LifecycleStageAdvanced"))
                 .expectEvents(started(till),
                               new InStorePurchaseMade(CUSTOMER, till, "till-1", "store-9", lines, "EUR",
                                                       new BigDecimal("39.99"), new BigDecimal("0.00"),
                                                       new BigDecimal("39.99"), null),
                               advanced(till, null, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aTillBasketInTwoCurrenciesIsRefused() {
        Touchpoint till = tp("tp-1", STORE, 0);
        List<TillItem> items = List.of(new TillItem("HAT-7", 2, new BigDecimal("15.00"), "EUR"),
                                       new TillItem("SCARF-3", 1, new BigDecimal("9.99"), "USD"));
        fixture().givenNoPriorActivity()
                 .when(new RecordInStorePurchase(CUSTOMER, till, null, "till-1", "store-9", items, null))
                 .expectException(violation(RuleCode.CURRENCY_MISMATCH,
                                            Map.of("basketCurrency", "EUR", "itemCurrency", "USD")))
                 .expectNoEvents();
    }

    @Test
    void aTillBasketUnderAnOrderIdAlreadyRecordedIsRefused() {
        Touchpoint till = tp("tp-3", STORE, 30);
        fixture().given(ordered(Fulfilment.DELIVERY, null))
                 .when(buyInStore(till, "order-1", "10.00", null))
                 .expectException(violation(RuleCode.ORDER_EXISTS))
                 .expectNoEvents();
    }

    // --- pickup -----------------------------------------------------------------------------------------------------

    @Test
    void aClickAndCollectOrderIsPickedUpInStore() {
        Touchpoint pickup = tp("tp-3", STORE, 60);
        fixture().given(ordered(Fulfilment.STORE_PICKUP, "store-7"))
                 .when(new RecordOrderPickup(CUSTOMER, pickup, null, "order-1", "store-7"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new OrderPickedUp(CUSTOMER, pickup, "order-1", "store-7"),
                               advanced(pickup, LifecycleStage.CONVERSION, StageRule.PICKUP_AFTER_PURCHASE));
    }

    @Test
    void pickingUpAnUnknownOrderIsRefused() {
        Touchpoint pickup = tp("tp-3", STORE, 60);
        fixture().given(ordered(Fulfilment.STORE_PICKUP, "store-7"))
                 .when(new RecordOrderPickup(CUSTOMER, pickup, null, "order-9", "store-7"))
                 .expectException(violation(RuleCode.ORDER_UNKNOWN, Map.of("orderId", "order-9")))
                 .expectNoEvents();
    }

    @Test
    void pickingUpForANewCustomerIsRefused() {
        fixture().givenNoPriorActivity()
                 .when(new RecordOrderPickup(CUSTOMER, tp("tp-1", STORE, 0), null, "order-1", "store-7"))
                 .expectException(violation(RuleCode.ORDER_UNKNOWN))
                 .expectNoEvents();
    }

    @Test
    void pickingUpADeliveryOrderIsRefused() {
        Touchpoint pickup = tp("tp-3", STORE, 60);
        fixture().given(ordered(Fulfilment.DELIVERY, null))
                 .when(new RecordOrderPickup(CUSTOMER, pickup, null, "order-1", "store-7"))
                 .expectException(violation(RuleCode.ORDER_NOT_FOR_PICKUP, Map.of("orderId", "order-1")))
                 .expectNoEvents();
    }

    @Test
    void pickingUpATillBasketIsRefused() {
        Touchpoint till = tp("tp-1", STORE, 0);
        Touchpoint pickup = tp("tp-2", STORE, 60);
        fixture().given(started(till), boughtInStore(till, "till-1", "30.00"),
                        advanced(till, null, StageRule.FIRST_PURCHASE))
                 .when(new RecordOrderPickup(CUSTOMER, pickup, null, "till-1", "store-1"))
                 .expectException(violation(RuleCode.ORDER_NOT_FOR_PICKUP))
                 .expectNoEvents();
    }

    @Test
    void pickingUpAnOrderTwiceIsRefused() {
        Touchpoint pickup = tp("tp-3", STORE, 60);
        Touchpoint again = tp("tp-4", STORE, 70);
        fixture().given(ordered(Fulfilment.STORE_PICKUP, "store-7"))
                 .andGiven(new OrderPickedUp(CUSTOMER, pickup, "order-1", "store-7"),
                           advanced(pickup, LifecycleStage.CONVERSION, StageRule.PICKUP_AFTER_PURCHASE))
                 .when(new RecordOrderPickup(CUSTOMER, again, null, "order-1", "store-7"))
                 .expectException(violation(RuleCode.ORDER_ALREADY_PICKED_UP, Map.of("orderId", "order-1")))
                 .expectNoEvents();
        assertThat(RuleCode.ORDER_ALREADY_PICKED_UP.conflict).isTrue();
    }

    // --- returns ----------------------------------------------------------------------------------------------------

    @Test
    void anOrderWithoutACodeIsReturned() {
        Touchpoint ret = tp("tp-3", STORE, 60);
        fixture().given(ordered(Fulfilment.DELIVERY, null))
                 .when(new RecordOrderReturn(CUSTOMER, ret, null, "order-1", "store-7", "too small"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new OrderReturned(CUSTOMER, ret, "order-1", "store-7", "too small"),
                               advanced(ret, LifecycleStage.CONVERSION, StageRule.RETURN_AFTER_PURCHASE));
    }

    @Test
    void aPickedUpOrderCanBeReturned() {
        Touchpoint pickup = tp("tp-3", STORE, 60);
        Touchpoint ret = tp("tp-4", STORE, 70);
        fixture().given(ordered(Fulfilment.STORE_PICKUP, "store-7"))
                 .andGiven(new OrderPickedUp(CUSTOMER, pickup, "order-1", "store-7"),
                           advanced(pickup, LifecycleStage.CONVERSION, StageRule.PICKUP_AFTER_PURCHASE))
                 .when(new RecordOrderReturn(CUSTOMER, ret, null, "order-1", "store-7", "changed my mind"))
                 .expectEvents(new OrderReturned(CUSTOMER, ret, "order-1", "store-7", "changed my mind"));
    }

    @Test
    void returningAnUnknownOrderIsRefused() {
        Touchpoint ret = tp("tp-3", STORE, 60);
        fixture().given(ordered(Fulfilment.DELIVERY, null))
                 .when(new RecordOrderReturn(CUSTOMER, ret, null, "order-9", null, "too small"))
                 .expectException(violation(RuleCode.ORDER_UNKNOWN, Map.of("orderId", "order-9")))
                 .expectNoEvents();
        assertThat(RuleCode.ORDER_UNKNOWN.conflict).isFalse();
        assertThat(RuleCode.ORDER_NOT_FOR_PICKUP.conflict).isFalse();
    }

    @Test
    void returningAnOrderTwiceIsRefused() {
        Touchpoint ret = tp("tp-3", STORE, 60);
        Touchpoint again = tp("tp-4", STORE, 70);
        fixture().given(ordered(Fulfilment.DELIVERY, null))
                 .andGiven(new OrderReturned(CUSTOMER, ret, "order-1", null, "too small"),
                           advanced(ret, LifecycleStage.CONVERSION, StageRule.RETURN_AFTER_PURCHASE))
                 .when(new RecordOrderReturn(CUSTOMER, again, null, "order-1", null, "too small"))
                 .expectException(violation(RuleCode.ORDER_ALREADY_RETURNED, Map.of("orderId", "order-1")))
                 .expectNoEvents();
        assertThat(RuleCode.ORDER_ALREADY_RETURNED.conflict).isTrue();
    }

    @Test
    void aFullReturnGivesBackItsStillValidCode() {
        Touchpoint checkout = tp("tp-5", APP, 120);
        Touchpoint ret = tp("tp-6", STORE, 600);
        fixture().given(codeAndCart())
                 .andGiven(boughtWithCode(checkout))
                 .when(new RecordOrderReturn(CUSTOMER, ret, null, "order-1", "store-7", "too small"))
                 .expectEvents(new OrderReturned(CUSTOMER, ret, "order-1", "store-7", "too small"),
                               new PromoCodeReinstated(CUSTOMER, ret, "winter-10", CODE, "order-1"),
                               advanced(ret, LifecycleStage.CONVERSION, StageRule.RETURN_AFTER_PURCHASE));
    }

    @Test
    void aReinstatedCodeCanBeRedeemedAgain() {
        Touchpoint checkout = tp("tp-5", APP, 120);
        Touchpoint ret = tp("tp-6", STORE, 600);
        Touchpoint till = tp("tp-7", STORE, 610);
        fixture().given(codeAndCart())
                 .andGiven(boughtWithCode(checkout))
                 .andGiven(new OrderReturned(CUSTOMER, ret, "order-1", "store-7", "too small"),
                           new PromoCodeReinstated(CUSTOMER, ret, "winter-10", CODE, "order-1"),
                           advanced(ret, LifecycleStage.CONVERSION, StageRule.RETURN_AFTER_PURCHASE))
                 .when(buyInStore(till, "till-1", "50.00", CODE))
                 .expectEvents(new InStorePurchaseMade(CUSTOMER, till, "till-1", "store-1",
                                                       List.of(new OrderLine("TILL-1", 1, new BigDecimal("50.00"))),
                                                       "EUR", new BigDecimal("50.00"), new BigDecimal("5.00"),
                                                       new BigDecimal("45.00"), CODE),
                               new PromoCodeRedeemed(CUSTOMER, till, "winter-10", CODE, "till-1", SMS,
                                                     new BigDecimal("5.00"), "EUR"));
        // Already in RETENTION by the return: a second purchase reaches no later stage.
    }

    @Test
    void aReturnAfterTheCodeExpiredDoesNotGiveItBack() {
        Touchpoint checkout = tp("tp-5", APP, 120);
        Touchpoint ret = tp("tp-6", STORE, 24 * 60 + 1);
        fixture().given(codeAndCart())
                 .andGiven(boughtWithCode(checkout))
                 .when(new RecordOrderReturn(CUSTOMER, ret, null, "order-1", "store-7", "too small"))
                 .expectEvents(new OrderReturned(CUSTOMER, ret, "order-1", "store-7", "too small"),
                               advanced(ret, LifecycleStage.CONVERSION, StageRule.RETURN_AFTER_PURCHASE));
    }
}
