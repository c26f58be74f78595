package io.journeyengine.journey.conversation;

import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.deadline.JourneyTimings;
import io.journeyengine.journey.lifecycle.StageRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.Channel.VOICE;
import static io.journeyengine.journey.Channel.WEBCHAT;
import static io.journeyengine.journey.Channel.WHATSAPP;
import static io.journeyengine.journey.JourneyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations across channels: a handover keeps the id, the history and the topic; an open conversation without a
 * message or handover for the idle delay (7 days here) closes by itself, rescheduled on every message.
 */
class ConversationIdleTest {

    private static final Duration WEEK = Duration.ofDays(7);

    private final Touchpoint start = tp("tp-start", WHATSAPP, 0);
    private final Touchpoint message = tp("tp-msg", WHATSAPP, 5);

    private static StartConversation startOn(Touchpoint tp, String id) {
        return new StartConversation(CUSTOMER, tp, null, id, "winter offer");
    }

    private static LogConversationMessage write(Touchpoint tp, String id) {
        return new LogConversationMessage(CUSTOMER, tp, null, id, MessageDirection.INBOUND, "still there?");
    }

    private static ConversationIdleDue idle(String id, Touchpoint last, Duration after) {
        Instant at = last.occurredAt();
        return new ConversationIdleDue(id, at.plus(after), at, last.id());
    }

    @Test
    void startingAConversationSchedulesItsIdleClose() {
        fixture().givenCurrentTime(T0)
                 .when(startOn(start, "conv-1"))
                 .expectScheduledDeadline(start.occurredAt().plus(WEEK), idle("conv-1", start, WEEK))
                 .expectScheduledDeadlineWithName(start.occurredAt().plus(WEEK), "conversation-idle:conv-1");
    }

    @Test
    void everyMessageReschedulesIt() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(startOn(start, "conv-1"))
                 .when(write(message, "conv-1"))
                 .expectScheduledDeadline(message.occurredAt().plus(WEEK), idle("conv-1", message, WEEK))
                 .expectNoScheduledDeadline(start.occurredAt().plus(WEEK), idle("conv-1", start, WEEK));
    }

    @Test
    void aLateMessageDoesNotPostponeIt() {
        Touchpoint late = tp("tp-late", WHATSAPP, 2);
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(startOn(start, "conv-1"), write(message, "conv-1"))
                 .when(write(late, "conv-1"))
                 .expectScheduledDeadline(message.occurredAt().plus(WEEK), idle("conv-1", message, WEEK))
                 .expectNoScheduledDeadline(late.occurredAt().plus(WEEK), idle("conv-1", late, WEEK));
    }

    @Test
    void aHandoverKeepsIdHistoryAndTopicAndReschedulesTheIdleClose() {
        Touchpoint handover = tp("tp-handover", WHATSAPP, 30);
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(startOn(start, "conv-1"), write(message, "conv-1"))
                 .when(new HandOverConversation(CUSTOMER, handover, null, "conv-1", STORE))
                 .expectEvents(new ConversationHandedOver(CUSTOMER, handover, "conv-1", WHATSAPP, STORE))
                 .expectScheduledDeadline(handover.occurredAt().plus(WEEK), idle("conv-1", handover, WEEK))
                 .expectState(journey -> assertThat(journey.conversations().all()).containsExactly(
                         new Conversation("conv-1", "winter offer", List.of(WHATSAPP, STORE), 1, true)));
    }

    @Test
    void theConversationGoesOnInTheNewChannelUnderTheSameId() {
        Touchpoint handover = tp("tp-handover", WEBCHAT, 30);
        Touchpoint onTheCall = tp("tp-call", VOICE, 40);
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(new StartConversation(CUSTOMER, tp("tp-chat", WEBCHAT, 0), null, "conv-1",
                                                         "sizes"),
                                   new HandOverConversation(CUSTOMER, handover, null, "conv-1", VOICE))
                 .when(write(onTheCall, "conv-1"))
                 .expectSuccessfulHandlerExecution()
                 .expectState(journey -> assertThat(journey.conversations().all()).containsExactly(
                         new Conversation("conv-1", "sizes", List.of(WEBCHAT, VOICE), 1, true)));
    }

    @Test
    void closingTheConversationCancelsTheIdleClose() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(startOn(start, "conv-1"))
                 .when(new CloseConversation(CUSTOMER, message, null, "conv-1", "answered"))
                 .expectNoScheduledDeadlines();
    }

    @Test
    void anIdleConversationClosesByItself() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(startOn(start, "conv-1"), write(message, "conv-1"))
                 .whenThenTimeElapses(Duration.ofDays(8))
                 .expectDeadlinesMet(idle("conv-1", message, WEEK))
                 .expectEvents(new ConversationIdleClosed(CUSTOMER, "conv-1", WHATSAPP, message.occurredAt(),
                                                          message.occurredAt().plus(WEEK)))
                 .expectNoScheduledDeadlines()
                 .expectState(journey -> assertThat(journey.conversations().all().get(0).open()).isFalse());
    }

    @Test
    void itStaysOpenUntilTheDelayHasPassed() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(startOn(start, "conv-1"), write(message, "conv-1"))
                 .whenThenTimeAdvancesTo(message.occurredAt().plus(WEEK).minusSeconds(1))
                 .expectNoEvents();
    }

    @Test
    void theDelayIsConfigurable() {
        fixture(new JourneyTimings(Duration.ofHours(3), Duration.ofDays(1))).givenCurrentTime(T0)
                 .andGivenCommands(startOn(start, "conv-1"))
                 .whenThenTimeElapses(Duration.ofDays(2))
                 .expectEvents(new ConversationIdleClosed(CUSTOMER, "conv-1", WHATSAPP, start.occurredAt(),
                                                          start.occurredAt().plus(Duration.ofDays(1))));
    }

    @Test
    void eachConversationWaitsForItsOwnIdleClose() {
        Touchpoint other = tp("tp-other", WEBCHAT, 10);
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(startOn(start, "conv-1"),
                                   new StartConversation(CUSTOMER, other, null, "conv-2", "returns"))
                 .when(new CloseConversation(CUSTOMER, message, null, "conv-1", "answered"))
                 .expectNoScheduledDeadlineWithName(start.occurredAt().plus(WEEK), "conversation-idle:conv-1")
                 .expectScheduledDeadline(other.occurredAt().plus(WEEK), idle("conv-2", other, WEEK));
    }

    @Test
    void aConversationClosedForInactivityTakesNoMoreMessages() {
        fixture().given(started(start), new ConversationStarted(CUSTOMER, start, "conv-1", "winter offer"),
                        advanced(start, null, StageRule.CONVERSATION_STARTED),
                        new ConversationIdleClosed(CUSTOMER, "conv-1", WHATSAPP, start.occurredAt(),
                                                   start.occurredAt().plus(WEEK)))
                 .when(write(tp("tp-late", WHATSAPP, 8 * 24 * 60), "conv-1"))
                 .expectException(violation(RuleCode.CONVERSATION_NOT_OPEN))
                 .expectNoEvents();
    }
}
