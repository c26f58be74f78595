package io.journeyengine.api.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/** What the simulated retailer sells and says: products, promotions, chat topics and lines, stores. */
final class Catalogue {

    private Catalogue() {
    }

    record Product(String sku, String eur, String gbp) {
        String price(String currency) {
            return "GBP".equals(currency) ? gbp : eur;
        }
    }

    /**
     * A promotion the marketing team runs. {@code lifetime} null means the code expires at the fixed
     * {@code expiresAfterStart} after the simulation's start; otherwise each code expires {@code lifetime} after it
     * is sent (a flash sale).
     */
    record Promotion(String id, String prefix, String percent, String amount, List<String> validChannels,
                     Duration expiresAfterStart, Duration lifetime, List<String> sentVia) {
        boolean validOn(String channel) {
            return validChannels.contains("ALL") || validChannels.contains(channel);
        }
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("BOOTS-42", "89.90", "79.00"), new Product("SCARF-RED", "24.95", "21.50"),
            new Product("GLOVES-M", "19.95", "17.00"), new Product("RAIN-JACKET", "129.00", "115.00"),
            new Product("MERINO-TOP", "59.50", "52.00"), new Product("TRAIL-SHOES", "119.95", "105.00"),
            new Product("BEANIE", "14.99", "12.99"), new Product("THERMO-FLASK", "27.45", "24.00"),
            new Product("YOGA-MAT", "34.00", "30.00"), new Product("HEADLAMP", "44.90", "39.90"),
            new Product("SOCKS-3P", "12.50", "10.99"), new Product("DOWN-VEST", "99.00", "89.00"));

    static final Promotion WINTER = new Promotion("winter-10", "win", "10", null, List.of("ALL"),
                                                  Duration.ofDays(60), null, List.of("SMS", "EMAIL"));
    static final Promotion APP_ONLY = new Promotion("app-15", "app", "15", null, List.of("APP", "WEB"),
                                                    Duration.ofDays(45), null,
                                                    List.of("EMAIL", "MESSENGER", "WHATSAPP", "APP"));
    static final Promotion STORE_VOUCHER = new Promotion("store-5", "shop", null, "5.00", List.of("STORE"),
                                                         Duration.ofDays(40), null, List.of("SMS", "WHATSAPP"));
    static final Promotion FLASH = new Promotion("flash-20", "flash", "20", null, List.of("ALL"), null,
                                                 Duration.ofHours(48), List.of("MESSENGER", "WHATSAPP", "SMS"));
    static final List<Promotion> PROMOTIONS = List.of(WINTER, APP_ONLY, STORE_VOUCHER, FLASH);

    /** Channels a code can be sent on, all of which need marketing consent. */
    static final List<String> MESSAGING = List.of("SMS", "WHATSAPP", "EMAIL", "MESSENGER");
    /** Where a customer opens a chat, and where an agent can take it over. */
    static final List<String> CHAT_CHANNELS = List.of("WEBCHAT", "WHATSAPP", "MESSENGER");
    static final List<String> HANDOVER_TARGETS = List.of("VOICE", "STORE", "VIDEO");
    /** Where customers only look around. */
    static final List<String> BROWSING = List.of("WEB", "APP", "SOCIAL", "MARKETPLACE", "KIOSK", "VIDEO");

    static final List<String> STORES = List.of("store-amsterdam-1", "store-utrecht-2", "store-london-1");

    static final List<String> TOPICS = List.of(
            "Is the winter promo valid in the store?", "Where is my order?", "Can I collect in store tomorrow?",
            "Do you have the boots in size 42?", "How do returns work for sale items?", "My code does not work");
    static final List<String> INBOUND = List.of(
            "Hi, I got a code by SMS this morning. Can I use it in the shop as well?",
            "I put two items in my cart on the website, can I finish the order in the app?",
            "Is the rain jacket back in stock in dark green?", "Can somebody call me about my order please?");
    static final List<String> OUTBOUND = List.of(
            "Yes, the code works in every channel until it expires.",
            "Your cart is the same in the app, you can check out there.",
            "I am handing you over to a colleague who can help you further.", "Thanks, have a nice day!");
    static final List<String> RESOLUTIONS = List.of("answered", "order located", "customer will visit the store",
                                                    "refund arranged");
    static final List<String> RETURN_REASONS = List.of("wrong size", "changed my mind", "damaged on arrival");

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
