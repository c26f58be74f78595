package io.journeyengine.views.timeline;

import java.time.Instant;
import java.util.List;

/** A customer's applied touchpoints, ordered by {@code occurredAt}, then by arrival. */
public record CustomerTimeline(String customerId, List<Entry> touchpoints) {

    /** One applied touchpoint: its id, contract type, channel, business time and what happened. */
    public record Entry(String touchpointId, String type, String channel, Instant occurredAt, String summary) {
    }
}
