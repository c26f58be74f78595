package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.privacy.PersonalData;

/** A conversation opened on {@code touchpoint.channel}. */
public record ConversationStarted(String customerId, Touchpoint touchpoint, String conversationId,
                                  @PersonalData String topic)
        implements TouchpointEvent {
}
