package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CONVERSATION_STARTED: the customer and an agent started talking about {@code topic}. */
public record StartConversation(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                    String conversationId, String topic) implements TouchpointCommand {
}
