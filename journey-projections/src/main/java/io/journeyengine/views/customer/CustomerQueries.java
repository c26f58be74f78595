package io.journeyengine.views.customer;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the customer-360 view: one profile, and the paged customer listing. */
@Component
public class CustomerQueries {

    private final JdbcTemplate jdbc;
    private final CustomerHistoryReader history;

    public CustomerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.history = new CustomerHistoryReader(jdbc);
    }

    @QueryHandler
    Optional<CustomerProfile> handle(FindCustomer query) {
        String id = query.customerId();
        List<String> stage = jdbc.query("SELECT stage FROM customer_profile WHERE customer_id = ?",
                                        (rs, n) -> rs.getString(1), id);
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        Map<Channel, Boolean> consents = new EnumMap<>(Channel.class);
        jdbc.query("SELECT channel, granted FROM customer_consent WHERE customer_id = ?",
                   rs -> {
                       consents.put(Channel.valueOf(rs.getString(1)), rs.getBoolean(2));
                   }, id);
        List<CustomerProfile.ChannelUse> channels = jdbc.query(
                "SELECT channel, touchpoints FROM customer_channel WHERE customer_id = ? "
                        + "ORDER BY first_at, first_sequence",
                (rs, n) -> new CustomerProfile.ChannelUse(Channel.valueOf(rs.getString(1)), rs.getLong(2)), id);
        List<String> programmes = jdbc.queryForList(
                "SELECT program_id FROM customer_loyalty WHERE customer_id = ? ORDER BY enrolled_at, program_id",
                String.class, id);
        return Optional.of(new CustomerProfile(id, stage(stage.get(0)), identities(List.of(id)).getOrDefault(id,
                List.of()), consents, history.conversations(id), history.promoCodes(id), history.orders(id), channels,
                programmes));
    }

    @QueryHandler
    CustomerPage handle(FindCustomers query) {
        String where = query.stage() == null ? "" : " WHERE stage = ?";
        Object[] filter = query.stage() == null ? new Object[0] : new Object[]{query.stage().name()};
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM customer_profile" + where, Long.class, filter);
        List<Row> rows = jdbc.query(
                "SELECT customer_id, stage, touchpoints, last_touchpoint_at FROM customer_profile" + where
                        + " ORDER BY customer_id LIMIT " + query.size() + " OFFSET " + (long) query.page() * query.size(),
                (rs, n) -> new Row(rs.getString(1), stage(rs.getString(2)), rs.getLong(3),
                                   rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
                filter);
        List<String> ids = rows.stream().map(Row::customerId).toList();
        Map<String, List<Identity>> identities = identities(ids);
        Map<String, List<Channel>> channels = channels(ids);
        List<CustomerPage.Item> items = rows.stream().map(r -> new CustomerPage.Item(
                r.customerId(), r.stage(), identities.getOrDefault(r.customerId(), List.of()),
                channels.getOrDefault(r.customerId(), List.of()), r.touchpoints(), r.lastTouchpointAt())).toList();
        return new CustomerPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private record Row(String customerId, LifecycleStage stage, long touchpoints, Instant lastTouchpointAt) {
    }

    /** Identities of these customers, each customer's in the order they were first seen. */
    private Map<String, List<Identity>> identities(List<String> customerIds) {
        Map<String, List<Identity>> result = new LinkedHashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.query("SELECT customer_id, identity_type, identity_value FROM customer_identity WHERE customer_id IN ("
                               + placeholders(customerIds) + ") ORDER BY customer_id, sequence_number",
                       rs -> {
                           result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                 .add(new Identity(IdentityType.valueOf(rs.getString(2)), rs.getString(3)));
                       }, customerIds.toArray());
        }
        return result;
    }

    /** Channels of these customers, each customer's in order of first use. */
    private Map<String, List<Channel>> channels(List<String> customerIds) {
        Map<String, List<Channel>> result = new LinkedHashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.query("SELECT customer_id, channel FROM customer_channel WHERE customer_id IN ("
                               + placeholders(customerIds) + ") ORDER BY customer_id, first_at, first_sequence",
                       rs -> {
                           result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                 .add(Channel.valueOf(rs.getString(2)));
                       }, customerIds.toArray());
        }
        return result;
    }

    private static String placeholders(List<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }

    private static LifecycleStage stage(String name) {
        return name == null ? null : LifecycleStage.valueOf(name);
    }
}
