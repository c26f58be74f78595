package io.journeyengine.journey;

import io.journeyengine.journey.cart.AddCartItem;
import io.journeyengine.journey.cart.CartItemAdded;
import io.journeyengine.journey.consent.ChangeConsent;
import io.journeyengine.journey.consent.ConsentChanged;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.LifecycleStageAdvanced;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.promotion.Discount;
import io.journeyengine.journey.promotion.PromoCodeSent;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Shared vocabulary of the journey fixture tests: one customer, touchpoints at readable times. */
public final class JourneyFixtures {

    public static final String CUSTOMER = "cust-42";
    public static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private JourneyFixtures() {
    }

    public static AggregateTestFixture<CustomerJourney> fixture() {
        return new AggregateTestFixture<>(CustomerJourney.class);
    }

    /** A touchpoint {@code minutes} after {@link #T0}. */
    public static Touchpoint tp(String id, Channel channel, long minutes) {
        return new Touchpoint(id, channel, T0.plusSeconds(minutes * 60));
    }

    public static JourneyStarted started(Touchpoint tp) {
        return new JourneyStarted(CUSTOMER, tp);
    }

    public static LifecycleStageAdvanced advanced(Touchpoint tp, LifecycleStage from, StageRule rule) {
        return new LifecycleStageAdvanced(CUSTOMER, tp, from, rule.stage, rule);
    }

    public static ConsentChanged consentGranted(Touchpoint tp, Channel channel) {
        return new ConsentChanged(CUSTOMER, tp, channel, true);
    }

    public static ChangeConsent grantConsent(Touchpoint tp, Channel channel) {
        return new ChangeConsent(CUSTOMER, tp, null, channel, true);
    }

    public static PromoCodeSent codeSent(Touchpoint tp, String code, List<String> validChannels, Instant expiresAt) {
        return new PromoCodeSent(CUSTOMER, tp, "winter-10", code, Discount.percent(BigDecimal.TEN), validChannels,
                                 expiresAt);
    }

    public static CartItemAdded itemAdded(Touchpoint tp, String sku, int quantity, String price) {
        return new CartItemAdded(CUSTOMER, tp, sku, quantity, new BigDecimal(price), "EUR");
    }

    public static AddCartItem addItem(Touchpoint tp, String sku, int quantity, String price) {
        return new AddCartItem(CUSTOMER, tp, null, sku, quantity, new BigDecimal(price), "EUR");
    }
}
