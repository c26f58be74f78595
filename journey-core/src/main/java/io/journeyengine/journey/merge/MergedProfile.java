package io.journeyengine.journey.merge;

import io.journeyengine.journey.cart.CartLine;
import io.journeyengine.journey.consent.ConsentDecision;
import io.journeyengine.journey.conversation.Conversation;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.lifecycle.AppliedTouchpoint;
import io.journeyengine.journey.order.Order;
import io.journeyengine.journey.privacy.DataSubject;
import io.journeyengine.journey.privacy.PersonalData;
import io.journeyengine.journey.promotion.PromoCode;

import java.util.List;

/**
 * What one profile hands to another when it is merged into it, or what comes back when the merge is undone: its
 * identities, consent decisions, cart lines, promo codes, conversations, orders, loyalty programmes and its history
 * of applied touchpoints. Its personal values stay those of {@code customerId}, the merged profile, also inside the
 * survivor's events (see {@link DataSubject}).
 */
public record MergedProfile(String customerId, List<Identity> identities, List<ConsentDecision> consents,
                            List<CartLine> cartLines, List<PromoCode> promoCodes, List<Conversation> conversations,
                            List<Order> orders, List<String> loyaltyProgrammes, List<AppliedTouchpoint> history)
        implements DataSubject {

    public MergedProfile {
        identities = copy(identities);
        consents = copy(consents);
        cartLines = copy(cartLines);
        promoCodes = copy(promoCodes);
        conversations = copy(conversations);
        orders = copy(orders);
        loyaltyProgrammes = copy(loyaltyProgrammes);
        history = copy(history);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The same profile with its personal values erased, as it reads once the customer's key is gone. */
    public MergedProfile erased() {
        return new MergedProfile(customerId,
                                 identities.stream().map(i -> new Identity(i.type(), PersonalData.ERASED)).distinct()
                                           .toList(),
                                 consents, cartLines, promoCodes,
                                 conversations.stream().map(c -> new Conversation(c.conversationId(),
                                         PersonalData.ERASED, c.channels(), c.messages(), c.open())).toList(),
                                 orders, loyaltyProgrammes, history);
    }
}
