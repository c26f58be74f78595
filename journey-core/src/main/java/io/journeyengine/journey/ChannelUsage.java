package io.journeyengine.journey;

import io.journeyengine.journey.consent.Consents;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many applied touchpoints the customer has had on each channel (engine reminders included, as the read side
 * counts them): what "the preferred channel" is decided from.
 */
public class ChannelUsage {

    private final Map<Channel, Long> touchpoints = new EnumMap<>(Channel.class);

    public long touchpointsOn(Channel channel) {
        return touchpoints.getOrDefault(channel, 0L);
    }

    /**
     * The channel the engine may send the customer a message on: of the messaging channels
     * ({@link Channel#MESSAGING_PREFERENCE}) with marketing consent in force, the most used; a tie goes to the earlier
     * one in that list. Empty without consent on any of them.
     */
    public Optional<Channel> preferredMessagingChannel(Consents consents) {
        Channel preferred = null;
        for (Channel channel : Channel.MESSAGING_PREFERENCE) {
            if (consents.granted(channel) && (preferred == null || touchpointsOn(channel) > touchpointsOn(preferred))) {
                preferred = channel;
            }
        }
        return Optional.ofNullable(preferred);
    }

    @EventSourcingHandler
    void on(TouchpointEvent event) {
        touchpoints.merge(event.touchpoint().channel(), 1L, Long::sum);
    }
}
