package io.journeyengine.api.ingest;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Where customers' streams end in the event store's global order (the position a view must reach to show them). */
@Repository
public class EventPositions {

    private final NamedParameterJdbcTemplate jdbc;

    public EventPositions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The global index of each customer's latest event; customers without events are absent. */
    public Map<String, Long> latestOf(Collection<String> customerIds) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT aggregate_identifier, MAX(global_index) AS position FROM domain_event_entry "
                           + "WHERE aggregate_identifier IN (:customers) GROUP BY aggregate_identifier",
                   new MapSqlParameterSource("customers", customerIds),
                   rs -> {
                       positions.put(rs.getString("aggregate_identifier"), rs.getLong("position"));
                   });
        return positions;
    }
}
