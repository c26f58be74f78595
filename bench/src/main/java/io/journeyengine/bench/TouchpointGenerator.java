package io.journeyengine.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic touchpoints (DESIGN.md, "Ingest") for a fixed set of customers, handed out round-robin: touchpoint
 * {@code i} belongs to customer {@code i % customers} and is step {@code i / customers} of that customer's script.
 * <p>
 * Each customer follows the same ten-step script, repeated: a web visit with a cookie, marketing consent, a cart
 * add, a WhatsApp conversation and a message in it, a promo code by SMS (which needs the consent), an app visit,
 * another cart add, an e-mail identity and a cart removal. A step only depends on earlier steps of the same
 * customer (message after conversation, promo after consent, removal after add), and those are always
 * {@code customers} touchpoints earlier in the stream, so with far fewer requests in flight than customers every
 * touchpoint is valid and answers APPLIED. Touchpoint ids are unique per run and prefix.
 */
final class TouchpointGenerator {

    static final int SCRIPT_LENGTH = 10;

    private static final String[] PRODUCTS = {
            "trail running shoes", "merino base layer", "insulated water bottle", "noise cancelling headphones",
            "espresso machine", "cast iron skillet", "yoga mat", "rain jacket", "smart watch", "desk lamp"};
    private static final String[] TOPICS = {
            "Is the winter promo valid online?", "Where is my order?", "Can I pick up in store tomorrow?",
            "Do you have this in size 42?", "How do returns work for sale items?"};
    private static final String[] MESSAGES = {
            "Hi, I got a code by SMS this morning. Can I use it on the website as well, or only in the shop?",
            "I added two items to my cart on the website yesterday but I would rather collect them in store.",
            "Could you tell me whether the rain jacket comes in dark green, and if so when it will be back in stock?",
            "My order number is in the confirmation mail; I would like to change the delivery address please."};

    private final String run;
    private final String prefix;
    private final int customers;
    private final Instant base;
    private long next;

    /**
     * @param run       run id, part of every customer and touchpoint id
     * @param prefix    separates customer sets of one run (measured customers vs warm-up customers)
     * @param customers number of distinct customers
     */
    TouchpointGenerator(String run, String prefix, int customers) {
        this.run = run;
        this.prefix = prefix;
        this.customers = customers;
        // Business time a few hours in the past, advancing per step: well inside the engine's future-skew limit.
        this.base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(6, ChronoUnit.HOURS);
    }

    String customerId(int n) {
        return "bench-" + run + "-" + prefix + n;
    }

    /** The next {@code count} touchpoints of the round-robin stream, one JSON object each. */
    List<String> next(int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long index = next++;
            bodies.add(touchpoint((int) (index % customers), (int) (index / customers)));
        }
        return bodies;
    }

    /** Index of the next touchpoint of the stream. */
    long position() {
        return next;
    }

    /**
     * Moves the stream to {@code index}: after a phase that stopped at its time limit, the touchpoints it did not send
     * are handed out again, so no customer misses a step that a later step depends on.
     */
    void seek(long index) {
        next = index;
    }

    /** Groups consecutive touchpoints into JSON arrays of {@code size}. */
    static List<String> batches(List<String> touchpoints, int size) {
        List<String> batches = new ArrayList<>();
        for (int from = 0; from + size <= touchpoints.size(); from += size) {
            StringBuilder array = new StringBuilder(size * 500).append('[');
            for (int i = from; i < from + size; i++) {
                if (i > from) {
                    array.append(',');
                }
                array.append(touchpoints.get(i));
            }
            batches.add(array.append(']').toString());
        }
        return batches;
    }

    String touchpoint(int n, int step) {
        int cycle = step / SCRIPT_LENGTH;
        int h = mix(n * 31 + step);
        String customerId = customerId(n);
        String touchpointId = "tp-" + run + "-" + prefix + n + "-" + step;
        // Business time: minutes apart per step, spread over the customers so they do not all share a second.
        Instant occurredAt = base.plusSeconds(step * 60L + (n % 3600));
        String sku = "SKU-" + (10000 + Math.floorMod(h, 5000));
        String product = PRODUCTS[Math.floorMod(h, PRODUCTS.length)];
        String conversationId = "conv-" + run + "-" + prefix + n + "-" + cycle;
        StringBuilder b = new StringBuilder(420);
        String channel;
        String type;
        String data;
        boolean withCookie = false;
        switch (step % SCRIPT_LENGTH) {
            case 0 -> {
                channel = "WEB";
                type = "PRODUCT_VIEWED";
                data = "{\"sku\":\"" + sku + "\"}";
                withCookie = true;
            }
            case 1 -> {
                channel = "WEB";
                type = "CONSENT_CHANGED";
                data = "{\"channel\":\"SMS\",\"granted\":true}";
                withCookie = true;
            }
            case 2 -> {
                channel = "WEB";
                type = "CART_ITEM_ADDED";
                data = "{\"sku\":\"" + cartSku(n, cycle) + "\",\"quantity\":" + (1 + Math.floorMod(h, 3))
                        + ",\"unitPrice\":\"" + (9 + Math.floorMod(h, 90)) + ".99\",\"currency\":\"EUR\"}";
                withCookie = true;
            }
            case 3 -> {
                channel = "WHATSAPP";
                type = "CONVERSATION_STARTED";
                data = "{\"conversationId\":\"" + conversationId + "\",\"topic\":\""
                        + TOPICS[Math.floorMod(h, TOPICS.length)] + "\"}";
            }
            case 4 -> {
                channel = "WHATSAPP";
                type = "CONVERSATION_MESSAGE";
                data = "{\"conversationId\":\"" + conversationId + "\",\"direction\":\"INBOUND\",\"text\":\""
                        + MESSAGES[Math.floorMod(h, MESSAGES.length)] + " (" + product + ")\"}";
            }
            case 5 -> {
                channel = "SMS";
                type = "PROMO_CODE_SENT";
                data = "{\"promotionId\":\"winter-10\",\"code\":\"B" + run.toUpperCase() + "-"
                        + prefix.toUpperCase() + n + "-" + cycle + "\",\"discountPercent\":10,"
                        + "\"validChannels\":[\"ALL\"],\"expiresAt\":\"" + base.plus(30, ChronoUnit.DAYS) + "\"}";
            }
            case 6 -> {
                channel = "APP";
                type = "PRODUCT_VIEWED";
                data = "{\"sku\":\"" + sku + "\"}";
            }
            case 7 -> {
                channel = "APP";
                type = "CART_ITEM_ADDED";
                data = "{\"sku\":\"" + sku + "\",\"quantity\":1,\"unitPrice\":\"" + (19 + Math.floorMod(h, 180))
                        + ".50\",\"currency\":\"EUR\"}";
            }
            case 8 -> {
                channel = "APP";
                type = "IDENTITY_LINKED";
                data = "{\"type\":\"EMAIL\",\"value\":\"Bench." + run + "." + prefix + n + "." + cycle
                        + "@Example.com\"}";
            }
            default -> {
                channel = "APP";
                type = "CART_ITEM_REMOVED";
                data = "{\"sku\":\"" + cartSku(n, cycle) + "\",\"quantity\":1}";
            }
        }
        b.append("{\"touchpointId\":\"").append(touchpointId)
         .append("\",\"customerId\":\"").append(customerId).append('"');
        if (withCookie) {
            b.append(",\"identity\":{\"type\":\"COOKIE_ID\",\"value\":\"ck-").append(run).append('-')
             .append(prefix).append(n).append("\"}");
        }
        b.append(",\"channel\":\"").append(channel)
         .append("\",\"occurredAt\":\"").append(occurredAt)
         .append("\",\"type\":\"").append(type)
         .append("\",\"data\":").append(data).append('}');
        return b.toString();
    }

    /** The product of the web cart add of a cycle, removed again at the end of that cycle. */
    private static String cartSku(int n, int cycle) {
        return "SKU-" + (20000 + Math.floorMod(mix(n * 7 + cycle), 5000));
    }

    private static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }
}
