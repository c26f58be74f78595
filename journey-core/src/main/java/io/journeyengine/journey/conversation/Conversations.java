package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.journey.privacy.PersonalData;
import io.journeyengine.journey.privacy.PersonalDataErased;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer's conversations with agents. A conversation keeps its id across a handover, so the WhatsApp thread
 * goes on in the store and the webchat goes on in the call.
 * <p>
 * An open conversation closes by itself after the idle delay without a message or handover
 * ({@link ConversationIdleClosed}); its last activity is the latest {@code occurredAt} of those touchpoints.
 */
public class Conversations {

    private final Map<String, Conversation> byId = new LinkedHashMap<>();
    /** The latest start, message or handover of each conversation. */
    private final Map<String, Touchpoint> lastActivity = new HashMap<>();

    public void checkCanStart(String conversationId) {
        if (byId.containsKey(conversationId)) {
            throw new JourneyRuleViolation(RuleCode.CONVERSATION_EXISTS,
                                           "Conversation " + conversationId + " was already started",
                                           Map.of("conversationId", conversationId));
        }
    }

    public Conversation checkOpen(String conversationId) {
        Conversation conversation = byId.get(conversationId);
        if (conversation == null || !conversation.open()) {
            throw new JourneyRuleViolation(RuleCode.CONVERSATION_NOT_OPEN,
                                           conversation == null
                                                   ? "There is no conversation " + conversationId
                                                   : "Conversation " + conversationId + " is closed",
                                           Map.of("conversationId", conversationId));
        }
        return conversation;
    }

    /** A handover must come from the channel the conversation is on now: an agent cannot hand over what it lacks. */
    public Conversation checkCanHandOver(String conversationId, Channel from) {
        Conversation conversation = checkOpen(conversationId);
        if (conversation.currentChannel() != from) {
            throw new JourneyRuleViolation(RuleCode.CONVERSATION_CHANNEL_MISMATCH,
                                           "Conversation " + conversationId + " is on " + conversation.currentChannel()
                                                   + ", not on " + from,
                                           Map.of("conversationId", conversationId,
                                                  "currentChannel", conversation.currentChannel().name()));
        }
        return conversation;
    }

    public List<Conversation> all() {
        return List.copyOf(byId.values());
    }

    /** The conversations of a merged profile this journey takes: those whose id it does not use already. */
    public List<Conversation> toTake(List<Conversation> theirs) {
        return theirs.stream().filter(c -> !byId.containsKey(c.conversationId())).toList();
    }

    /** A conversation among {@code moved} that went on since it moved here (a message, a handover, closed). */
    public Optional<Conversation> changedSince(List<Conversation> moved) {
        return moved.stream().filter(c -> !c.equals(byId.get(c.conversationId()))).findFirst();
    }

    @EventSourcingHandler
    void on(ProfileMerged event) {
        event.profile().conversations().forEach(c -> {
            byId.put(c.conversationId(), c);
            // Its idle time counts from the merge: the merged profile's last activity does not come with it.
            active(c.conversationId(), event.touchpoint());
        });
    }

    @EventSourcingHandler
    void on(ProfileUnmerged event) {
        event.returned().conversations().forEach(c -> {
            byId.remove(c.conversationId());
            lastActivity.remove(c.conversationId());
        });
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        byId.replaceAll((id, c) -> new Conversation(id, PersonalData.ERASED, c.channels(), c.messages(), c.open()));
    }

    /** The idle closes the open conversations wait for. */
    public List<ConversationIdleDue> idleClosesDue(Duration idleAfter) {
        return byId.values().stream().filter(Conversation::open).map(c -> {
            Touchpoint last = lastActivity.get(c.conversationId());
            return new ConversationIdleDue(c.conversationId(), last.occurredAt().plus(idleAfter), last.occurredAt(),
                                           last.id());
        }).toList();
    }

    /** The conversation {@code due} is about, if it is still open and has been idle since then. */
    public Optional<Conversation> stillIdle(ConversationIdleDue due) {
        return Optional.ofNullable(byId.get(due.conversationId()))
                       .filter(c -> c.open()
                               && lastActivity.get(c.conversationId()).occurredAt().equals(due.lastActivityAt()));
    }

    private void active(String conversationId, Touchpoint touchpoint) {
        lastActivity.merge(conversationId, touchpoint,
                           (old, now) -> now.occurredAt().isAfter(old.occurredAt()) ? now : old);
    }

    @EventSourcingHandler
    void on(ConversationStarted event) {
        byId.put(event.conversationId(), new Conversation(event.conversationId(), event.topic(),
                                                          List.of(event.touchpoint().channel()), 0, true));
        active(event.conversationId(), event.touchpoint());
    }

    @EventSourcingHandler
    void on(ConversationMessageLogged event) {
        byId.computeIfPresent(event.conversationId(), (id, c) -> new Conversation(
                id, c.topic(), c.channels(), c.messages() + 1, c.open()));
        active(event.conversationId(), event.touchpoint());
    }

    @EventSourcingHandler
    void on(ConversationHandedOver event) {
        byId.computeIfPresent(event.conversationId(), (id, c) -> {
            List<Channel> channels = new ArrayList<>(c.channels());
            channels.add(event.toChannel());
            return new Conversation(id, c.topic(), List.copyOf(channels), c.messages(), c.open());
        });
        active(event.conversationId(), event.touchpoint());
    }

    @EventSourcingHandler
    void on(ConversationClosed event) {
        byId.computeIfPresent(event.conversationId(), (id, c) -> new Conversation(
                id, c.topic(), c.channels(), c.messages(), false));
    }

    @EventSourcingHandler
    void on(ConversationIdleClosed event) {
        byId.computeIfPresent(event.conversationId(), (id, c) -> new Conversation(
                id, c.topic(), c.channels(), c.messages(), false));
    }
}
