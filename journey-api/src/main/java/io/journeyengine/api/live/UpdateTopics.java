package io.journeyengine.api.live;

import io.journeyengine.journey.order.CheckoutCompleted;

import java.util.List;

/**
 * Which events a live subscriber hears about, by what they change: the cart (lines added or removed, abandoned,
 * reminded, recovered, and bought at a checkout), promotions (codes sent, redeemed, expired, reinstated), the
 * lifecycle stage, conversations. Everything else (consents, identities, browsing, merges) is not sent.
 */
public final class UpdateTopics {

    public static final List<String> ALL = List.of("cart", "promotion", "stage", "conversation");

    private UpdateTopics() {
    }

    /** The topic of an event type, or null when live subscribers do not hear about it. */
    public static String of(Class<?> eventType) {
        if (eventType == CheckoutCompleted.class) {
            return "cart";
        }
        String pkg = eventType.getPackageName();
        if (pkg.endsWith(".journey.cart")) {
            return "cart";
        }
        if (pkg.endsWith(".journey.promotion")) {
            return "promotion";
        }
        if (pkg.endsWith(".journey.lifecycle")) {
            return "stage";
        }
        if (pkg.endsWith(".journey.conversation")) {
            return "conversation";
        }
        return null;
    }
}
