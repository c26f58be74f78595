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
import io.journeyengine.journey.merge.HandOverProfile;
import io.journeyengine.journey.merge.MergedProfile;
import io.journeyengine.journey.merge.Merges;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileMergedAway;
import io.journeyengine.journey.merge.ProfileMergedInto;
import io.journeyengine.journey.merge.ProfileRestored;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.journey.merge.RestoreProfile;
import io.journeyengine.journey.merge.TakeOverProfile;
import io.journeyengine.journey.merge.UnmergeProfile;
import io.journeyengine.journey.merge.Unmerged;
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
import io.journeyengine.journey.privacy.DataSubject;
import io.journeyengine.journey.privacy.ErasePersonalData;
import io.journeyengine.journey.privacy.PersonalDataErased;
import io.journeyengine.journey.promotion.ChannelScope;
import io.journeyengine.journey.promotion.PromoCode;
import io.journeyengine.journey.promotion.PromoCodeExpired;
import io.journeyengine.journey.promotion.PromoCodeExpiryDue;
import io.journeyengine.journey.promotion.PromoCodeReinstated;
import io.journeyengine.journey.promotion.PromoCodeRedeemed;
import io.journeyengine.journey.promotion.PromoCodeSent;
import io.journeyengine.journey.promotion.PromoCodes;
import io.journeyengine.journey.promotion.SendPromoCode;
import io.journeyengine.journey.cart.CartLine;
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
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's journey across every channel.
 * <p>
 * Each touchpoint command is handled the same way: check the rules (the members throw
 * {@link JourneyRuleViolation}), then {@link #record} the touchpoint's event and whatever follows from it. A journey
 * is created by its first applied touchpoint, so a channel never has to register a customer first.
 * <p>
 * Two journeys found to be one customer are merged (see {@link #handle(HandOverProfile)}); the merged one is an alias
 * from then on and refuses every command but its restoration and its erasure.
 * <p>
 * Snapshots and time-travel checkpoints store this object's fields. The {@code @Revision} names their shape: raise it
 * whenever a field of the journey or of a member changes, and stored snapshots of the old shape are ignored (Axon's
 * revision snapshot filter) and checkpoints rebuilt. Revision 2: a code's {@code validOn} (was {@code validChannels});
 * revision 3: the merges member and the personal-data fields; revision 4: channel usage and the deadlines' state (a
 * cart's last activity and reminder, expired codes, conversations' last activity).
 */
@Aggregate(cache = "journeyCache", snapshotTriggerDefinition = "journeySnapshotTrigger")
@Revision("4")
public class CustomerJourney implements DataSubject {

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
    private final Merges merges = new Merges();
    @AggregateMember
    private final ChannelUsage channelUsage = new ChannelUsage();

    /** Names of the events the touchpoint being handled has applied so far; empty between commands. */
    private final transient List<String> emittedNow = new ArrayList<>();

    protected CustomerJourney() {
        // Axon creates an empty journey and sources it from its events.
    }

    /**
     * A profile merged into another is an alias: whatever reaches it belongs to the survivor. The ingestion looks the
     * customer up again on {@link ProfileMergedAway} (this only happens when a touchpoint raced with the merge).
     */
    @CommandHandlerInterceptor
    void refuseWhenMergedAway(Object command) {
        String survivor = merges.mergedInto();
        if (survivor != null && !(command instanceof RestoreProfile) && !(command instanceof ErasePersonalData)) {
            throw new ProfileMergedAway(customerId, survivor);
        }
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
                                            PromoCodes.normalise(cmd.code()), cmd.discount(),
                                            ChannelScope.of(cmd.validChannels()),
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
     * The merged profile's half of a merge: it becomes an alias of the survivor and hands over everything it has
     * (its own state stays as it was, for an unmerge). Answers what the survivor takes over.
     */
    @CommandHandler
    MergedProfile handle(HandOverProfile cmd) {
        MergedProfile profile = new MergedProfile(
                customerId, identities.inOrder(), consents.decisions(), cart.lines(), promoCodes.all(),
                conversations.all(), orders.all(),
                memberships.programmes().stream().sorted(Comparator.naturalOrder()).toList(), lifecycle.applied());
        apply(new ProfileMergedInto(customerId, cmd.touchpoint(), cmd.survivorId(), cmd.evidence()));
        return profile;
    }

    /**
     * The survivor's half of a merge (the survivor is created if it is new): it takes over every identity, consent
     * decision and touchpoint of the merged profile, the cart lines that join its cart, and the codes, conversations,
     * orders and programmes it does not have already (its own win). The lifecycle rules then see both histories as
     * one. Taking over a profile a second time applies nothing: merging is idempotent.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<String> handle(TakeOverProfile cmd) {
        MergedProfile theirs = cmd.profile();
        if (theirs.customerId().equals(customerId) || merges.hasAbsorbed(theirs.customerId())) {
            return List.of();
        }
        emittedNow.clear();
        if (customerId == null) {
            emit(new JourneyStarted(cmd.customerId(), cmd.touchpoint()));
        }
        List<CartLine> cartLines = cart.linesToTake(theirs.cartLines());
        Set<String> joining = cartLines.stream().map(CartLine::sku).collect(java.util.stream.Collectors.toSet());
        MergedProfile taken = new MergedProfile(
                theirs.customerId(), theirs.identities(), theirs.consents(),
                theirs.cartLines().stream().filter(l -> joining.contains(l.sku())).toList(),
                promoCodes.toTake(theirs.promoCodes()), conversations.toTake(theirs.conversations()),
                orders.toTake(theirs.orders()), memberships.toTake(theirs.loyaltyProgrammes()), theirs.history());
        emit(new ProfileMerged(customerId, cmd.touchpoint(), theirs.customerId(), cmd.evidence(), taken, cartLines));
        lifecycle.advanceFor(customerId, cmd.touchpoint()).ifPresent(this::emit);
        return emitted();
    }

    /**
     * Undoes a merge with compensating events: what the merged profile handed over goes back to it, what happened
     * here since stays here, and the stage is what the remaining touchpoints give. Refused where that cannot be
     * done unambiguously: something that came with the merge was used or went on since.
     */
    @CommandHandler
    Unmerged handle(UnmergeProfile cmd) {
        String merged = cmd.mergedCustomerId();
        MergedProfile taken = merges.takenFrom(merged).orElseThrow(() -> new JourneyRuleViolation(
                RuleCode.NOT_MERGED, "Customer " + merged + " is not merged into " + customerId,
                Map.of("mergedCustomerId", merged)));
        promoCodes.changedSince(taken.promoCodes()).ifPresent(code -> {
            throw new JourneyRuleViolation(RuleCode.UNMERGE_CODE_REDEEMED,
                                           "Code " + code.code() + " came with " + merged
                                                   + " and was redeemed or given back since the merge",
                                           Map.of("promoCode", code.code()));
        });
        cart.changedSinceMerge(merged).ifPresent(sku -> {
            throw new JourneyRuleViolation(RuleCode.UNMERGE_CART_CHANGED,
                                           "The cart line of " + sku + " came with " + merged
                                                   + " and was changed (or bought) since the merge",
                                           Map.of("sku", sku));
        });
        conversations.changedSince(taken.conversations()).ifPresent(c -> {
            throw new JourneyRuleViolation(RuleCode.UNMERGE_CONVERSATION_CONTINUED,
                                           "Conversation " + c.conversationId() + " came with " + merged
                                                   + " and went on since the merge",
                                           Map.of("conversationId", c.conversationId()));
        });
        orders.changedSince(taken.orders()).ifPresent(o -> {
            throw new JourneyRuleViolation(RuleCode.UNMERGE_ORDER_CHANGED,
                                           "Order " + o.orderId() + " came with " + merged
                                                   + " and was picked up or returned since the merge",
                                           Map.of("orderId", o.orderId()));
        });
        emittedNow.clear();
        emit(new ProfileUnmerged(customerId, merged, cmd.at(), taken, cart.linesAfterUnmerge(merged)));
        lifecycle.correctionFor(customerId, cmd.at(), merged).ifPresent(this::emit);
        return new Unmerged(emitted(), taken);
    }

    /** The merged profile's half of an unmerge: it is a customer of its own again, as it was when merged. */
    @CommandHandler
    List<String> handle(RestoreProfile cmd) {
        if (!cmd.survivorId().equals(merges.mergedInto())) {
            throw new JourneyRuleViolation(RuleCode.NOT_MERGED,
                                           "Customer " + customerId + " is not merged into " + cmd.survivorId(),
                                           Map.of("mergedCustomerId", customerId));
        }
        emittedNow.clear();
        emit(new ProfileRestored(customerId, cmd.survivorId(), cmd.at()));
        return emitted();
    }

    /** Erasure: the key of the personal data goes (outside the journey); the journey records it and forgets them. */
    @CommandHandler
    List<String> handle(ErasePersonalData cmd) {
        emittedNow.clear();
        emit(new PersonalDataErased(customerId, cmd.at()));
        return emitted();
    }

    private List<String> emitted() {
        List<String> names = List.copyOf(emittedNow);
        emittedNow.clear();
        return names;
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
        return emitted();
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

    @Override
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

    public Merges merges() {
        return merges;
    }

    public ChannelUsage channelUsage() {
        return channelUsage;
    }
}
