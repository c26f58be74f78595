package io.journeyengine.api.debug;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.journeyengine.journey.Channel;
import io.journeyengine.journey.CustomerJourney;
import io.journeyengine.journey.Money;
import io.journeyengine.journey.cart.CartLine;
import io.journeyengine.journey.conversation.Conversation;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.lifecycle.LifecycleFacts;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.order.Fulfilment;
import io.journeyengine.journey.order.Order;
import io.journeyengine.journey.promotion.PromoCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the journey knows at one point: the state its rules decide on, read from the aggregate itself. Money is a
 * decimal string, as everywhere in the API; lists are in the order the journey keeps them (cart lines by first add,
 * codes by sending, conversations by start, orders by placement), identities and programmes sorted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyState(String customerId, LifecycleView lifecycle, CartView cart, List<PromotionView> promotions,
                           List<ConversationView> conversations, Map<Channel, Boolean> consents,
                           List<IdentityView> identities, List<OrderView> orders, List<String> loyaltyProgrammes) {

    public record LifecycleView(LifecycleStage stage, List<StepView> history, LifecycleFacts facts) {
    }

    public record StepView(LifecycleStage stage, StageRule rule, String touchpointId, Channel channel,
                           Instant occurredAt) {
    }

    public record CartView(String currency, List<LineView> items, String total) {
    }

    public record LineView(String sku, int quantity, String unitPrice, String currency, Channel addedVia) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PromotionView(String promotionId, String code, DiscountView discount, List<String> validChannels,
                                Instant expiresAt, Channel sentVia, Instant sentAt, RedemptionView redemption) {
    }

    public record DiscountView(String percent, String amount, String currency) {
    }

    public record RedemptionView(Instant at, Channel via, String orderId, String touchpointId) {
    }

    public record ConversationView(String conversationId, String topic, List<Channel> channels, int messages,
                                   boolean open) {
    }

    public record IdentityView(String type, String value) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OrderView(String orderId, Channel channel, Instant placedAt, Fulfilment fulfilment, String storeId,
                            String total, String currency, String promoCode, boolean pickedUp, boolean returned) {
    }

    public static JourneyState of(CustomerJourney journey) {
        return new JourneyState(
                journey.customerId(),
                new LifecycleView(journey.lifecycle().stage(),
                                  journey.lifecycle().history().stream()
                                         .map(s -> new StepView(s.stage(), s.rule(), s.touchpoint().id(),
                                                                s.touchpoint().channel(),
                                                                s.touchpoint().occurredAt()))
                                         .toList(),
                                  journey.lifecycle().facts()),
                cart(journey.cart().lines(), journey.cart().currency()),
                journey.promoCodes().all().stream().map(JourneyState::promotion).toList(),
                journey.conversations().all().stream().map(JourneyState::conversation).toList(),
                journey.consents().asMap(),
                journey.identities().all().stream()
                       .sorted(Comparator.comparing((Identity i) -> i.type().name()).thenComparing(Identity::value))
                       .map(i -> new IdentityView(i.type().name(), i.value())).toList(),
                journey.orders().all().stream().map(JourneyState::order).toList(),
                journey.memberships().programmes().stream().sorted().toList());
    }

    private static CartView cart(List<CartLine> lines, String currency) {
        BigDecimal total = lines.stream().map(CartLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CartView(currency,
                            lines.stream().map(l -> new LineView(l.sku(), l.quantity(), money(l.unitPrice()),
                                                                 l.currency(), l.addedVia())).toList(),
                            currency == null ? "0" : Money.round(total, currency).toPlainString());
    }

    private static PromotionView promotion(PromoCode code) {
        PromoCode.Redemption used = code.redemption();
        return new PromotionView(code.promotionId(), code.code(),
                                 new DiscountView(money(code.discount().percent()), money(code.discount().amount()),
                                                  code.discount().currency()),
                                 code.validOn().names(), code.expiresAt(), code.sentVia(), code.sentAt(),
                                 used == null ? null
                                         : new RedemptionView(used.at(), used.via(), used.orderId(), used.touchpointId()));
    }

    private static ConversationView conversation(Conversation c) {
        return new ConversationView(c.conversationId(), c.topic(), c.channels(), c.messages(), c.open());
    }

    private static OrderView order(Order o) {
        return new OrderView(o.orderId(), o.channel(), o.placedAt(), o.fulfilment(), o.storeId(), money(o.total()),
                             o.currency(), o.promoCode(), o.pickedUp(), o.returned());
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
