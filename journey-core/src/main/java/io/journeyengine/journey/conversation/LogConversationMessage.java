package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CONVERSATION_MESSAGE: a message in an open conversation. */
public record LogConversationMessage(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                    String conversationId, MessageDirection direction, String text) implements TouchpointCommand {
}
