package io.journeyengine.journey;

import io.journeyengine.journey.browsing.ProductViewed;
import io.journeyengine.journey.browsing.ViewProduct;
import io.journeyengine.journey.cart.AbandonedCartRecovered;
import io.journeyengine.journey.cart.AddCartItem;
import io.journeyengine.journey.cart.Cart;
import io.journeyengine.journey.cart.CartAbandoned;
import io.journeyengine.journey.cart.CartAbandonmentDue;
import io.journeyengine.journey.cart.CartItemAdded;
import io.journeyengine.journey.cart.CartItemRemoved;
import io.journeyengine.journey.cart.CartLine;
import io.journeyengine.journey.cart.CartReminderSent;
import io.journeyengine.journey.cart.RemoveCartItem;
import io.journeyengine.journey.consent.ChangeConsent;
import io.journeyengine.journey.consent.ConsentChanged;
import io.journeyengine.journey.consent.Consents;
import io.journeyengine.journey.conversation.CloseConversation;
import io.journeyengine.journey.conversation.ConversationClosed;
import io.journeyengine.journey.conversation.ConversationHandedOver;
import io.journeyengine.journey.conversation.ConversationIdleClosed;
import io.journeyengine.journey.conversation.ConversationIdleDue;
import io.journeyengine.journey.conversation.ConversationMessageLogged;
import io.journeyengine.journey.conversation.ConversationStarted;
import io.journeyengine.journey.conversation.Conversations;
import io.journeyengine.journey.conversation.HandOverConversation;
import io.journeyengine.journey.conversation.LogConversationMessage;
import io.journeyengine.journey.conversation.StartConversation;
import io.journeyengine.journey.deadline.JourneyDeadline;
import io.journeyengine.journey.deadline.JourneyDeadlines;
import io.journeyengine.journey.deadline.JourneyTimings;
import io.journeyengine.journey.identity.Identities;
import io.journeyengine.journey.identity.IdentityCaptured;
import io.journeyengine.journey.identity.IdentityLinked;
import io.journeyengine.journey.identity.LinkIdentity;
import io.journeyengine.journey.lifecycle.Lifecycle;
import io.journeyengine.journey.loyalty.EnrolInLoyalty;
import io.journeyengine.journey.loyalty.LoyaltyEnrolled;
import io.journeyengine.journey.loyalty.Memberships;
import io.journeyengine.journey.order.CheckoutCompleted;
import io.journeyengine.journey.order.CompleteCheckout;
import io.journeyengine.journey.order.InStorePurchaseMade;
import io.journeyengine.journey.order.OrderLine;
import io.journeyengine.journey.order.OrderPickedUp;
import io.journeyengine.journey.order.OrderReturned;
import io.journeyengine.journey.order.Orders;
import io.journeyengine.journey.order.RecordInStorePurchase;
import io.journeyengine.journey.order.RecordOrderPickup;
import io.journeyengine.journey.order.RecordOrderReturn;
import io.journeyengine.journey.promotion.PromoCode;
import io.journeyengine.journey.promotion.PromoCodeExpired;
import io.journeyengine.journey.promotion.PromoCodeExpiryDue;
import io.journeyengine.journey.promotion.PromoCodeReinstated;
import io.journeyengine.journey.promotion.PromoCodeRedeemed;
import io.journeyengine.journey.promotion.PromoCodeSent;
import io.journeyengine.journey.promotion.PromoCodes;
import io.journeyengine.journey.promotion.SendPromoCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's journey across every channel.
 * <p>
 * Each touchpoint command is handled the same way: check the rules (the members throw
 * {@link JourneyRuleViolation}), then {@link #record} the touchpoint's event and whatever follows from it. A journey
 * is created by its first applied touchpoint, so a channel never has to register a customer first.
 */
@Aggregate(cache = "journeyCache")
public class CustomerJourney {

    @AggregateIdentifier
    private String customerId;

    @AggregateMember
    private final Identities identities = new Identities();
    @AggregateMember
    private final Consents consents = new Consents();
    @AggregateMember
    private final Cart cart = new Cart();
    @AggregateMember
    private final Orders orders = new Orders();
    @AggregateMember
    private final PromoCodes promoCodes = new PromoCodes();
    @AggregateMember
    private final Conversations conversations = new Conversations();
    @AggregateMember
    private final Memberships memberships = new Memberships();
    @AggregateMember
    private final Lifecycle lifecycle = new Lifecycle();
    @AggregateMember
    private final ChannelUsage channelUsage = new ChannelUsage();

    /** Names of the events the touchpoint being handled has applied so far; empty between commands. */
    private final transient List<String> emittedNow = new ArrayList<>();

    protected CustomerJourney() {
        // Axon creates an empty journey and sources it from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(ViewProduct cmd) {
        return record(cmd, () -> new ProductViewed(cmd.customerId(), cmd.touchpoint(), cmd.sku()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(ChangeConsent cmd) {
        return record(cmd, () -> new ConsentChanged(cmd.customerId(), cmd.touchpoint(), cmd.consentChannel(), cmd.granted()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(LinkIdentity cmd) {
        return record(cmd, () -> new IdentityLinked(cmd.customerId(), cmd.touchpoint(), cmd.identity()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(SendPromoCode cmd) {
        Channel via = cmd.touchpoint().channel();
        if (!consents.granted(via)) {
            throw new JourneyRuleViolation(RuleCode.CONSENT_REQUIRED,
                                           "The customer has not consented to marketing on " + via,
                                           Map.of("channel", via.name()));
        }
        promoCodes.checkCanSend(cmd.code());
        return record(cmd, () -> new PromoCodeSent(cmd.customerId(), cmd.touchpoint(), cmd.promotionId(),
                                            PromoCodes.normalise(cmd.code()), cmd.discount(), cmd.validChannels(),
                                            cmd.expiresAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(StartConversation cmd) {
        conversations.checkCanStart(cmd.conversationId());
        return record(cmd, () -> new ConversationStarted(cmd.customerId(), cmd.touchpoint(), cmd.conversationId(),
                                                  cmd.topic()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(LogConversationMessage cmd) {
        conversations.checkOpen(cmd.conversationId());
        return record(cmd, () -> new ConversationMessageLogged(cmd.customerId(), cmd.touchpoint(), cmd.conversationId(),
                                                        cmd.direction(), cmd.text()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(HandOverConversation cmd) {
        conversations.checkCanHandOver(cmd.conversationId(), cmd.touchpoint().channel());
        return record(cmd, () -> new ConversationHandedOver(cmd.customerId(), cmd.touchpoint(), cmd.conversationId(),
                                                     cmd.touchpoint().channel(), cmd.toChannel()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(CloseConversation cmd) {
        conversations.checkOpen(cmd.conversationId());
        return record(cmd, () -> new ConversationClosed(cmd.customerId(), cmd.touchpoint(), cmd.conversationId(),
                                                 cmd.resolution()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(AddCartItem cmd) {
        cart.checkCanAdd(cmd.sku(), cmd.currency());
        return record(cmd, () -> new CartItemAdded(cmd.customerId(), cmd.touchpoint(), cmd.sku(), cmd.quantity(),
                                            cmd.unitPrice(), cmd.currency()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(RemoveCartItem cmd) {
        cart.checkCanRemove(cmd.sku(), cmd.quantity());
        return record(cmd, () -> new CartItemRemoved(cmd.customerId(), cmd.touchpoint(), cmd.sku(), cmd.quantity()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(CompleteCheckout cmd) {
        cart.checkNotEmpty();
        orders.checkNew(cmd.orderId());
        List<OrderLine> lines = cart.lines().stream()
                                    .map(l -> new OrderLine(l.sku(), l.quantity(), l.unitPrice())).toList();
        Priced priced = price(lines, cart.currency(), cmd.promoCode(), cmd.touchpoint());
        return record(cmd, () -> new CheckoutCompleted(cmd.customerId(), cmd.touchpoint(), cmd.orderId(), lines,
                                                cart.currency(), priced.subtotal, priced.discount, priced.total,
                                                priced.codeOrNull(), cmd.fulfilment(), cmd.storeId()),
               () -> redeem(priced.code, cmd.touchpoint(), cmd.orderId(), priced.discount, priced.currency),
               // A checkout in any channel within 7 days of a cart reminder recovers the abandoned cart.
               () -> cart.recoveredBy(cmd.touchpoint()).ifPresent(r -> emit(new AbandonedCartRecovered(
                       customerId, cmd.touchpoint(), cmd.orderId(), r.touchpointId(), r.channel(), r.at()))));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(RecordInStorePurchase cmd) {
        orders.checkNew(cmd.orderId());
        String currency = cmd.items().get(0).currency();
        cmd.items().stream().filter(item -> !item.currency().equals(currency)).findFirst().ifPresent(item -> {
            throw new JourneyRuleViolation(RuleCode.CURRENCY_MISMATCH,
                                           "A till basket is paid in one currency; " + item.sku() + " is in "
                                                   + item.currency() + ", the basket in " + currency,
                                           Map.of("basketCurrency", currency, "itemCurrency", item.currency()));
        });
        List<OrderLine> lines = cmd.items().stream()
                                   .map(i -> new OrderLine(i.sku(), i.quantity(), i.unitPrice())).toList();
        Priced priced = price(lines, currency, cmd.promoCode(), cmd.touchpoint());
        return record(cmd, () -> new InStorePurchaseMade(cmd.customerId(), cmd.touchpoint(), cmd.orderId(),
                                                         cmd.storeId(), lines, currency, priced.subtotal,
                                                         priced.discount, priced.total, priced.codeOrNull()),
               () -> redeem(priced.code, cmd.touchpoint(), cmd.orderId(), priced.discount, priced.currency));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(RecordOrderPickup cmd) {
        orders.checkCanPickUp(cmd.orderId());
        return record(cmd, () -> new OrderPickedUp(cmd.customerId(), cmd.touchpoint(), cmd.orderId(), cmd.storeId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(RecordOrderReturn cmd) {
        orders.checkCanReturn(cmd.orderId());
        return record(cmd, () -> new OrderReturned(cmd.customerId(), cmd.touchpoint(), cmd.orderId(), cmd.storeId(),
                                            cmd.reason()),
               // A full return gives back the code used for the order, as long as the code is still valid.
               () -> promoCodes.reinstatableFor(cmd.orderId(), cmd.touchpoint().occurredAt())
                               .ifPresent(p -> emit(new PromoCodeReinstated(customerId, cmd.touchpoint(),
                                                                             p.promotionId(), p.code(),
                                                                             cmd.orderId()))));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(EnrolInLoyalty cmd) {
        memberships.checkCanEnrol(cmd.programId());
        return record(cmd, () -> new LoyaltyEnrolled(cmd.customerId(), cmd.touchpoint(), cmd.programId()));
    }

    /**
     * Applies an accepted touchpoint and answers the names of the events it applied (the channel sees them in its
     * answer): starts the journey if this is its first touchpoint, captures the identity the
     * channel addressed the customer by, records the touchpoint's own event and its consequences, and finally lets
     * the lifecycle advance. Called only after every rule has been checked.
     */
    private List<String> record(TouchpointCommand cmd, Supplier<TouchpointEvent> touchpointEvent,
                                Runnable... consequences) {
        emittedNow.clear();
        if (customerId == null) {
            emit(new JourneyStarted(cmd.customerId(), cmd.touchpoint()));
        }
        if (cmd.addressedBy() != null && !identities.knows(cmd.addressedBy())) {
            emit(new IdentityCaptured(customerId, cmd.touchpoint(), cmd.addressedBy()));
        }
        emit(touchpointEvent.get());
        for (Runnable consequence : consequences) {
            consequence.run();
        }
        lifecycle.advanceFor(customerId, cmd.touchpoint()).ifPresent(this::emit);
        List<String> names = List.copyOf(emittedNow);
        emittedNow.clear();
        return names;
    }

    private void emit(JourneyEvent event) {
        apply(event);
        emittedNow.add(event.getClass().getSimpleName());
    }

    /** The amounts of a purchase, with the promo code checked and its discount taken off. */
    private record Priced(BigDecimal subtotal, BigDecimal discount, BigDecimal total, String currency,
                          PromoCode code) {
        String codeOrNull() {
            return code == null ? null : code.code();
        }
    }

    private Priced price(List<OrderLine> lines, String currency, String promoCode, Touchpoint touchpoint) {
        BigDecimal subtotal = Money.round(lines.stream().map(OrderLine::amount)
                                               .reduce(BigDecimal.ZERO, BigDecimal::add), currency);
        if (promoCode == null) {
            return new Priced(subtotal, Money.zero(currency), subtotal, currency, null);
        }
        PromoCode code = promoCodes.checkRedeemable(promoCode, touchpoint);
        if (!code.discount().appliesTo(currency)) {
            throw new JourneyRuleViolation(RuleCode.CURRENCY_MISMATCH,
                                           "Code " + code.code() + " is worth " + code.discount().currency()
                                                   + "; the purchase is in " + currency,
                                           Map.of("codeCurrency", code.discount().currency(),
                                                  "purchaseCurrency", currency));
        }
        BigDecimal discount = code.discount().off(subtotal, currency);
        return new Priced(subtotal, discount, subtotal.subtract(discount), currency, code);
    }

    private void redeem(PromoCode code, Touchpoint touchpoint, String orderId, BigDecimal discount, String currency) {
        if (code != null) {
            emit(new PromoCodeRedeemed(customerId, touchpoint, code.promotionId(), code.code(), orderId,
                                        code.sentVia(), discount, currency));
        }
    }

    // Deadlines: what the journey does when nothing happens. Which deadlines are pending follows from the state
    // (pendingDeadlines); after every command the difference is cancelled and scheduled, and a deadline handler acts
    // only if the state still says what the deadline says (a stale or repeated deadline changes nothing).

    @CommandHandlerInterceptor
    Object keepDeadlines(InterceptorChain chain, DeadlineManager deadlines, JourneyTimings timings) throws Exception {
        Map<String, JourneyDeadline> before = pendingDeadlines(timings);
        Object result = chain.proceed();
        JourneyDeadlines.reconcile(before, pendingDeadlines(timings), deadlines);
        return result;
    }

    /** The deadlines the journey waits for now, by name. */
    public Map<String, JourneyDeadline> pendingDeadlines(JourneyTimings timings) {
        Map<String, JourneyDeadline> pending = new LinkedHashMap<>();
        if (customerId == null) {
            return pending;
        }
        cart.abandonmentDue(timings.abandonCartAfter()).ifPresent(d -> pending.put(d.deadlineName(), d));
        promoCodes.expiriesDue().forEach(d -> pending.put(d.deadlineName(), d));
        conversations.idleClosesDue(timings.closeIdleConversationAfter()).forEach(d -> pending.put(d.deadlineName(), d));
        return pending;
    }

    /**
     * The cart was left: record the abandonment, then remind the customer of the cart on the preferred messaging
     * channel with consent (no reminder without consent). The reminder is a touchpoint of the engine's own.
     */
    @DeadlineHandler
    void on(CartAbandonmentDue due) {
        if (!cart.stillAbandoned(due)) {
            return;
        }
        List<CartLine> lines = cart.lines();
        apply(new CartAbandoned(customerId, due.dueAt(), due.lastActivityAt(), cart.lastActivity().channel(),
                                due.causedBy(), lines, cart.currency(), cart.total()));
        channelUsage.preferredMessagingChannel(consents).ifPresent(channel -> {
            Touchpoint reminder = new Touchpoint(CartReminderSent.touchpointIdFor(customerId, due.dueAt()), channel,
                                                 due.dueAt());
            apply(new CartReminderSent(customerId, reminder, due.dueAt(), lines, cart.currency(), cart.total()));
            lifecycle.advanceFor(customerId, reminder).ifPresent(advanced -> apply(advanced));
        });
    }

    @DeadlineHandler
    void on(PromoCodeExpiryDue due) {
        promoCodes.stillExpiring(due).ifPresent(code -> apply(new PromoCodeExpired(
                customerId, code.promotionId(), code.code(), code.sentVia(), code.expiresAt())));
    }

    @DeadlineHandler
    void on(ConversationIdleDue due) {
        conversations.stillIdle(due).ifPresent(c -> apply(new ConversationIdleClosed(
                customerId, c.conversationId(), c.currentChannel(), due.lastActivityAt(), due.dueAt())));
    }

    @EventSourcingHandler
    void on(JourneyStarted event) {
        customerId = event.customerId();
    }

    // Read access for time travel and the dry run: the state the rules decide on, never a second copy of it.

    public String customerId() {
        return customerId;
    }

    public Cart cart() {
        return cart;
    }

    public Orders orders() {
        return orders;
    }

    public PromoCodes promoCodes() {
        return promoCodes;
    }

    public Conversations conversations() {
        return conversations;
    }

    public Consents consents() {
        return consents;
    }

    public Identities identities() {
        return identities;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public Memberships memberships() {
        return memberships;
    }

    public ChannelUsage channelUsage() {
        return channelUsage;
    }
}
