package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CONVERSATION_CLOSED: the conversation ended with {@code resolution}. */
public record CloseConversation(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                    String conversationId, String resolution) implements TouchpointCommand {
}
