package io.journeyengine.journey.conversation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.journeyengine.journey.deadline.JourneyDeadline;
import io.journeyengine.journey.deadline.JourneyDeadlines;

import java.time.Duration;
import java.time.Instant;

/**
 * Deadline payload: conversation {@code conversationId}, last active at {@code lastActivityAt} (touchpoint
 * {@code causedBy}), closes for inactivity at {@code dueAt} unless a message or handover comes first.
 */
public record ConversationIdleDue(String conversationId, Instant dueAt, Instant lastActivityAt, String causedBy)
        implements JourneyDeadline {

    @Override
    @JsonIgnore
    public String deadlineName() {
        return JourneyDeadlines.name(JourneyDeadlines.CONVERSATION_IDLE, conversationId);
    }

    /** The inactivity delay itself: it runs from when the engine heard of the last activity, too. */
    @Override
    @JsonIgnore
    public Duration quietPeriod() {
        return Duration.between(lastActivityAt, dueAt);
    }
}
