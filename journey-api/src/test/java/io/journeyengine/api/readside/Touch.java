package io.journeyengine.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.simulation.Outcome;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One applied touchpoint as the test knows it: the body it sent and the customer the answer named. {@code arrival}
 * is its place in the order of sending, which for one customer is the engine's order of arrival.
 */
record Touch(String id, String customerId, String type, String channel, Instant occurredAt, long arrival,
             JsonNode data, JsonNode identity) {

    /** DESIGN.md: a customer's touchpoints are ordered by occurredAt, then by arrival. */
    static final Comparator<Touch> BUSINESS_ORDER =
            Comparator.comparing(Touch::occurredAt).thenComparingLong(Touch::arrival);

    /** The channels in DESIGN.md's order, which every list of channels follows. */
    static final List<String> CHANNELS = List.of("SMS", "WHATSAPP", "EMAIL", "WEB", "APP", "STORE", "MESSENGER",
                                                 "WEBCHAT", "VOICE", "VIDEO", "SOCIAL", "MARKETPLACE", "KIOSK");
    static final Comparator<String> CHANNEL_ORDER = Comparator.comparingInt(CHANNELS::indexOf);

    static Touch of(Outcome outcome, long arrival) {
        JsonNode body = outcome.planned().body();
        return new Touch(body.get("touchpointId").asText(), outcome.customerId(), body.get("type").asText(),
                         body.get("channel").asText(), Instant.parse(body.get("occurredAt").asText()), arrival,
                         body.path("data"), body.get("identity"));
    }

    String text(String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }

    boolean isPurchase() {
        return type.equals("CHECKOUT_COMPLETED") || type.equals("IN_STORE_PURCHASE");
    }

    boolean within(Window window) {
        return window.contains(occurredAt);
    }

    /** A promo code as the engine compares codes: trimmed, upper case. */
    static String code(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
    }
}
