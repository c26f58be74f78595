package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A message was written in a conversation, on {@code touchpoint.channel}. */
@Revision("1")
public record ConversationMessageLogged(String customerId, Touchpoint touchpoint, String conversationId,
                                        MessageDirection direction, @PersonalData String text) implements TouchpointEvent {
}
