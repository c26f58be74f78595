package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.privacy.PersonalData;

/** The conversation ended with {@code resolution}. */
public record ConversationClosed(String customerId, Touchpoint touchpoint, String conversationId,
                                 @PersonalData String resolution)
        implements TouchpointEvent {
}
