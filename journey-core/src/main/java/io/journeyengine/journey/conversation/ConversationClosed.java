package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;

/** The conversation ended with {@code resolution}. */
public record ConversationClosed(String customerId, Touchpoint touchpoint, String conversationId, String resolution)
        implements TouchpointEvent {
}
