package io.journeyengine.views.customer;

import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.journey.order.CheckoutCompleted;
import io.journeyengine.journey.order.Order;
import io.journeyengine.journey.order.InStorePurchaseMade;
import io.journeyengine.journey.order.OrderLine;
import io.journeyengine.journey.order.OrderPickedUp;
import io.journeyengine.journey.order.OrderReturned;
import io.journeyengine.journey.order.Purchase;
import io.journeyengine.views.support.InsertOnce;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/** The customer's orders, online and at the till, with pickup and return. Keyed by order id, set never counted. */
@Component
@ProcessingGroup(CustomerProfileProjection.GROUP)
public class CustomerOrdersProjection {

    /** The fulfilment shown for a till basket, which the customer took home at once. */
    public static final String IN_STORE = "IN_STORE";

    private final JdbcTemplate jdbc;

    public CustomerOrdersProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CheckoutCompleted event, @SequenceNumber long sequence) {
        placed(event, sequence, event.fulfilment().name(), event.storeId());
    }

    @EventHandler
    void on(InStorePurchaseMade event, @SequenceNumber long sequence) {
        placed(event, sequence, IN_STORE, event.storeId());
    }

    @EventHandler
    void on(OrderPickedUp event) {
        jdbc.update("UPDATE customer_order SET picked_up = TRUE WHERE customer_id = ? AND order_id = ?",
                    event.customerId(), event.orderId());
    }

    @EventHandler
    void on(OrderReturned event) {
        jdbc.update("UPDATE customer_order SET returned = TRUE WHERE customer_id = ? AND order_id = ?",
                    event.customerId(), event.orderId());
    }

    /** The orders a merge moved here are this customer's rows from now on: a pickup or return here updates them. */
    @EventHandler
    void on(ProfileMerged event, @SequenceNumber long sequence) {
        for (Order order : event.profile().orders()) {
            insert(event.customerId(), order.orderId(), sequence, order.channel().name(), order.placedAt(),
                   order.currency(), order.total(), order.promoCode(),
                   order.fulfilment() == null ? IN_STORE : order.fulfilment().name(), order.storeId(),
                   order.pickedUp(), order.returned(), order.lines());
        }
    }

    @EventHandler
    void on(ProfileUnmerged event) {
        for (Order order : event.returned().orders()) {
            jdbc.update("DELETE FROM customer_order_line WHERE customer_id = ? AND order_id = ?", event.customerId(),
                        order.orderId());
            jdbc.update("DELETE FROM customer_order WHERE customer_id = ? AND order_id = ?", event.customerId(),
                        order.orderId());
        }
    }

    private void placed(Purchase purchase, long sequence, String fulfilment, String storeId) {
        insert(purchase.customerId(), purchase.orderId(), sequence, purchase.touchpoint().channel().name(),
               purchase.touchpoint().occurredAt(), purchase.currency(), purchase.total(), purchase.promoCode(),
               fulfilment, storeId, false, false, purchase.lines());
    }

    private void insert(String customerId, String orderId, long sequence, String channel, java.time.Instant placedAt,
                        String currency, java.math.BigDecimal total, String promoCode, String fulfilment,
                        String storeId, boolean pickedUp, boolean returned, List<OrderLine> lines) {
        InsertOnce.into("customer_order").key("customer_id", customerId).key("order_id", orderId)
                  .value("sequence_number", sequence).value("channel", channel)
                  .value("placed_at", Timestamp.from(placedAt))
                  .value("currency", currency).value("total", total)
                  .value("promo_code", promoCode).value("fulfilment", fulfilment)
                  .value("store_id", storeId).value("picked_up", pickedUp).value("returned", returned).run(jdbc);
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            InsertOnce.into("customer_order_line").key("customer_id", customerId)
                      .key("order_id", orderId).key("line_number", i)
                      .value("sku", line.sku()).value("quantity", line.quantity())
                      .value("unit_price", line.unitPrice()).run(jdbc);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM customer_order_line");
        jdbc.update("DELETE FROM customer_order");
    }
}
