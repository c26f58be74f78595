package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A conversation opened on {@code touchpoint.channel}. */
@Revision("1")
public record ConversationStarted(String customerId, Touchpoint touchpoint, String conversationId,
                                  @PersonalData String topic)
        implements TouchpointEvent {
}
