package io.journeyengine.api.simulation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The touchpoints of one simulated customer, written as a story of episodes (a code by SMS redeemed at the till, a
 * web cart finished in the app, a WhatsApp chat handed over to a call, a return, a loyalty enrolment ...), each step
 * reported by the channel where it happened. Some steps are reported late (a till that was offline, a gateway that
 * reports in bulk), some are sent twice, and some are refused on purpose; {@link StoryState} says how the engine must
 * answer each one.
 */
final class CustomerStory {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Share of late-capable steps reported late, and of applied steps sent a second time. */
    private static final double LATE_SHARE = 0.12;
    private static final double RESEND_SHARE = 0.04;
    private static final int MAX_STEPS = 34;

    private enum Addressing {
        /** The channels know the customer id; the first touchpoint also brings an identity. */
        NAMED,
        /** A web visitor known only by a cookie: every touchpoint names the cookie, the engine names the customer. */
        ANONYMOUS,
        /** An app account: the customer id only; identities come through IDENTITY_LINKED. */
        ACCOUNT
    }

    private final Random random;
    private final String run;
    private final int index;
    private final Instant start;
    private final Instant end;
    private final Addressing addressing;
    private final String currency;
    /** A customer who stays in one channel: a web browser who never buys elsewhere, a store-only shopper. */
    private final boolean singleChannel;
    private final StoryState state = new StoryState();
    private final List<PlannedTouchpoint> planned = new ArrayList<>();
    private final List<String> linkedTypes = new ArrayList<>();
    private Instant clock;
    private Instant latestOccurred;
    private int steps;
    private int counter;

    CustomerStory(Simulation.Settings settings, int index) {
        this.random = new Random(scramble(settings.seed() * 0x9E3779B97F4A7C15L + index));
        this.run = settings.run();
        this.index = index;
        this.start = settings.start();
        this.end = settings.start().plus(Simulation.SPAN);
        double who = random.nextDouble();
        this.singleChannel = who < 0.12;
        this.addressing = who < 0.65 ? Addressing.NAMED : who < 0.85 ? Addressing.ANONYMOUS : Addressing.ACCOUNT;
        this.currency = random.nextDouble() < 0.15 ? "GBP" : "EUR";
        this.clock = start.plusMillis((long) (random.nextDouble() * Duration.ofDays(12).toMillis()));
        if (addressing == Addressing.ANONYMOUS) {
            linkedTypes.add("COOKIE_ID"); // every touchpoint already names the cookie
        }
    }

    List<PlannedTouchpoint> write() {
        if (singleChannel) {
            oneChannel();
            return sorted();
        }
        entry();
        int episodes = 1 + random.nextInt(5);
        for (int i = 0; i < episodes && clock.isBefore(end) && planned.size() < MAX_STEPS; i++) {
            advance(Duration.ofHours(2), Duration.ofDays(3));
            episode();
        }
        if (random.nextDouble() < 0.55) {
            advance(Duration.ofMinutes(5), Duration.ofHours(12));
            provokeRefusal();
        }
        return sorted();
    }

    private List<PlannedTouchpoint> sorted() {
        planned.sort(Comparator.comparing(PlannedTouchpoint::sendAt).thenComparing(PlannedTouchpoint::sequence));
        return planned;
    }

    String customerId() {
        return addressing == Addressing.ANONYMOUS ? null : String.format(Locale.ROOT, "sim-%s-%05d", run, index);
    }

    // ---- episodes -------------------------------------------------------------------------------------------

    private void entry() {
        if (addressing == Addressing.ANONYMOUS) {
            emit("PRODUCT_VIEWED", "WEB", data("sku", product().sku()), null);
            if (random.nextDouble() < 0.6) {
                webCartToApp(null);
            }
            return;
        }
        int roll = random.nextInt(100);
        if (roll < 35) {
            promoToStore();
        } else if (roll < 65) {
            webCartToApp(null);
        } else if (roll < 85) {
            conversation();
        } else {
            browse();
        }
    }

    /** Half of them only look around the web shop (and sometimes buy there), half only buy at the till. */
    private void oneChannel() {
        if (random.nextBoolean()) {
            browseIn("WEB");
            if (random.nextBoolean()) {
                addToCart("WEB", currency);
                if (random.nextBoolean()) {
                    advance(Duration.ofMinutes(2), Duration.ofMinutes(30));
                    checkout("WEB", null, false);
                }
            }
            return;
        }
        int visits = 1 + random.nextInt(3);
        for (int i = 0; i < visits; i++) {
            storePurchase(null);
            advance(Duration.ofDays(1), Duration.ofDays(6));
        }
        if (random.nextDouble() < 0.4) {
            emit("LOYALTY_ENROLLED", "STORE", data("programId", "club-plus"), floor());
        }
    }

    private void episode() {
        int roll = random.nextInt(100);
        if (roll < 20) {
            promoToStore();
        } else if (roll < 40) {
            webCartToApp(null);
        } else if (roll < 55) {
            conversation();
        } else if (roll < 65) {
            storeVisit();
        } else if (roll < 77) {
            afterSales();
        } else if (roll < 85) {
            loyalty();
        } else if (roll < 93) {
            linkIdentity();
        } else if (roll < 97) {
            browse();
        } else {
            changeConsent(Catalogue.pick(random, Catalogue.MESSAGING));
        }
    }

    /** A personal code by SMS, e-mail, WhatsApp or Messenger, mostly redeemed at a store till. */
    private void promoToStore() {
        int roll = random.nextInt(100);
        Catalogue.Promotion promotion = roll < 40 ? Catalogue.WINTER : roll < 60 ? Catalogue.FLASH
                : roll < 80 ? Catalogue.STORE_VOUCHER : Catalogue.APP_ONLY;
        String via = Catalogue.pick(random, promotion.sentVia());
        if (!state.consented(via)) {
            changeConsent(via);
            advance(Duration.ofMinutes(1), Duration.ofHours(2));
        }
        String code = sendCode(promotion, via);
        if (code == null) {
            return;
        }
        if (random.nextDouble() < 0.4) {
            advance(Duration.ofMinutes(5), Duration.ofHours(6));
            emit("PRODUCT_VIEWED", Catalogue.pick(random, List.of("WEB", "APP")), data("sku", product().sku()),
                 floor());
        }
        boolean tooLate = promotion == Catalogue.FLASH && random.nextDouble() < 0.25;
        advance(tooLate ? Duration.ofHours(50) : Duration.ofHours(1), tooLate ? Duration.ofDays(4) : Duration.ofHours(40));
        if (promotion.validOn("STORE") && random.nextDouble() < 0.7) {
            storePurchase(code);
        } else if (random.nextDouble() < 0.6) {
            webCartToApp(code);
        }
    }

    /** Items added on the website, the same cart continued in the app: bought there, or left behind. */
    private void webCartToApp(String code) {
        emit("PRODUCT_VIEWED", "WEB", data("sku", product().sku()), floor());
        int adds = 1 + random.nextInt(3);
        for (int i = 0; i < adds; i++) {
            advance(Duration.ofSeconds(20), Duration.ofMinutes(15));
            addToCart("WEB", currency);
        }
        advance(Duration.ofHours(1), Duration.ofHours(20));
        if (random.nextBoolean()) {
            emit("PRODUCT_VIEWED", "APP", data("sku", product().sku()), floor());
            advance(Duration.ofSeconds(10), Duration.ofMinutes(5));
        }
        if (random.nextBoolean()) {
            addToCart("APP", currency);
            advance(Duration.ofSeconds(10), Duration.ofMinutes(5));
        }
        if (random.nextDouble() < 0.25 && !state.cart().isEmpty()) {
            String sku = Catalogue.pick(random, List.copyOf(state.cart().keySet()));
            emit("CART_ITEM_REMOVED", "APP", data("sku", sku).put("quantity", 1 + random.nextInt(state.held(sku))),
                 null);
            advance(Duration.ofSeconds(10), Duration.ofMinutes(5));
        }
        if (random.nextDouble() < (code == null ? 0.6 : 0.85)) {
            advance(Duration.ofMinutes(5), Duration.ofHours(2));
            checkout(random.nextDouble() < 0.7 ? "APP" : "WEB", code, true);
        }
    }

    private void checkout(String channel, String code, boolean pickupAllowed) {
        if (state.cart().isEmpty()) {
            return;
        }
        boolean pickup = pickupAllowed && random.nextDouble() < 0.4;
        String orderId = channel.toLowerCase(Locale.ROOT) + "-" + run + "-" + index + "-" + (++counter);
        ObjectNode data = data("orderId", orderId).put("fulfilment", pickup ? "STORE_PICKUP" : "DELIVERY");
        if (pickup) {
            data.put("storeId", Catalogue.pick(random, Catalogue.STORES));
        }
        StoryState.Code usable = code == null ? null : state.code(code);
        if (usable != null && usable.usableAt(clock, channel, state.cartCurrency())) {
            data.put("promoCode", code);
        }
        String answer = emit("CHECKOUT_COMPLETED", channel, data, null);
        if (pickup && StoryState.APPLIED.equals(answer) && random.nextDouble() < 0.8) {
            advance(Duration.ofHours(20), Duration.ofDays(3));
            pickUp(orderId);
        }
    }

    /** A chat on WhatsApp, webchat or Messenger, often handed over to a call, a video call or a store associate. */
    private void conversation() {
        String channel = Catalogue.pick(random, Catalogue.CHAT_CHANNELS);
        String id = "conv-" + run + "-" + index + "-" + (++counter);
        emit("CONVERSATION_STARTED", channel,
             data("conversationId", id).put("topic", Catalogue.pick(random, Catalogue.TOPICS)), floor());
        int messages = 1 + random.nextInt(3);
        for (int i = 0; i < messages; i++) {
            advance(Duration.ofSeconds(30), Duration.ofMinutes(10));
            message(id, channel, i % 2 == 0 ? "INBOUND" : "OUTBOUND");
        }
        if (random.nextDouble() < 0.6) {
            advance(Duration.ofMinutes(1), Duration.ofMinutes(30));
            String to = Catalogue.pick(random, Catalogue.HANDOVER_TARGETS);
            emit("CONVERSATION_HANDED_OVER", channel, data("conversationId", id).put("toChannel", to), null);
            channel = to;
            advance(Duration.ofMinutes(1), Duration.ofMinutes(20));
            message(id, channel, "OUTBOUND");
        }
        if (random.nextDouble() < 0.75) {
            advance(Duration.ofMinutes(1), Duration.ofHours(3));
            emit("CONVERSATION_CLOSED", channel,
                 data("conversationId", id).put("resolution", Catalogue.pick(random, Catalogue.RESOLUTIONS)), null);
        }
    }

    /** A till purchase, with a code the customer received in another channel when one is valid in the store. */
    private void storeVisit() {
        String code = state.codes().stream().filter(c -> c.usableAt(clock, "STORE", currency))
                           .map(StoryState.Code::code).findFirst().orElse(null);
        storePurchase(random.nextBoolean() ? code : null);
    }

    /** A pickup or a return, and a code given back by the return used again. */
    private void afterSales() {
        List<StoryState.Order> pickups = state.orders().stream()
                .filter(o -> "STORE_PICKUP".equals(o.fulfilment()) && !o.pickedUp()).toList();
        if (!pickups.isEmpty()) {
            pickUp(pickups.get(0).id());
            advance(Duration.ofMinutes(10), Duration.ofDays(2));
        }
        List<StoryState.Order> returnable = state.orders().stream().filter(o -> !o.returned()).toList();
        if (returnable.isEmpty() || random.nextDouble() < 0.3) {
            return;
        }
        StoryState.Order order = Catalogue.pick(random, returnable);
        boolean inStore = random.nextDouble() < 0.6;
        ObjectNode data = data("orderId", order.id()).put("reason", Catalogue.pick(random, Catalogue.RETURN_REASONS));
        if (inStore) {
            data.put("storeId", Catalogue.pick(random, Catalogue.STORES));
        }
        emit("ORDER_RETURNED", inStore ? "STORE" : "WEB", data, order.at().plusSeconds(1));
        if (random.nextBoolean()) {
            advance(Duration.ofHours(1), Duration.ofDays(2));
            storeVisit();
        }
    }

    private void loyalty() {
        String programme = state.enrolled("club-plus") ? "club-gold" : "club-plus";
        emit("LOYALTY_ENROLLED", random.nextDouble() < 0.6 ? "STORE" : "APP", data("programId", programme), floor());
        if (random.nextDouble() < 0.4 && !linkedTypes.contains("LOYALTY_CARD")) {
            advance(Duration.ofSeconds(30), Duration.ofMinutes(5));
            link("LOYALTY_CARD", "STORE");
        }
    }

    private void linkIdentity() {
        List<String> types = new ArrayList<>(List.of("EMAIL", "PHONE", "DEVICE_ID", "COOKIE_ID"));
        types.removeAll(linkedTypes);
        if (!types.isEmpty()) {
            String type = Catalogue.pick(random, types);
            link(type, type.equals("COOKIE_ID") ? "WEB" : Catalogue.pick(random, List.of("APP", "WEB", "STORE")));
        }
    }

    private void browse() {
        browseIn(null);
    }

    /** One to three product views, in {@code channel} or wherever customers browse when it is null. */
    private void browseIn(String channel) {
        int views = 1 + random.nextInt(3);
        for (int i = 0; i < views; i++) {
            emit("PRODUCT_VIEWED", channel != null ? channel : Catalogue.pick(random, Catalogue.BROWSING),
                 data("sku", product().sku()), floor());
            advance(Duration.ofSeconds(20), Duration.ofHours(4));
        }
    }

    /** Grants marketing consent for {@code channel}, or withdraws it when it is granted. */
    private void changeConsent(String channel) {
        String reportedOn = Catalogue.pick(random, List.of(channel, "WEB", "APP", "STORE"));
        emit("CONSENT_CHANGED", reportedOn, data("channel", channel).put("granted", !state.consented(channel)),
             floor());
    }

    // ---- refusals the engine must give ----------------------------------------------------------------------

    /** One touchpoint that breaks a rule (a second redemption, a message on a closed chat ...). */
    private void provokeRefusal() {
        if (!state.started()) {
            return;
        }
        List<Runnable> options = new ArrayList<>();
        state.codes().stream().filter(c -> c.redeemedBy() != null).findFirst()
             .ifPresent(c -> options.add(() -> storePurchase(c.code())));
        state.closedConversations().stream().findFirst().ifPresent(id -> options.add(
                () -> message(id, Catalogue.pick(random, Catalogue.CHAT_CHANNELS), "INBOUND")));
        state.openConversations().stream().findFirst().ifPresent(id -> options.add(() -> emit(
                "CONVERSATION_HANDED_OVER", state.conversationChannel(id).equals("SMS") ? "EMAIL" : "SMS",
                data("conversationId", id).put("toChannel", "VOICE"), null)));
        options.add(() -> emit("CART_ITEM_REMOVED", "APP", data("sku", "BEANIE").put("quantity",
                                                                                    state.held("BEANIE") + 1), null));
        options.add(() -> emit("ORDER_RETURNED", "STORE", data("orderId", "till-unknown-" + index)
                .put("reason", "no receipt"), null));
        options.add(() -> storePurchase("NOPE-" + index));
        Catalogue.MESSAGING.stream().filter(c -> !state.consented(c)).findFirst()
                           .ifPresent(c -> options.add(() -> sendCode(Catalogue.WINTER, c)));
        if (state.cart().isEmpty()) {
            options.add(() -> emit("CHECKOUT_COMPLETED", "APP",
                                   data("orderId", "app-empty-" + index).put("fulfilment", "DELIVERY"), null));
        } else {
            options.add(() -> addToCart("WEB", "USD"));
        }
        state.orders().stream().filter(o -> o.fulfilment() == null || o.fulfilment().equals("DELIVERY")).findFirst()
             .ifPresent(o -> options.add(() -> pickUp(o.id())));
        state.orders().stream().filter(StoryState.Order::returned).findFirst().ifPresent(o -> options.add(
                () -> emit("ORDER_RETURNED", "WEB", data("orderId", o.id()).put("reason", "again"), null)));
        state.codes().stream().filter(c -> c.promotion() == Catalogue.APP_ONLY && c.redeemedBy() == null).findFirst()
             .ifPresent(c -> options.add(() -> storePurchase(c.code())));
        state.codes().stream().findFirst().ifPresent(c -> options.add(() -> emit(
                "PROMO_CODE_SENT", Catalogue.MESSAGING.stream().filter(state::consented).findFirst().orElse("SMS"),
                codeData(c.promotion(), c.code()), null)));
        if (state.enrolled("club-plus")) {
            options.add(() -> emit("LOYALTY_ENROLLED", "APP", data("programId", "club-plus"), null));
        }
        Catalogue.pick(random, options).run();
    }

    // ---- single touchpoints ---------------------------------------------------------------------------------

    private String sendCode(Catalogue.Promotion promotion, String via) {
        String code = promotion.prefix() + "-" + run + "-" + index + "-" + (++counter);
        code = random.nextDouble() < 0.3 ? code.toLowerCase(Locale.ROOT) : code.toUpperCase(Locale.ROOT);
        String answer = emit("PROMO_CODE_SENT", via, codeData(promotion, code), floor());
        return StoryState.APPLIED.equals(answer) ? code : null;
    }

    private ObjectNode codeData(Catalogue.Promotion promotion, String code) {
        ObjectNode data = data("promotionId", promotion.id()).put("code", code);
        if (promotion.percent() != null) {
            data.put("discountPercent", Integer.parseInt(promotion.percent()));
        } else {
            data.put("discountAmount", promotion.amount()).put("currency", "EUR");
        }
        ArrayNode valid = data.putArray("validChannels");
        promotion.validChannels().forEach(valid::add);
        Instant expiresAt = promotion.lifetime() == null ? start.plus(promotion.expiresAfterStart())
                : clock.plus(promotion.lifetime());
        return data.put("expiresAt", expiresAt.toString());
    }

    private void storePurchase(String code) {
        ObjectNode data = data("orderId", "till-" + run + "-" + index + "-" + (++counter))
                .put("storeId", Catalogue.pick(random, Catalogue.STORES));
        ArrayNode items = data.putArray("items");
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            Catalogue.Product product = product();
            items.addObject().put("sku", product.sku()).put("quantity", 1 + random.nextInt(2))
                 .put("unitPrice", product.price(currency)).put("currency", currency);
        }
        if (code != null) {
            data.put("promoCode", code);
        }
        StoryState.Code sent = code == null ? null : state.code(code);
        emit("IN_STORE_PURCHASE", "STORE", data, sent == null ? floor() : sent.sentAt().plusSeconds(1));
    }

    private void addToCart(String channel, String itemCurrency) {
        Catalogue.Product product = product();
        String price = "USD".equals(itemCurrency) ? "10.00" : product.price(itemCurrency);
        Instant floor = state.lastCheckoutAt() == null ? floor() : state.lastCheckoutAt().plusSeconds(1);
        emit("CART_ITEM_ADDED", channel, data("sku", product.sku()).put("quantity", 1 + random.nextInt(3))
                .put("unitPrice", price).put("currency", itemCurrency), floor);
    }

    private void message(String conversationId, String channel, String direction) {
        String text = Catalogue.pick(random, "INBOUND".equals(direction) ? Catalogue.INBOUND : Catalogue.OUTBOUND);
        emit("CONVERSATION_MESSAGE", channel,
             data("conversationId", conversationId).put("direction", direction).put("text", text), null);
    }

    private void pickUp(String orderId) {
        StoryState.Order order = state.orders().stream().filter(o -> o.id().equals(orderId)).findFirst().orElse(null);
        emit("ORDER_PICKED_UP", "STORE", data("orderId", orderId).put("storeId", Catalogue.pick(random, Catalogue.STORES)),
             order == null ? null : order.at().plusSeconds(1));
    }

    private void link(String type, String channel) {
        linkedTypes.add(type);
        emit("IDENTITY_LINKED", channel, data("type", type).put("value", identityValue(type)), floor());
    }

    /**
     * Sends one step. {@code floor} non-null makes it eligible for late reporting: its {@code occurredAt} may then lie
     * up to three days before the time it is reported, but never before {@code floor} (a return before its purchase
     * would be nonsense).
     *
     * @return how the engine must answer it
     */
    private String emit(String type, String channel, ObjectNode data, Instant floor) {
        Instant occurredAt = clock;
        if (floor != null && random.nextDouble() < LATE_SHARE) {
            Instant early = clock.minusMillis(Duration.ofMinutes(30).toMillis()
                                                      + (long) (random.nextDouble() * Duration.ofDays(3).toMillis()));
            occurredAt = early.isBefore(floor) ? floor : early;
            occurredAt = occurredAt.isAfter(clock) ? clock : occurredAt;
        }
        Step step = new Step(type, channel, occurredAt, data);
        String expected = state.decide(step);
        if (StoryState.APPLIED.equals(expected)) {
            state.apply(step);
        }
        boolean late = latestOccurred != null && occurredAt.isBefore(latestOccurred);
        ObjectNode body = envelope(step);
        planned.add(new PlannedTouchpoint(body, expected, clock, index, planned.size(), late));
        if (StoryState.APPLIED.equals(expected)) {
            latestOccurred = latestOccurred == null || occurredAt.isAfter(latestOccurred) ? occurredAt : latestOccurred;
            if (random.nextDouble() < RESEND_SHARE) {
                // The channel did not see the answer and sends the same touchpoint again, soon or much later.
                Instant resendAt = clock.plusMillis((long) (random.nextDouble() * Duration.ofHours(30).toMillis()));
                planned.add(new PlannedTouchpoint(body.deepCopy(), "DUPLICATE", resendAt, index, planned.size(),
                                                  false));
            }
        }
        return expected;
    }

    private ObjectNode envelope(Step step) {
        int number = steps++;
        ObjectNode body = JSON.objectNode();
        body.put("touchpointId", String.format(Locale.ROOT, "sim-%s-%05d-%03d", run, index, number));
        if (addressing != Addressing.ANONYMOUS) {
            body.put("customerId", customerId());
        }
        String identityType = switch (addressing) {
            case ANONYMOUS -> "COOKIE_ID";
            case NAMED -> number == 0 || random.nextDouble() < 0.15 ? identityTypeFor(step.channel()) : null;
            case ACCOUNT -> null;
        };
        if (identityType != null) {
            body.putObject("identity").put("type", identityType).put("value", identityValue(identityType));
        }
        body.put("channel", step.channel()).put("occurredAt", step.occurredAt().toString()).put("type", step.type());
        body.set("data", step.data());
        return body;
    }

    private static String identityTypeFor(String channel) {
        return switch (channel) {
            case "SMS", "WHATSAPP", "VOICE" -> "PHONE";
            case "EMAIL" -> "EMAIL";
            case "APP" -> "DEVICE_ID";
            case "STORE", "KIOSK" -> "LOYALTY_CARD";
            default -> "COOKIE_ID";
        };
    }

    /** This customer's identity of {@code type}, written as channels write it (spaces in phones, capitals in mail). */
    private String identityValue(String type) {
        return switch (type) {
            case "PHONE" -> String.format(Locale.ROOT, "+31 6 %03d %05d", Math.floorMod(run.hashCode(), 1000), index);
            case "EMAIL" -> "Klant." + run + "." + index + "@Example.com";
            case "DEVICE_ID" -> "dev-" + run + "-" + index;
            case "LOYALTY_CARD" -> "LC-" + run.toUpperCase(Locale.ROOT) + "-" + index;
            default -> "ck-" + run + "-" + index;
        };
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void advance(Duration min, Duration max) {
        if (random.nextDouble() < 0.02) {
            return; // now and then two touchpoints share their instant; arrival order decides between them
        }
        long span = max.toMillis() - min.toMillis();
        clock = clock.plusMillis(min.toMillis() + (long) (random.nextDouble() * span));
    }

    /** The earliest instant a late step may claim: a few days before the story's start is plausible. */
    private Instant floor() {
        return start.minus(Duration.ofDays(2));
    }

    private Catalogue.Product product() {
        return Catalogue.pick(random, Catalogue.PRODUCTS);
    }

    /**
     * SplitMix64's finaliser: {@link Random}'s first draws for neighbouring seeds are nearly equal, which would give
     * every customer the same persona.
     */
    private static long scramble(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static ObjectNode data(String field, String value) {
        return JSON.objectNode().put(field, value);
    }
}
