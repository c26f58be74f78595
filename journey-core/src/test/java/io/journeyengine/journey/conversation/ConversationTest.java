package io.journeyengine.journey.conversation;

import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.Channel.VOICE;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.Channel.WEBCHAT;
import static io.journeyengine.journey.Channel.WHATSAPP;
import static io.journeyengine.journey.JourneyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** CONVERSATION_STARTED, _MESSAGE, _HANDED_OVER and _CLOSED: one conversation that follows the customer. */
class ConversationTest {

    private final Touchpoint start = tp("tp-1", WHATSAPP, 0);

    /** conv-1 about the winter offer, opened on WhatsApp. */
    private Object[] openOnWhatsApp() {
        return new Object[]{started(start), new ConversationStarted(CUSTOMER, start, "conv-1", "winter offer"),
                advanced(start, null, StageRule.CONVERSATION_STARTED)};
    }

    private Object[] closed() {
        Touchpoint close = tp("tp-2", WHATSAPP, 10);
        return new Object[]{started(start), new ConversationStarted(CUSTOMER, start, "conv-1", "winter offer"),
                advanced(start, null, StageRule.CONVERSATION_STARTED),
                new ConversationClosed(CUSTOMER, close, "conv-1", "answered")};
    }

    @Test
    void aConversationStartedByANewCustomerAcquiresThem() {
        fixture().givenNoPriorActivity()
                 .when(new StartConversation(CUSTOMER, start, null, "conv-1", "winter offer"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(started(start), new ConversationStarted(CUSTOMER, start, "conv-1", "winter offer"),
                               advanced(start, null, StageRule.CONVERSATION_STARTED));
    }

    @Test
    void aConversationAfterBrowsingMovesReachToAcquisition() {
        Touchpoint view = tp("tp-1", WEB, 0);
        Touchpoint chat = tp("tp-2", WEBCHAT, 5);
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT))
                 .when(new StartConversation(CUSTOMER, chat, null, "conv-1", "sizes"))
                 .expectEvents(new ConversationStarted(CUSTOMER, chat, "conv-1", "sizes"),
                               advanced(chat, LifecycleStage.REACH, StageRule.CONVERSATION_STARTED));
    }

    @Test
    void startingAConversationTwiceIsRefused() {
        Touchpoint again = tp("tp-2", WHATSAPP, 5);
        fixture().given(openOnWhatsApp())
                 .when(new StartConversation(CUSTOMER, again, null, "conv-1", "winter offer"))
                 .expectException(violation(RuleCode.CONVERSATION_EXISTS, Map.of("conversationId", "conv-1")))
                 .expectNoEvents();
        assertThat(RuleCode.CONVERSATION_EXISTS.conflict).isTrue();
    }

    @Test
    void aMessageIsLoggedInAnOpenConversation() {
        Touchpoint msg = tp("tp-2", WHATSAPP, 1);
        fixture().given(openOnWhatsApp())
                 .when(new LogConversationMessage(CUSTOMER, msg, null, "conv-1", MessageDirection.INBOUND,
                                                  "Does the code work on boots?"))
                 .expectEvents(new ConversationMessageLogged(CUSTOMER, msg, "conv-1", MessageDirection.INBOUND,
                                                             "Does the code work on boots?"));
    }

    @Test
    void aMessageInAnUnknownConversationIsRefused() {
        Touchpoint msg = tp("tp-2", WHATSAPP, 1);
        fixture().given(openOnWhatsApp())
                 .when(new LogConversationMessage(CUSTOMER, msg, null, "conv-9", MessageDirection.INBOUND, "hi"))
                 .expectException(violation(RuleCode.CONVERSATION_NOT_OPEN, Map.of("conversationId", "conv-9")))
                 .expectNoEvents();
        assertThat(RuleCode.CONVERSATION_NOT_OPEN.conflict).isTrue();
    }

    @Test
    void aMessageToANewCustomerIsRefused() {
        fixture().givenNoPriorActivity()
                 .when(new LogConversationMessage(CUSTOMER, start, null, "conv-1", MessageDirection.OUTBOUND, "hi"))
                 .expectException(violation(RuleCode.CONVERSATION_NOT_OPEN))
                 .expectNoEvents();
    }

    @Test
    void aMessageInAClosedConversationIsRefused() {
        Touchpoint msg = tp("tp-3", WHATSAPP, 20);
        fixture().given(closed())
                 .when(new LogConversationMessage(CUSTOMER, msg, null, "conv-1", MessageDirection.INBOUND, "hi"))
                 .expectException(violation(RuleCode.CONVERSATION_NOT_OPEN, Map.of("conversationId", "conv-1")))
                 .expectNoEvents();
    }

    @Test
    void aWhatsAppConversationIsHandedOverToTheStoreUnderTheSameId() {
        Touchpoint handover = tp("tp-2", WHATSAPP, 10);
        fixture().given(openOnWhatsApp())
                 .when(new HandOverConversation(CUSTOMER, handover, null, "conv-1", STORE))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new ConversationHandedOver(CUSTOMER, handover, "conv-1", WHATSAPP, STORE));
    }

    @Test
    void aWebchatIsHandedOverToAVoiceCallUnderTheSameId() {
        Touchpoint chat = tp("tp-1", WEBCHAT, 0);
        Touchpoint handover = tp("tp-2", WEBCHAT, 10);
        fixture().given(started(chat), new ConversationStarted(CUSTOMER, chat, "conv-7", "delivery"),
                        advanced(chat, null, StageRule.CONVERSATION_STARTED))
                 .when(new HandOverConversation(CUSTOMER, handover, null, "conv-7", VOICE))
                 .expectEvents(new ConversationHandedOver(CUSTOMER, handover, "conv-7", WEBCHAT, VOICE));
    }

    @Test
    void aHandedOverConversationGoesOnInItsNewChannel() {
        Touchpoint handover = tp("tp-2", WHATSAPP, 10);
        Touchpoint msg = tp("tp-3", STORE, 30);
        fixture().given(openOnWhatsApp())
                 .andGiven(new ConversationHandedOver(CUSTOMER, handover, "conv-1", WHATSAPP, STORE))
                 .when(new LogConversationMessage(CUSTOMER, msg, null, "conv-1", MessageDirection.OUTBOUND,
                                                  "Welcome, I read your WhatsApp question"))
                 .expectEvents(new ConversationMessageLogged(CUSTOMER, msg, "conv-1", MessageDirection.OUTBOUND,
                                                             "Welcome, I read your WhatsApp question"));
    }

    @Test
    void aHandoverFromAChannelTheConversationIsNotOnIsRefused() {
        Touchpoint handover = tp("tp-2", WEBCHAT, 10);
        fixture().given(openOnWhatsApp())
                 .when(new HandOverConversation(CUSTOMER, handover, null, "conv-1", VOICE))
                 .expectException(violation(RuleCode.CONVERSATION_CHANNEL_MISMATCH,
                                            Map.of("conversationId", "conv-1", "currentChannel", "WHATSAPP")))
                 .expectNoEvents();
        assertThat(RuleCode.CONVERSATION_CHANNEL_MISMATCH.conflict).isTrue();
    }

    @Test
    void aHandoverFromTheChannelAConversationLeftIsRefused() {
        Touchpoint handover = tp("tp-2", WHATSAPP, 10);
        Touchpoint again = tp("tp-3", WHATSAPP, 20);
        fixture().given(openOnWhatsApp())
                 .andGiven(new ConversationHandedOver(CUSTOMER, handover, "conv-1", WHATSAPP, STORE))
                 .when(new HandOverConversation(CUSTOMER, again, null, "conv-1", VOICE))
                 .expectException(violation(RuleCode.CONVERSATION_CHANNEL_MISMATCH,
                                            Map.of("currentChannel", "STORE")))
                 .expectNoEvents();
    }

    @Test
    void aHandoverOfAnUnknownConversationIsRefused() {
        Touchpoint handover = tp("tp-2", WHATSAPP, 10);
        fixture().given(openOnWhatsApp())
                 .when(new HandOverConversation(CUSTOMER, handover, null, "conv-9", STORE))
                 .expectException(violation(RuleCode.CONVERSATION_NOT_OPEN, Map.of("conversationId", "conv-9")))
                 .expectNoEvents();
    }

    @Test
    void aHandoverOfAClosedConversationIsRefused() {
        Touchpoint handover = tp("tp-3", WHATSAPP, 20);
        fixture().given(closed())
                 .when(new HandOverConversation(CUSTOMER, handover, null, "conv-1", STORE))
                 .expectException(violation(RuleCode.CONVERSATION_NOT_OPEN))
                 .expectNoEvents();
    }

    @Test
    void anOpenConversationIsClosed() {
        Touchpoint close = tp("tp-2", WHATSAPP, 10);
        fixture().given(openOnWhatsApp())
                 .when(new CloseConversation(CUSTOMER, close, null, "conv-1", "answered"))
                 .expectEvents(new ConversationClosed(CUSTOMER, close, "conv-1", "answered"));
    }

    @Test
    void closingAnUnknownConversationIsRefused() {
        Touchpoint close = tp("tp-2", WHATSAPP, 10);
        fixture().given(openOnWhatsApp())
                 .when(new CloseConversation(CUSTOMER, close, null, "conv-9", "answered"))
                 .expectException(violation(RuleCode.CONVERSATION_NOT_OPEN))
                 .expectNoEvents();
    }

    @Test
    void closingAClosedConversationIsRefused() {
        Touchpoint close = tp("tp-3", WHATSAPP, 20);
        fixture().given(closed())
                 .when(new CloseConversation(CUSTOMER, close, null, "conv-1", "answered"))
                 .expectException(violation(RuleCode.CONVERSATION_NOT_OPEN))
                 .expectNoEvents();
    }

    @Test
    void aClosedConversationsIdCannotBeStartedAgain() {
        Touchpoint again = tp("tp-3", WHATSAPP, 20);
        fixture().given(closed())
                 .when(new StartConversation(CUSTOMER, again, null, "conv-1", "winter offer"))
                 .expectException(violation(RuleCode.CONVERSATION_EXISTS))
                 .expectNoEvents();
    }
}
