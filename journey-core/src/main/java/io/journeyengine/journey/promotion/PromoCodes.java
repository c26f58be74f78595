package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer's wallet of personal promo codes: where "a code is redeemed" is decided.
 * <p>
 * A code is single-use across every channel: the SMS code used at the till is gone for the web shop too. Expiry and
 * channel validity are judged at the purchase's business time ({@code occurredAt}), so a till that reports a
 * purchase late does not lose the customer's discount.
 * <p>
 * An unused code expires by itself at {@code expiresAt} ({@link PromoCodeExpired}, from a deadline); a full return
 * that gives a code back makes it wait for its expiry again.
 */
public class PromoCodes {

    private final Map<String, PromoCode> byCode = new LinkedHashMap<>();
    /** Codes that expired unused (and were not redeemed since by a late-reported purchase). */
    private final Set<String> expired = new HashSet<>();
    /** The touchpoint that sent each code. */
    private final Map<String, String> sentBy = new HashMap<>();

    /** Codes are compared the way a cashier reads them: case and surrounding blanks do not matter. */
    public static String normalise(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    public void checkCanSend(String code) {
        if (byCode.containsKey(normalise(code))) {
            throw new JourneyRuleViolation(RuleCode.PROMO_CODE_EXISTS,
                                           "Code " + normalise(code) + " was already sent to this customer",
                                           Map.of("promoCode", normalise(code)));
        }
    }

    /**
     * Decides whether {@code code} may be used for a purchase reported by {@code touchpoint}.
     *
     * @return the code, ready to be redeemed
     * @throws JourneyRuleViolation saying why not
     */
    public PromoCode checkRedeemable(String code, Touchpoint touchpoint) {
        String key = normalise(code);
        PromoCode promo = byCode.get(key);
        if (promo == null) {
            throw new JourneyRuleViolation(RuleCode.PROMO_UNKNOWN, "The customer has no promo code " + key,
                                           Map.of("promoCode", key));
        }
        PromoCode.Redemption used = promo.redemption();
        if (used != null) {
            throw new JourneyRuleViolation(
                    RuleCode.PROMO_ALREADY_REDEEMED,
                    "Code " + key + " was already redeemed on " + used.at() + " via " + used.via()
                            + " (order " + used.orderId() + ")",
                    Map.of("promoCode", key, "redeemedAt", used.at().toString(), "redeemedVia", used.via().name(),
                           "orderId", used.orderId()));
        }
        if (promo.expiredAt(touchpoint.occurredAt())) {
            throw new JourneyRuleViolation(RuleCode.PROMO_EXPIRED,
                                           "Code " + key + " expired at " + promo.expiresAt(),
                                           Map.of("promoCode", key, "expiresAt", promo.expiresAt().toString()));
        }
        if (!promo.validOn(touchpoint.channel())) {
            throw new JourneyRuleViolation(RuleCode.PROMO_CHANNEL_NOT_ALLOWED,
                                           "Code " + key + " is not valid on " + touchpoint.channel()
                                                   + "; it is valid on " + promo.validOn().names(),
                                           Map.of("promoCode", key, "validChannels", promo.validOn().names()));
        }
        return promo;
    }

    /** The code redeemed with {@code orderId}, if a return should give it back: only while it has not expired. */
    public Optional<PromoCode> reinstatableFor(String orderId, Instant returnedAt) {
        return byCode.values().stream()
                     .filter(p -> p.redemption() != null && orderId.equals(p.redemption().orderId()))
                     .filter(p -> !p.expiredAt(returnedAt))
                     .findFirst();
    }

    public List<PromoCode> all() {
        return List.copyOf(byCode.values());
    }

    /** The codes of a merged profile this wallet takes: those it does not hold already (its own copy wins). */
    public List<PromoCode> toTake(List<PromoCode> theirs) {
        return theirs.stream().filter(p -> !byCode.containsKey(normalise(p.code()))).toList();
    }

    /** A code among {@code moved} whose state changed since it moved here (redeemed, or given back), if any. */
    public Optional<PromoCode> changedSince(List<PromoCode> moved) {
        return moved.stream().filter(p -> !p.equals(byCode.get(normalise(p.code())))).findFirst();
    }

    /** Whether {@code code} has expired unused (a {@link PromoCodeExpired} not undone by a late redemption). */
    public boolean hasExpired(String code) {
        return expired.contains(normalise(code));
    }

    /** The expiries the wallet waits for: one per code that is neither in use nor expired. */
    public List<PromoCodeExpiryDue> expiriesDue() {
        return byCode.values().stream()
                     .filter(p -> p.redemption() == null && !expired.contains(p.code()))
                     .map(p -> new PromoCodeExpiryDue(p.code(), p.expiresAt(), sentBy.get(p.code())))
                     .toList();
    }

    /** The code {@code due} is about, if it is still waiting for that expiry (a late deadline finds nothing). */
    public Optional<PromoCode> stillExpiring(PromoCodeExpiryDue due) {
        return Optional.ofNullable(byCode.get(due.code()))
                       .filter(p -> p.redemption() == null && !expired.contains(p.code())
                               && p.expiresAt().equals(due.expiresAt()));
    }

    @EventSourcingHandler
    void on(PromoCodeSent event) {
        String key = normalise(event.code());
        byCode.put(key, new PromoCode(event.promotionId(), key, event.discount(), event.validOn(),
                                      event.expiresAt(), event.touchpoint().channel(),
                                      event.touchpoint().occurredAt(), null));
        sentBy.put(key, event.touchpoint().id());
    }

    @EventSourcingHandler
    void on(PromoCodeRedeemed event) {
        Touchpoint tp = event.touchpoint();
        byCode.computeIfPresent(normalise(event.code()), (k, p) -> p.redeemed(
                new PromoCode.Redemption(tp.occurredAt(), tp.channel(), event.orderId(), tp.id())));
        // A purchase made before the expiry but reported after it used the code after all.
        expired.remove(normalise(event.code()));
    }

    @EventSourcingHandler
    void on(ProfileMerged event) {
        event.profile().promoCodes().forEach(p -> byCode.put(normalise(p.code()), p));
    }

    @EventSourcingHandler
    void on(ProfileUnmerged event) {
        event.returned().promoCodes().forEach(p -> byCode.remove(normalise(p.code())));
    }

    @EventSourcingHandler
    void on(PromoCodeReinstated event) {
        byCode.computeIfPresent(normalise(event.code()), (k, p) -> p.redeemed(null));
    }

    @EventSourcingHandler
    void on(PromoCodeExpired event) {
        expired.add(normalise(event.code()));
    }
}
