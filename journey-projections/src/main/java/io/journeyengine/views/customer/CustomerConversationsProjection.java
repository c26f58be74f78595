package io.journeyengine.views.customer;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.conversation.ConversationClosed;
import io.journeyengine.journey.conversation.ConversationHandedOver;
import io.journeyengine.journey.conversation.ConversationIdleClosed;
import io.journeyengine.journey.conversation.ConversationMessageLogged;
import io.journeyengine.journey.conversation.ConversationStarted;
import io.journeyengine.journey.privacy.PersonalData;
import io.journeyengine.journey.privacy.PersonalDataErased;
import io.journeyengine.views.support.InsertOnce;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The customer's conversations with their history: the channels each has been on and every message. Channel steps
 * and messages are keyed by the event's sequence number, so a redelivered event finds its row.
 */
@Component
@ProcessingGroup(CustomerProfileProjection.GROUP)
public class CustomerConversationsProjection {

    private final JdbcTemplate jdbc;

    public CustomerConversationsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConversationStarted event, @SequenceNumber long sequence) {
        InsertOnce.into("customer_conversation").key("customer_id", event.customerId())
                  .key("conversation_id", event.conversationId())
                  .value("topic", event.topic()).value("closed", false)
                  .value("started_at", Timestamp.from(event.touchpoint().occurredAt()))
                  .value("sequence_number", sequence).run(jdbc);
        moved(event.customerId(), sequence, event.conversationId(), event.touchpoint().channel());
    }

    @EventHandler
    void on(ConversationMessageLogged event, @SequenceNumber long sequence) {
        InsertOnce.into("customer_message").key("customer_id", event.customerId()).key("sequence_number", sequence)
                  .value("conversation_id", event.conversationId()).value("direction", event.direction().name())
                  .value("message_text", event.text()).value("channel", event.touchpoint().channel().name())
                  .value("sent_at", Timestamp.from(event.touchpoint().occurredAt())).run(jdbc);
    }

    @EventHandler
    void on(ConversationHandedOver event, @SequenceNumber long sequence) {
        moved(event.customerId(), sequence, event.conversationId(), event.toChannel());
    }

    @EventHandler
    void on(ConversationClosed event) {
        if (jdbc.update("UPDATE customer_conversation SET closed = TRUE WHERE customer_id = ? AND conversation_id = ?",
                        event.customerId(), event.conversationId()) == 0) {
            // A conversation that came with a merged profile: its row is that profile's, written by another segment
            // (perhaps not yet), so the closing is recorded on its own and read with the family.
            InsertOnce.into("customer_conversation_closed").key("customer_id", event.customerId())
                      .key("conversation_id", event.conversationId()).run(jdbc);
        }
    }

    /** Topics and message texts are the customer's words: unreadable from now on, as in a replay of the events. */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("UPDATE customer_conversation SET topic = ? WHERE customer_id = ?", PersonalData.ERASED,
                    event.customerId());
        jdbc.update("UPDATE customer_message SET message_text = ? WHERE customer_id = ?", PersonalData.ERASED,
                    event.customerId());
    }

    /** Closed by the engine after the idle delay: the same as a close reported by a channel, for the agent. */
    @EventHandler
    void on(ConversationIdleClosed event) {
        jdbc.update("UPDATE customer_conversation SET closed = TRUE WHERE customer_id = ? AND conversation_id = ?",
                    event.customerId(), event.conversationId());
    }

    private void moved(String customerId, long sequence, String conversationId, Channel to) {
        InsertOnce.into("customer_conversation_channel").key("customer_id", customerId)
                  .key("sequence_number", sequence)
                  .value("conversation_id", conversationId).value("channel", to.name()).run(jdbc);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM customer_conversation_closed");
        jdbc.update("DELETE FROM customer_message");
        jdbc.update("DELETE FROM customer_conversation_channel");
        jdbc.update("DELETE FROM customer_conversation");
    }
}
