package io.journeyengine.journey.cart;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.Money;
import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.journey.order.CheckoutCompleted;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer's one cart across every channel: what the web added, the app shows and the checkout buys.
 * One currency per cart; it is set by the first line and released when the cart is empty again.
 * <p>
 * A merged profile's cart joins this one: a product in both keeps the line with the larger quantity. The lines as
 * they were before each merge are remembered, so that undoing the merge can put them back.
 * <p>
 * Abandonment: a non-empty cart is abandoned when its last cart or checkout activity (the latest {@code occurredAt},
 * so a late touchpoint does not postpone it) lies the abandonment delay behind; once per last activity. A checkout
 * within {@link #RECOVERY_WINDOW} of the latest reminder recovers it.
 */
public class Cart {

    /** A checkout this long after a reminder (business time) still counts as the reminder's recovery. */
    public static final Duration RECOVERY_WINDOW = Duration.ofDays(7);

    /** The latest reminder and whether a checkout has recovered it. */
    public record Reminder(String touchpointId, Channel channel, Instant at, boolean recovered) {
    }

    private final Map<String, CartLine> lines = new LinkedHashMap<>();
    private String currency;
    /** Per merged profile: the lines the merge set, and what this cart held for those products before. */
    private final Map<String, MergedLines> merges = new HashMap<>();

    /** The lines a merge set, and what this cart held for those products before it. */
    public record MergedLines(List<CartLine> set, Map<String, CartLine> before) {
    }
    private Touchpoint lastActivity;
    private Instant abandonedFor;
    private Reminder reminder;

    public void checkCanAdd(String sku, String itemCurrency) {
        if (currency != null && !currency.equals(itemCurrency)) {
            throw new JourneyRuleViolation(RuleCode.CURRENCY_MISMATCH,
                                           "The cart is in " + currency + "; " + sku + " is priced in " + itemCurrency,
                                           Map.of("cartCurrency", currency, "itemCurrency", itemCurrency));
        }
    }

    public void checkCanRemove(String sku, int quantity) {
        int held = quantityOf(sku);
        if (quantity > held) {
            throw new JourneyRuleViolation(RuleCode.CART_QUANTITY_EXCEEDED,
                                           "Cannot remove " + quantity + " of " + sku + ": the cart holds " + held,
                                           Map.of("sku", sku, "held", held, "requested", quantity));
        }
    }

    public void checkNotEmpty() {
        if (lines.isEmpty()) {
            throw new JourneyRuleViolation(RuleCode.CART_EMPTY, "The cart is empty: there is nothing to check out");
        }
    }

    public int quantityOf(String sku) {
        CartLine line = lines.get(sku);
        return line == null ? 0 : line.quantity();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public List<CartLine> lines() {
        return List.copyOf(lines.values());
    }

    public String currency() {
        return currency;
    }

    /**
     * The lines this cart takes from a merged profile's cart: each product it does not hold, and each it holds fewer
     * of (the larger quantity wins, with that line's price; the channel it was first added on stays this cart's).
     * A cart in another currency cannot join: then nothing is taken and those lines stay with the merged profile.
     */
    public List<CartLine> linesToTake(List<CartLine> theirs) {
        if (theirs.isEmpty() || (currency != null && !currency.equals(theirs.get(0).currency()))) {
            return List.of();
        }
        List<CartLine> taken = new ArrayList<>();
        for (CartLine line : theirs) {
            CartLine mine = lines.get(line.sku());
            if (mine == null) {
                taken.add(line);
            } else if (line.quantity() > mine.quantity()) {
                taken.add(new CartLine(line.sku(), line.quantity(), line.unitPrice(), line.currency(),
                                       mine.addedVia()));
            }
        }
        return taken;
    }

    /** A product whose line changed since the merge with {@code mergedCustomerId} set it, if any. */
    public Optional<String> changedSinceMerge(String mergedCustomerId) {
        MergedLines merge = merges.get(mergedCustomerId);
        if (merge == null) {
            return Optional.empty();
        }
        return merge.set().stream()
                    .filter(set -> !sameLine(set, lines.get(set.sku())))
                    .map(CartLine::sku).findFirst();
    }

    /**
     * What undoing the merge with {@code mergedCustomerId} makes of the lines it set: the line held before, or a
     * line of quantity 0 where the product was not in this cart.
     */
    public List<CartLine> linesAfterUnmerge(String mergedCustomerId) {
        MergedLines merge = merges.get(mergedCustomerId);
        if (merge == null) {
            return List.of();
        }
        return merge.set().stream().map(set -> {
            CartLine before = merge.before().get(set.sku());
            return before != null ? before
                    : new CartLine(set.sku(), 0, set.unitPrice(), set.currency(), set.addedVia());
        }).toList();
    }

    private static boolean sameLine(CartLine a, CartLine b) {
        return b != null && a.quantity() == b.quantity() && a.unitPrice().compareTo(b.unitPrice()) == 0
                && Objects.equals(a.currency(), b.currency());
    }

    public BigDecimal total() {
        return currency == null ? null
                : Money.round(lines.values().stream().map(CartLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                              currency);
    }

    /** The touchpoint of the latest cart or checkout activity (by {@code occurredAt}); null before the first. */
    public Touchpoint lastActivity() {
        return lastActivity;
    }

    public Reminder reminder() {
        return reminder;
    }

    /** The abandonment the cart is waiting for: none while empty or once abandoned for its last activity. */
    public Optional<CartAbandonmentDue> abandonmentDue(Duration abandonAfter) {
        if (lines.isEmpty() || lastActivity.occurredAt().equals(abandonedFor)) {
            return Optional.empty();
        }
        return Optional.of(new CartAbandonmentDue(lastActivity.occurredAt().plus(abandonAfter),
                                                  lastActivity.occurredAt(), lastActivity.id()));
    }

    /**
     * Whether the cart is still abandoned as {@code due} says: not empty, no activity since, not yet abandoned. A
     * deadline that lost its race with a touchpoint (or fires a second time after a crash) finds {@code false}.
     */
    public boolean stillAbandoned(CartAbandonmentDue due) {
        return !lines.isEmpty() && lastActivity.occurredAt().equals(due.lastActivityAt())
                && !due.lastActivityAt().equals(abandonedFor);
    }

    /** The reminder a checkout at {@code checkout} recovers: the latest one, unrecovered, at most 7 days before. */
    public Optional<Reminder> recoveredBy(Touchpoint checkout) {
        if (reminder == null || reminder.recovered()) {
            return Optional.empty();
        }
        Instant at = checkout.occurredAt();
        return at.isBefore(reminder.at()) || at.isAfter(reminder.at().plus(RECOVERY_WINDOW))
                ? Optional.empty() : Optional.of(reminder);
    }

    private void active(Touchpoint touchpoint) {
        if (lastActivity == null || touchpoint.occurredAt().isAfter(lastActivity.occurredAt())) {
            lastActivity = touchpoint;
        }
    }

    @EventSourcingHandler
    void on(CartItemAdded event) {
        // A product added again keeps the channel it was first added on and takes the latest price.
        lines.merge(event.sku(),
                    new CartLine(event.sku(), event.quantity(), event.unitPrice(), event.currency(),
                                 event.touchpoint().channel()),
                    (old, added) -> new CartLine(old.sku(), old.quantity() + added.quantity(), added.unitPrice(),
                                                 added.currency(), old.addedVia()));
        currency = event.currency();
        active(event.touchpoint());
    }

    @EventSourcingHandler
    void on(CartItemRemoved event) {
        CartLine line = lines.get(event.sku());
        int left = line.quantity() - event.quantity();
        if (left > 0) {
            lines.put(event.sku(), new CartLine(line.sku(), left, line.unitPrice(), line.currency(), line.addedVia()));
        } else {
            lines.remove(event.sku());
        }
        if (lines.isEmpty()) {
            currency = null;
        }
        active(event.touchpoint());
    }

    @EventSourcingHandler
    void on(CheckoutCompleted event) {
        // A checkout buys the whole cart, whichever channel it happens on.
        lines.clear();
        currency = null;
        active(event.touchpoint());
    }

    @EventSourcingHandler
    void on(CartAbandoned event) {
        abandonedFor = event.lastActivityAt();
    }

    @EventSourcingHandler
    void on(CartReminderSent event) {
        Touchpoint tp = event.touchpoint();
        reminder = new Reminder(tp.id(), tp.channel(), tp.occurredAt(), false);
    }

    @EventSourcingHandler
    void on(AbandonedCartRecovered event) {
        reminder = new Reminder(reminder.touchpointId(), reminder.channel(), reminder.at(), true);
    }

    @EventSourcingHandler
    void on(ProfileMerged event) {
        Map<String, CartLine> before = new HashMap<>();
        for (CartLine line : event.cartLines()) {
            CartLine mine = lines.get(line.sku());
            if (mine != null) {
                before.put(line.sku(), mine);
            }
            lines.put(line.sku(), line);
            currency = line.currency();
        }
        merges.put(event.mergedCustomerId(), new MergedLines(List.copyOf(event.cartLines()), before));
        if (!event.cartLines().isEmpty()) {
            // Lines came in: the merge is cart activity, so the abandonment delay starts again from it.
            active(event.touchpoint());
        }
    }

    @EventSourcingHandler
    void on(ProfileUnmerged event) {
        for (CartLine line : event.cartLines()) {
            if (line.quantity() > 0) {
                lines.put(line.sku(), line);
            } else {
                lines.remove(line.sku());
            }
        }
        if (lines.isEmpty()) {
            currency = null;
        }
        merges.remove(event.mergedCustomerId());
    }
}
