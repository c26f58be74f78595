package io.journeyengine.views.cart;

import io.journeyengine.journey.JourneyStarted;
import io.journeyengine.journey.Money;
import io.journeyengine.journey.cart.CartItemAdded;
import io.journeyengine.journey.cart.CartItemRemoved;
import io.journeyengine.journey.cart.CartLine;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.journey.order.CheckoutCompleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cross-channel cart, kept in {@code cart_view} and {@code cart_view_line}: what the web shop added is what the
 * app shows. Events of one customer arrive in order (Axon's default sequencing per aggregate); each handler first
 * claims the event's sequence number, so an event delivered a second time changes nothing.
 * <p>
 * A merge carries the lines it set in the survivor's cart (the merged cart's lines, the larger quantity where both
 * held a product), and an unmerge the lines as they are again; the merged profile's own cart is left as it was.
 */
@Component
@ProcessingGroup(CartProjection.GROUP)
public class CartProjection {

    public static final String GROUP = "cart";

    private final JdbcTemplate jdbc;

    public CartProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JourneyStarted event, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO cart_view (customer_id, currency, updated_at, last_sequence) "
                            + "SELECT ?, NULL, NULL, ? WHERE NOT EXISTS (SELECT 1 FROM cart_view WHERE customer_id = ?)",
                    event.customerId(), sequence, event.customerId());
    }

    @EventHandler
    void on(CartItemAdded event, @SequenceNumber long sequence) {
        if (!claim(event.customerId(), sequence)) {
            return;
        }
        Timestamp at = Timestamp.from(event.touchpoint().occurredAt());
        int updated = jdbc.update("UPDATE cart_view_line SET quantity = quantity + ?, unit_price = ? "
                                          + "WHERE customer_id = ? AND sku = ?",
                                  event.quantity(), event.unitPrice(), event.customerId(), event.sku());
        if (updated == 0) {
            jdbc.update("INSERT INTO cart_view_line (customer_id, sku, quantity, unit_price, added_via, added_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)",
                        event.customerId(), event.sku(), event.quantity(), event.unitPrice(),
                        event.touchpoint().channel().name(), at);
        }
        touch(event.customerId(), event.currency(), event.touchpoint().occurredAt());
    }

    @EventHandler
    void on(CartItemRemoved event, @SequenceNumber long sequence) {
        if (!claim(event.customerId(), sequence)) {
            return;
        }
        jdbc.update("UPDATE cart_view_line SET quantity = quantity - ? WHERE customer_id = ? AND sku = ?",
                    event.quantity(), event.customerId(), event.sku());
        jdbc.update("DELETE FROM cart_view_line WHERE customer_id = ? AND sku = ? AND quantity <= 0",
                    event.customerId(), event.sku());
        touch(event.customerId(), hasLines(event.customerId()) ? currencyOf(event.customerId()) : null,
              event.touchpoint().occurredAt());
    }

    @EventHandler
    void on(CheckoutCompleted event, @SequenceNumber long sequence) {
        if (!claim(event.customerId(), sequence)) {
            return;
        }
        jdbc.update("DELETE FROM cart_view_line WHERE customer_id = ?", event.customerId());
        touch(event.customerId(), null, event.touchpoint().occurredAt());
    }

    @EventHandler
    void on(ProfileMerged event, @SequenceNumber long sequence) {
        if (claim(event.customerId(), sequence) && !event.cartLines().isEmpty()) {
            setLines(event.customerId(), event.cartLines(), event.touchpoint().occurredAt());
        }
    }

    @EventHandler
    void on(ProfileUnmerged event, @SequenceNumber long sequence) {
        if (claim(event.customerId(), sequence) && !event.cartLines().isEmpty()) {
            setLines(event.customerId(), event.cartLines(), event.at());
        }
    }

    private void setLines(String customerId, List<CartLine> lines, Instant at) {
        for (CartLine line : lines) {
            if (line.quantity() <= 0) {
                jdbc.update("DELETE FROM cart_view_line WHERE customer_id = ? AND sku = ?", customerId, line.sku());
            } else if (jdbc.update("UPDATE cart_view_line SET quantity = ?, unit_price = ? WHERE customer_id = ? "
                                           + "AND sku = ?", line.quantity(), line.unitPrice(), customerId,
                                   line.sku()) == 0) {
                jdbc.update("INSERT INTO cart_view_line (customer_id, sku, quantity, unit_price, added_via, added_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?)", customerId, line.sku(), line.quantity(),
                            line.unitPrice(), line.addedVia().name(), Timestamp.from(at));
            }
        }
        touch(customerId, hasLines(customerId) ? lines.get(0).currency() : null, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM cart_view_line");
        jdbc.update("DELETE FROM cart_view");
    }

    @QueryHandler
    Optional<CartView> handle(FindCart query) {
        List<CartHeader> headers = jdbc.query(
                "SELECT currency, updated_at FROM cart_view WHERE customer_id = ?",
                (rs, n) -> new CartHeader(rs.getString(1), instant(rs.getTimestamp(2))), query.customerId());
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        CartHeader header = headers.get(0);
        List<CartView.Line> lines = jdbc.query(
                "SELECT sku, quantity, unit_price, added_via FROM cart_view_line WHERE customer_id = ? "
                        + "ORDER BY added_at, sku",
                (rs, n) -> new CartView.Line(rs.getString(1), rs.getInt(2),
                                             money(rs.getBigDecimal(3), header.currency()), rs.getString(4)),
                query.customerId());
        String total = header.currency() == null
                ? "0.00"
                : Money.round(CartView.sum(lines), header.currency()).toPlainString();
        return Optional.of(new CartView(query.customerId(), header.currency(), lines, total, header.updatedAt()));
    }

    private record CartHeader(String currency, Instant updatedAt) {
    }

    /** Moves the customer's high-water mark to {@code sequence}; false when the event was applied before. */
    private boolean claim(String customerId, long sequence) {
        return jdbc.update("UPDATE cart_view SET last_sequence = ? WHERE customer_id = ? AND last_sequence < ?",
                           sequence, customerId, sequence) == 1;
    }

    private void touch(String customerId, String currency, Instant at) {
        // updated_at is the latest business time of a cart change: a late touchpoint does not move it back.
        jdbc.update("UPDATE cart_view SET currency = ?, updated_at = CASE WHEN updated_at IS NULL OR updated_at < ? "
                            + "THEN ? ELSE updated_at END WHERE customer_id = ?",
                    currency, Timestamp.from(at), Timestamp.from(at), customerId);
    }

    private boolean hasLines(String customerId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cart_view_line WHERE customer_id = ?", Integer.class,
                                        customerId);
        return n != null && n > 0;
    }

    private String currencyOf(String customerId) {
        return jdbc.queryForObject("SELECT currency FROM cart_view WHERE customer_id = ?", String.class, customerId);
    }

    private static String money(BigDecimal amount, String currency) {
        return currency == null ? amount.toPlainString() : Money.round(amount, currency).toPlainString();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
