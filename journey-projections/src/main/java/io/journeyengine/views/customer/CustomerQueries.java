package io.journeyengine.views.customer;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.views.support.Family;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the customer-360 view: one profile, and the paged customer listing.
 * <p>
 * A customer is read together with the profiles merged into it (its family, {@code customer_merge}): identities,
 * consents, conversations, loyalty programmes, channels and touchpoint counts are the union of the family's rows.
 * Codes and orders are the customer's own rows, since a merge copies those it moves.
 */
@Component
public class CustomerQueries {

    private static final String MERGES = "customer_merge";

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
        List<String> family = Family.of(jdbc, MERGES, id);
        List<String> programmes = new ArrayList<>(new LinkedHashSet<>(jdbc.queryForList(
                "SELECT program_id FROM customer_loyalty WHERE customer_id IN (" + Family.placeholders(family)
                        + ") ORDER BY enrolled_at, program_id", String.class, family.toArray())));
        return Optional.of(new CustomerProfile(id, stage(stage.get(0)), identities(family), consents(family),
                                               consentHistory(family), history.conversations(family), history.promoCodes(id),
                                               history.orders(id), channelUse(family), programmes,
                                               mergedProfiles(id)));
    }

    @QueryHandler
    CustomerPage handle(FindCustomers query) {
        // A merged-away profile is not a customer: its survivor is listed, with the merged profile's touchpoints.
        String where = " WHERE merged_into IS NULL" + (query.stage() == null ? "" : " AND stage = ?")
                + (query.customerId() == null ? "" : " AND customer_id = ?");
        List<Object> arguments = new ArrayList<>();
        if (query.stage() != null) {
            arguments.add(query.stage().name());
        }
        if (query.customerId() != null) {
            arguments.add(query.customerId());
        }
        Object[] filter = arguments.toArray();
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM customer_profile" + where, Long.class, filter);
        List<String> ids = jdbc.queryForList(
                "SELECT customer_id FROM customer_profile" + where + " ORDER BY customer_id LIMIT " + query.size()
                        + " OFFSET " + (long) query.page() * query.size(), String.class, filter);
        List<CustomerPage.Item> items = new ArrayList<>(ids.size());
        for (String id : ids) {
            List<String> family = Family.of(jdbc, MERGES, id);
            Row row = totals(id, family);
            items.add(new CustomerPage.Item(id, row.stage(), identities(family),
                                            channelUse(family).stream().map(CustomerProfile.ChannelUse::channel)
                                                              .toList(),
                                            row.touchpoints(), row.lastTouchpointAt()));
        }
        return new CustomerPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private record Row(LifecycleStage stage, long touchpoints, Instant lastTouchpointAt) {
    }

    /** The customer's stage, and the touchpoints of its family: how many, and the latest occurredAt. */
    private Row totals(String customerId, List<String> family) {
        String stage = jdbc.queryForObject("SELECT stage FROM customer_profile WHERE customer_id = ?", String.class,
                                           customerId);
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(touchpoints), 0), MAX(last_touchpoint_at) FROM customer_profile "
                        + "WHERE customer_id IN (" + Family.placeholders(family) + ")",
                (rs, n) -> new Row(stage(stage), rs.getLong(1), instant(rs.getTimestamp(2))), family.toArray());
    }

    /** The family's identities, each profile's in the order they were first seen, the survivor's first. */
    private List<Identity> identities(List<String> family) {
        Map<String, List<Identity>> byCustomer = new HashMap<>();
        jdbc.query("SELECT customer_id, identity_type, identity_value FROM customer_identity WHERE customer_id IN ("
                           + Family.placeholders(family) + ") ORDER BY customer_id, sequence_number",
                   rs -> {
                       byCustomer.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                 .add(new Identity(IdentityType.valueOf(rs.getString(2)), rs.getString(3)));
                   }, family.toArray());
        Set<Identity> all = new LinkedHashSet<>();
        family.forEach(id -> all.addAll(byCustomer.getOrDefault(id, List.of())));
        return new ArrayList<>(all);
    }

    /** Per channel the decision with the latest occurredAt among the family's; at the same time the survivor's. */
    private Map<Channel, Boolean> consents(List<String> family) {
        Map<Channel, Boolean> consents = new EnumMap<>(Channel.class);
        Map<Channel, Instant> decidedAt = new EnumMap<>(Channel.class);
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < family.size(); i++) {
            rank.put(family.get(i), i);
        }
        record Decision(String customerId, Channel channel, boolean granted, Instant at) {
        }
        List<Decision> decisions = new ArrayList<>(jdbc.query(
                "SELECT customer_id, channel, granted, decided_at FROM customer_consent WHERE customer_id IN ("
                        + Family.placeholders(family) + ")",
                (rs, n) -> new Decision(rs.getString(1), Channel.valueOf(rs.getString(2)), rs.getBoolean(3),
                                        rs.getTimestamp(4).toInstant()), family.toArray()));
        // Later family members first, so that at an equal time the survivor's (rank 0) is applied last and wins.
        decisions.sort(java.util.Comparator.comparing((Decision d) -> -rank.get(d.customerId())));
        for (Decision d : decisions) {
            Instant current = decidedAt.get(d.channel());
            if (current == null || !d.at().isBefore(current)) {
                consents.put(d.channel(), d.granted());
                decidedAt.put(d.channel(), d.at());
            }
        }
        return consents;
    }

    /** Every consent decision of the family, in business-time order (then arrival). */
    private List<CustomerProfile.ConsentChange> consentHistory(List<String> family) {
        return jdbc.query("SELECT channel, granted, decided_at, reported_via, touchpoint_id FROM customer_consent_change "
                                  + "WHERE customer_id IN (" + Family.placeholders(family) + ") "
                                  + "ORDER BY decided_at, sequence_number, customer_id",
                          (rs, n) -> new CustomerProfile.ConsentChange(
                                  Channel.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getTimestamp(3).toInstant(),
                                  Channel.valueOf(rs.getString(4)), rs.getString(5)),
                          family.toArray());
    }

    /** The family's channels in order of first use, with the touchpoints of all of it. */
    private List<CustomerProfile.ChannelUse> channelUse(List<String> family) {
        record Use(long touchpoints, Instant firstAt) {
        }
        Map<Channel, Use> uses = new LinkedHashMap<>();
        jdbc.query("SELECT channel, touchpoints, first_at FROM customer_channel WHERE customer_id IN ("
                           + Family.placeholders(family) + ") ORDER BY first_at, first_sequence",
                   rs -> {
                       Channel channel = Channel.valueOf(rs.getString(1));
                       Use known = uses.get(channel);
                       Instant first = rs.getTimestamp(3).toInstant();
                       uses.put(channel, known == null ? new Use(rs.getLong(2), first)
                               : new Use(known.touchpoints() + rs.getLong(2), known.firstAt()));
                   }, family.toArray());
        return uses.entrySet().stream().map(e -> new CustomerProfile.ChannelUse(e.getKey(), e.getValue().touchpoints()))
                   .toList();
    }

    private List<CustomerProfile.MergedProfile> mergedProfiles(String customerId) {
        return jdbc.query("SELECT merged_id, merged_at, evidence_type, touchpoint_id FROM customer_merge "
                                  + "WHERE customer_id = ? ORDER BY sequence_number",
                          (rs, n) -> new CustomerProfile.MergedProfile(rs.getString(1),
                                                                       rs.getTimestamp(2).toInstant(),
                                                                       rs.getString(3), rs.getString(4)),
                          customerId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LifecycleStage stage(String name) {
        return name == null ? null : LifecycleStage.valueOf(name);
    }
}
