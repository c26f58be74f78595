package io.journeyengine.views.customer;

import io.journeyengine.journey.consent.ConsentChanged;
import io.journeyengine.journey.identity.IdentityEvent;
import io.journeyengine.journey.loyalty.LoyaltyEnrolled;
import io.journeyengine.journey.merge.ProfileUnmerged;
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
import java.util.List;
import java.util.Map;

/**
 * How to reach the customer: identities (captured or linked), marketing consent per channel (the decision in force,
 * and every decision for the consent history), loyalty memberships. Every row is set, never counted, so a
 * redelivered event leaves it as it was.
 */
@Component
@ProcessingGroup(CustomerProfileProjection.GROUP)
public class CustomerContactsProjection {

    private final JdbcTemplate jdbc;

    public CustomerContactsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IdentityEvent event, @SequenceNumber long sequence) {
        InsertOnce.into("customer_identity").key("customer_id", event.customerId())
                  .key("identity_type", event.identity().type().name())
                  .key("identity_value", event.identity().value())
                  .value("sequence_number", sequence).run(jdbc);
    }

    @EventHandler
    void on(ConsentChanged event, @SequenceNumber long sequence) {
        InsertOnce.into("customer_consent_change").key("customer_id", event.customerId())
                  .key("sequence_number", sequence)
                  .value("channel", event.consentChannel().name()).value("granted", event.granted())
                  .value("decided_at", Timestamp.from(event.touchpoint().occurredAt()))
                  .value("reported_via", event.touchpoint().channel().name())
                  .value("touchpoint_id", event.touchpoint().id()).run(jdbc);
        // As in the journey: the decision with the latest occurredAt is in force; at the same time, the later arrival.
        Timestamp at = Timestamp.from(event.touchpoint().occurredAt());
        String channel = event.consentChannel().name();
        int updated = jdbc.update("UPDATE customer_consent SET granted = ?, decided_at = ? "
                                          + "WHERE customer_id = ? AND channel = ? AND decided_at <= ?",
                                  event.granted(), at, event.customerId(), channel, at);
        if (updated == 0) {
            InsertOnce.into("customer_consent").key("customer_id", event.customerId()).key("channel", channel)
                      .value("granted", event.granted()).value("decided_at", at).run(jdbc);
        }
    }

    @EventHandler
    void on(LoyaltyEnrolled event) {
        InsertOnce.into("customer_loyalty").key("customer_id", event.customerId())
                  .key("program_id", event.programId())
                  .value("enrolled_at", Timestamp.from(event.touchpoint().occurredAt())).run(jdbc);
    }

    @EventHandler
    void on(ProfileUnmerged event) {
        // The survivor may have linked an identity of the merged profile itself (the link that caused the merge):
        // every identity that goes back leaves the survivor's rows.
        event.returned().identities().forEach(identity -> jdbc.update(
                "DELETE FROM customer_identity WHERE customer_id = ? AND identity_type = ? AND identity_value = ?",
                event.customerId(), identity.type().name(), identity.value()));
    }

    /**
     * The identity values are unreadable from now on: one row per identity type remains, as a replay of the erased
     * events gives (every value reads [erased] then), and the consent decisions stay, since they hold no personal data.
     */
    @EventHandler
    void on(PersonalDataErased event) {
        List<Map<String, Object>> types = jdbc.queryForList(
                "SELECT identity_type, MIN(sequence_number) AS first_seen FROM customer_identity WHERE customer_id = ? "
                        + "GROUP BY identity_type", event.customerId());
        jdbc.update("DELETE FROM customer_identity WHERE customer_id = ?", event.customerId());
        for (Map<String, Object> type : types) {
            jdbc.update("INSERT INTO customer_identity (customer_id, identity_type, identity_value, sequence_number) "
                                + "VALUES (?, ?, ?, ?)", event.customerId(), type.get("identity_type"),
                        PersonalData.ERASED, type.get("first_seen"));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM customer_identity");
        jdbc.update("DELETE FROM customer_consent");
        jdbc.update("DELETE FROM customer_consent_change");
        jdbc.update("DELETE FROM customer_loyalty");
    }
}
