package io.journeyengine.views.customer;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Money;
import io.journeyengine.journey.conversation.MessageDirection;
import io.journeyengine.views.support.Family;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what happened with one customer from the customer-360 tables: conversations, codes and orders, each oldest
 * first by {@code occurredAt}, then arrival.
 */
final class CustomerHistoryReader {

    private final JdbcTemplate jdbc;

    CustomerHistoryReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The family's conversations: a conversation that came with a merged profile is that profile's row, and what
     * happened to it since (messages, handovers, closing) is in the survivor's rows, so all of them are read.
     */
    List<CustomerProfile.Conversation> conversations(List<String> family) {
        String in = " IN (" + Family.placeholders(family) + ")";
        Object[] ids = family.toArray();
        Map<String, List<Channel>> channels = new HashMap<>();
        jdbc.query("SELECT conversation_id, channel FROM customer_conversation_channel WHERE customer_id" + in
                           + " ORDER BY sequence_number, customer_id",
                   rs -> {
                       channels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                               .add(Channel.valueOf(rs.getString(2)));
                   }, ids);
        Map<String, List<CustomerProfile.Message>> messages = new HashMap<>();
        jdbc.query("SELECT conversation_id, direction, message_text, channel, sent_at FROM customer_message "
                           + "WHERE customer_id" + in + " ORDER BY sent_at, sequence_number, customer_id",
                   rs -> {
                       messages.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                               .add(new CustomerProfile.Message(MessageDirection.valueOf(rs.getString(2)),
                                                                rs.getString(3), Channel.valueOf(rs.getString(4)),
                                                                instant(rs, 5)));
                   }, ids);
        Set<String> closed = new HashSet<>(jdbc.queryForList(
                "SELECT conversation_id FROM customer_conversation_closed WHERE customer_id" + in, String.class, ids));
        Map<String, CustomerProfile.Conversation> byId = new LinkedHashMap<>();
        jdbc.query("SELECT conversation_id, topic, closed FROM customer_conversation WHERE customer_id" + in
                           + " ORDER BY started_at, sequence_number",
                   rs -> {
                       String id = rs.getString(1);
                       // An id used by two profiles of the family: the conversation read first stays.
                       byId.putIfAbsent(id, new CustomerProfile.Conversation(
                               id, rs.getString(2), channels.getOrDefault(id, List.of()),
                               !rs.getBoolean(3) && !closed.contains(id), messages.getOrDefault(id, List.of())));
                   }, ids);
        return new ArrayList<>(byId.values());
    }

    List<CustomerProfile.PromoCode> promoCodes(String customerId) {
        return jdbc.query("SELECT promotion_id, code, sent_via, expires_at, redeemed_via, expired "
                                  + "FROM customer_promotion WHERE customer_id = ? ORDER BY sent_at, sequence_number",
                          (rs, n) -> new CustomerProfile.PromoCode(rs.getString(1), rs.getString(2),
                                                                   Channel.valueOf(rs.getString(3)), instant(rs, 4),
                                                                   channel(rs.getString(5)), rs.getBoolean(6)),
                          customerId);
    }

    List<CustomerProfile.Order> orders(String customerId) {
        Map<String, List<CustomerProfile.Item>> items = new HashMap<>();
        jdbc.query("SELECT l.order_id, l.sku, l.quantity, l.unit_price, o.currency FROM customer_order_line l "
                           + "JOIN customer_order o ON o.customer_id = l.customer_id AND o.order_id = l.order_id "
                           + "WHERE l.customer_id = ? ORDER BY l.order_id, l.line_number",
                   rs -> {
                       items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new CustomerProfile.Item(rs.getString(2), rs.getInt(3),
                                                          money(rs.getBigDecimal(4), rs.getString(5))));
                   }, customerId);
        return jdbc.query("SELECT order_id, channel, placed_at, total, currency, promo_code, fulfilment, store_id, "
                                  + "picked_up, returned FROM customer_order WHERE customer_id = ? "
                                  + "ORDER BY placed_at, sequence_number",
                          (rs, n) -> new CustomerProfile.Order(
                                  rs.getString(1), Channel.valueOf(rs.getString(2)), instant(rs, 3),
                                  items.getOrDefault(rs.getString(1), List.of()),
                                  money(rs.getBigDecimal(4), rs.getString(5)), rs.getString(5), rs.getString(6),
                                  rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10)),
                          customerId);
    }

    private static String money(BigDecimal amount, String currency) {
        return Money.round(amount, currency).toPlainString();
    }

    private static Channel channel(String name) {
        return name == null ? null : Channel.valueOf(name);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
