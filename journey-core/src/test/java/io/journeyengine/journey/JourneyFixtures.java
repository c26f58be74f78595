package io.journeyengine.journey;

import io.journeyengine.journey.cart.AddCartItem;
import io.journeyengine.journey.cart.CartItemAdded;
import io.journeyengine.journey.consent.ChangeConsent;
import io.journeyengine.journey.consent.ConsentChanged;
import io.journeyengine.journey.deadline.JourneyTimings;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.LifecycleStageAdvanced;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.promotion.ChannelScope;
import io.journeyengine.journey.promotion.Discount;
import io.journeyengine.journey.promotion.PromoCodeSent;
import io.journeyengine.journey.browsing.ProductViewed;
import io.journeyengine.journey.browsing.ViewProduct;
import io.journeyengine.journey.order.CheckoutCompleted;
import io.journeyengine.journey.order.Fulfilment;
import io.journeyengine.journey.order.InStorePurchaseMade;
import io.journeyengine.journey.order.OrderLine;
import io.journeyengine.journey.order.RecordInStorePurchase;
import io.journeyengine.journey.order.TillItem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Shared vocabulary of the journey fixture tests: one customer, touchpoints at readable times. */
public final class JourneyFixtures {

    public static final String CUSTOMER = "cust-42";
    public static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private JourneyFixtures() {
    }

    public static AggregateTestFixture<CustomerJourney> fixture() {
        return fixture(JourneyTimings.DEFAULTS);
    }

    /** A fixture whose journey waits {@code timings} before acting on its own; its clock starts at {@link #T0}. */
    public static AggregateTestFixture<CustomerJourney> fixture(JourneyTimings timings) {
        AggregateTestFixture<CustomerJourney> fixture = new AggregateTestFixture<>(CustomerJourney.class);
        fixture.registerInjectableResource(timings);
        return fixture;
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
        return new PromoCodeSent(CUSTOMER, tp, "winter-10", code, Discount.percent(BigDecimal.TEN),
                                 ChannelScope.of(validChannels), expiresAt);
    }

    public static CartItemAdded itemAdded(Touchpoint tp, String sku, int quantity, String price) {
        return new CartItemAdded(CUSTOMER, tp, sku, quantity, new BigDecimal(price), "EUR");
    }

    public static AddCartItem addItem(Touchpoint tp, String sku, int quantity, String price) {
        return new AddCartItem(CUSTOMER, tp, null, sku, quantity, new BigDecimal(price), "EUR");
    }

    public static ProductViewed viewed(Touchpoint tp, String sku) {
        return new ProductViewed(CUSTOMER, tp, sku);
    }

    public static ViewProduct view(Touchpoint tp, String sku) {
        return new ViewProduct(CUSTOMER, tp, null, sku);
    }

    /** The instant {@code minutes} after {@link #T0}. */
    public static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    /** A one-line till basket of {@code price} EUR in store-1, paid without a code. */
    public static InStorePurchaseMade boughtInStore(Touchpoint tp, String orderId, String price) {
        BigDecimal amount = new BigDecimal(price);
        return new InStorePurchaseMade(CUSTOMER, tp, orderId, "store-1", List.of(new OrderLine("TILL-1", 1, amount)),
                                       "EUR", amount, new BigDecimal("0.00"), amount, null);
    }

    public static RecordInStorePurchase buyInStore(Touchpoint tp, String orderId, String price, String promoCode) {
        return new RecordInStorePurchase(CUSTOMER, tp, null, orderId, "store-1",
                                         List.of(new TillItem("TILL-1", 1, new BigDecimal(price), "EUR")), promoCode);
    }

    /** A checkout of a one-line cart of {@code price} EUR, paid without a code. */
    public static CheckoutCompleted checkedOut(Touchpoint tp, String orderId, String sku, String price,
                                               Fulfilment fulfilment, String storeId) {
        BigDecimal amount = new BigDecimal(price);
        return new CheckoutCompleted(CUSTOMER, tp, orderId, List.of(new OrderLine(sku, 1, amount)), "EUR", amount,
                                     new BigDecimal("0.00"), amount, null, fulfilment, storeId);
    }

    /** Matches a {@link JourneyRuleViolation} with {@code code}. */
    public static Matcher<JourneyRuleViolation> violation(RuleCode code) {
        return violation(code, Map.of());
    }

    /** Matches a {@link JourneyRuleViolation} with {@code code} whose details contain every entry of {@code details}. */
    public static Matcher<JourneyRuleViolation> violation(RuleCode code, Map<String, ?> details) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(JourneyRuleViolation item, Description mismatch) {
                if (item.code() != code) {
                    mismatch.appendText("code was ").appendValue(item.code())
                            .appendText(" (").appendText(item.getMessage()).appendText(")");
                    return false;
                }
                for (Map.Entry<String, ?> entry : details.entrySet()) {
                    if (!Objects.equals(item.details().get(entry.getKey()), entry.getValue())) {
                        mismatch.appendText("details were ").appendValue(item.details());
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a JourneyRuleViolation ").appendValue(code);
                if (!details.isEmpty()) {
                    description.appendText(" with details ").appendValue(details);
                }
            }
        };
    }

    /** Every order of {@code items}: for showing that a result does not depend on arrival order. */
    public static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(head);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }
}
