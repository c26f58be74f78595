package io.journeyengine.views.customer;

import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.journey.promotion.PromoCode;
import io.journeyengine.journey.promotion.PromoCodeExpired;

import io.journeyengine.journey.promotion.PromoCodeRedeemed;
import io.journeyengine.journey.promotion.PromoCodeReinstated;
import io.journeyengine.journey.promotion.PromoCodeSent;
import io.journeyengine.views.support.InsertOnce;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The codes sent to the customer, whether one is in use ({@code redeemed_via}) and whether it expired unused
 * ({@code expired}, from {@link PromoCodeExpired}; a redemption reported later clears it). The status shown is
 * decided when the view is read ({@link PromotionStatus}). A redelivered event sets the same values again.
 */
@Component
@ProcessingGroup(CustomerProfileProjection.GROUP)
public class CustomerPromotionsProjection {

    private final JdbcTemplate jdbc;

    public CustomerPromotionsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PromoCodeSent event, @SequenceNumber long sequence) {
        InsertOnce.into("customer_promotion").key("customer_id", event.customerId()).key("code", event.code())
                  .value("promotion_id", event.promotionId()).value("sent_via", event.touchpoint().channel().name())
                  .value("sent_at", Timestamp.from(event.touchpoint().occurredAt()))
                  .value("sequence_number", sequence).value("expires_at", Timestamp.from(event.expiresAt()))
                  .run(jdbc);
    }

    @EventHandler
    void on(PromoCodeRedeemed event) {
        jdbc.update("UPDATE customer_promotion SET redeemed_via = ?, expired = FALSE WHERE customer_id = ? AND code = ?",
                    event.touchpoint().channel().name(), event.customerId(), event.code());
    }

    @EventHandler
    void on(PromoCodeExpired event) {
        jdbc.update("UPDATE customer_promotion SET expired = TRUE WHERE customer_id = ? AND code = ?",
                    event.customerId(), event.code());
    }

    @EventHandler
    void on(PromoCodeReinstated event) {
        jdbc.update("UPDATE customer_promotion SET redeemed_via = NULL WHERE customer_id = ? AND code = ?",
                    event.customerId(), event.code());
    }

    /** The codes a merge moved here are this customer's rows from now on: a redemption here updates them. */
    @EventHandler
    void on(ProfileMerged event, @SequenceNumber long sequence) {
        for (PromoCode code : event.profile().promoCodes()) {
            InsertOnce.into("customer_promotion").key("customer_id", event.customerId()).key("code", code.code())
                      .value("promotion_id", code.promotionId()).value("sent_via", code.sentVia().name())
                      .value("sent_at", Timestamp.from(code.sentAt()))
                      .value("sequence_number", sequence).value("expires_at", Timestamp.from(code.expiresAt()))
                      .value("redeemed_via", code.redemption() == null ? null : code.redemption().via().name())
                      .run(jdbc);
        }
    }

    @EventHandler
    void on(ProfileUnmerged event) {
        event.returned().promoCodes().forEach(code -> jdbc.update(
                "DELETE FROM customer_promotion WHERE customer_id = ? AND code = ?", event.customerId(), code.code()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM customer_promotion");
    }
}
