package io.journeyengine.journey.consent;

import io.journeyengine.journey.Channel;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Marketing consent per channel.
 * <p>
 * Touchpoints may arrive late, so the consent in force is the one with the latest {@code occurredAt}, not the last
 * one received: a withdrawal made on Wednesday beats a grant made on Tuesday, and a withdrawal made on Monday but
 * reported only on Wednesday does not override that Tuesday grant.
 */
public class Consents {

    private record Decision(boolean granted, Instant at) {
    }

    private final Map<Channel, Decision> byChannel = new EnumMap<>(Channel.class);

    public boolean granted(Channel channel) {
        Decision decision = byChannel.get(channel);
        return decision != null && decision.granted();
    }

    public Map<Channel, Boolean> asMap() {
        Map<Channel, Boolean> result = new EnumMap<>(Channel.class);
        byChannel.forEach((channel, decision) -> result.put(channel, decision.granted()));
        return result;
    }

    @EventSourcingHandler
    void on(ConsentChanged event) {
        Instant at = event.touchpoint().occurredAt();
        Decision current = byChannel.get(event.consentChannel());
        if (current == null || !at.isBefore(current.at())) {
            byChannel.put(event.consentChannel(), new Decision(event.granted(), at));
        }
    }
}
