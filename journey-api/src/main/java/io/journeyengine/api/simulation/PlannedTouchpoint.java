package io.journeyengine.api.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A touchpoint the simulation will send, and the answer it must get.
 *
 * @param body     the JSON envelope exactly as sent
 * @param expected {@code APPLIED}, {@code DUPLICATE} (a resend) or the rule code that must refuse it
 * @param sendAt   simulated time at which the channel reports it; the stream is sent in this order
 * @param customer index of the simulated customer, which keeps one customer's touchpoints in story order
 * @param sequence position in that customer's story
 * @param late     whether it happened before a touchpoint of the same customer that was reported earlier
 */
public record PlannedTouchpoint(ObjectNode body, String expected, Instant sendAt, int customer, int sequence,
                                boolean late) {

    public String touchpointId() {
        return body.get("touchpointId").asText();
    }

    public String type() {
        return body.get("type").asText();
    }

    public boolean isResend() {
        return "DUPLICATE".equals(expected);
    }
}
