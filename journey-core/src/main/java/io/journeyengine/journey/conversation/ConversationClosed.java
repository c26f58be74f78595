package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The conversation ended with {@code resolution}. */
@Revision("1")
public record ConversationClosed(String customerId, Touchpoint touchpoint, String conversationId,
                                 @PersonalData String resolution)
        implements TouchpointEvent {
}
