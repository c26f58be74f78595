package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.privacy.PersonalData;

/** A message was written in a conversation, on {@code touchpoint.channel}. */
public record ConversationMessageLogged(String customerId, Touchpoint touchpoint, String conversationId,
                                        MessageDirection direction, @PersonalData String text) implements TouchpointEvent {
}
