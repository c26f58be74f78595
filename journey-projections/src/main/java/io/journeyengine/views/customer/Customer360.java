package io.journeyengine.views.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.journeyengine.journey.Channel;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.views.cart.CartView;
import io.journeyengine.views.lifecycle.CustomerLifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an agent sees of one customer ({@code GET /api/customers/{id}}), put together from three views at the
 * time of the request: the customer-360 profile, the lifecycle stages and the cart. Views follow the event store
 * independently, so right after a touchpoint one of them may be a moment behind the others.
 */
public record Customer360(String customerId, LifecycleStage stage, List<CustomerLifecycle.Step> stageHistory,
                          List<Identity> identities, Map<Channel, Boolean> consents,
                          List<CustomerProfile.ConsentChange> consentHistory, CartView cart,
                          List<CustomerProfile.Conversation> conversations, List<Promotion> promotions,
                          List<CustomerProfile.Order> orders, List<Channel> channels, Channel preferredChannel,
                          NextBestAction.Recommendation nextBestAction,
                          List<CustomerProfile.MergedProfile> mergedProfiles) {

    /** A code and where it stands at the time of the request. */
    public record Promotion(String promotionId, String code, Channel sentVia, PromotionStatus status,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Channel redeemedVia, Instant expiresAt) {
    }

    /**
     * @param lifecycle the lifecycle view's answer, or null if it has not seen the customer yet (the profile's stage
     *                  is shown then, with an empty history)
     * @param cart      the cart view's answer, or null if it has not seen the customer yet
     * @param now       the engine's clock: decides which codes have expired
     */
    public static Customer360 of(CustomerProfile profile, CustomerLifecycle lifecycle, CartView cart, Instant now) {
        LifecycleStage stage = lifecycle != null ? lifecycle.stage() : profile.stage();
        List<Promotion> promotions = profile.promoCodes().stream()
                .map(p -> new Promotion(p.promotionId(), p.code(), p.sentVia(), PromotionStatus.of(p, now),
                                        p.redeemedVia(), p.expiresAt()))
                .toList();
        Channel preferred = profile.preferredChannel();
        NextBestAction.Recommendation next = NextBestAction.decide(new NextBestAction.Situation(
                stage, cart, profile.conversations(), promotions, !profile.loyaltyProgrammes().isEmpty(), preferred,
                now));
        return new Customer360(profile.customerId(), stage, lifecycle != null ? lifecycle.stageHistory() : List.of(),
                               profile.identities(), profile.consents(), profile.consentHistory(), cart,
                               profile.conversations(), promotions,
                               profile.orders(), profile.channels().stream().map(CustomerProfile.ChannelUse::channel)
                                                       .toList(),
                               preferred, next, profile.mergedProfiles());
    }
}
