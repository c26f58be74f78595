package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

/** The conversation moved from {@code fromChannel} to {@code toChannel}; its history and topic moved with it. */
@Revision("1")
public record ConversationHandedOver(String customerId, Touchpoint touchpoint, String conversationId,
                                     Channel fromChannel, Channel toChannel) implements TouchpointEvent {
}
