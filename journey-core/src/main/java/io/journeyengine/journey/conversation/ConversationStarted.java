package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;

/** A conversation opened on {@code touchpoint.channel}. */
public record ConversationStarted(String customerId, Touchpoint touchpoint, String conversationId, String topic)
        implements TouchpointEvent {
}
