package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.JourneyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The engine closed conversation {@code conversationId} (on {@code channel}) at {@code closedAt}: nothing happened in
 * it since {@code lastActivityAt} for the idle delay ({@code journey.conversation.idle-close-after}). Not a
 * touchpoint: no channel reported it and nobody was contacted.
 */
@Revision("1")
public record ConversationIdleClosed(String customerId, String conversationId, Channel channel,
                                     Instant lastActivityAt, Instant closedAt) implements JourneyEvent {
}
