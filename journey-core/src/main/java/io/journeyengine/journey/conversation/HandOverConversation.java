package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CONVERSATION_HANDED_OVER: the conversation moves from {@code touchpoint.channel} to {@code toChannel}, keeping its history and topic. */
public record HandOverConversation(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                    String conversationId, Channel toChannel) implements TouchpointCommand {
}
