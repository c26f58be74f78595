package io.journeyengine.journey.merge;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.cart.CartLine;
import io.journeyengine.journey.consent.ConsentDecision;
import io.journeyengine.journey.conversation.Conversation;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.lifecycle.AppliedTouchpoint;
import io.journeyengine.journey.lifecycle.LifecycleSignal;
import io.journeyengine.journey.order.Order;
import io.journeyengine.journey.order.OrderLine;
import io.journeyengine.journey.promotion.ChannelScope;
import io.journeyengine.journey.promotion.Discount;
import io.journeyengine.journey.promotion.PromoCode;

import java.math.BigDecimal;
import java.util.List;

import static io.journeyengine.journey.JourneyFixtures.at;
import static io.journeyengine.journey.JourneyFixtures.tp;

/** A second profile, {@link #OTHER}, as it hands itself over to the journey under test ({@code cust-42}). */
final class MergeFixtures {

    static final String OTHER = "cust-b";
    static final Identity PHONE = Identity.of(IdentityType.PHONE, "+31 6 1234 5678");
    static final Identity COOKIE = Identity.of(IdentityType.COOKIE_ID, "ck-77");
    static final Touchpoint OTHER_VIEW = tp("b-1", Channel.WEB, -120);

    private MergeFixtures() {
    }

    static CartLine line(String sku, int quantity, String price, Channel via) {
        return new CartLine(sku, quantity, new BigDecimal(price), "EUR", via);
    }

    static PromoCode code(String code, Channel sentVia) {
        return new PromoCode("winter-10", code, Discount.percent(BigDecimal.TEN), ChannelScope.of(List.of("ALL")), at(24 * 60),
                             sentVia, at(-100), null);
    }

    static Conversation conversation(String id) {
        return new Conversation(id, "Where is my parcel?", List.of(Channel.WHATSAPP), 1, true);
    }

    static Order tillOrder(String orderId) {
        return new Order(orderId, Channel.STORE, at(-90), null, "store-1",
                         List.of(new OrderLine("TILL-1", 1, new BigDecimal("20.00"))), new BigDecimal("20.00"), "EUR",
                         null, false, false);
    }

    static AppliedTouchpoint viewed(Touchpoint tp) {
        return new AppliedTouchpoint(tp, LifecycleSignal.TOUCHPOINT, false);
    }

    static AppliedTouchpoint purchase(Touchpoint tp) {
        return new AppliedTouchpoint(tp, LifecycleSignal.PURCHASE, true);
    }

    /** The other profile with only a cookie and a product view. */
    static MergedProfile browsingProfile() {
        return new MergedProfile(OTHER, List.of(COOKIE), List.of(), List.of(), List.of(), List.of(), List.of(),
                                 List.of(), List.of(viewed(OTHER_VIEW)));
    }

    static MergedProfile profile(List<CartLine> cart, List<PromoCode> codes, List<Conversation> conversations,
                                 List<Order> orders, List<ConsentDecision> consents, List<AppliedTouchpoint> history) {
        return new MergedProfile(OTHER, List.of(COOKIE), consents, cart, codes, conversations, orders, List.of(),
                                 history);
    }
}
