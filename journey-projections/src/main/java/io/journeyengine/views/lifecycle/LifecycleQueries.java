package io.journeyengine.views.lifecycle;

import io.journeyengine.journey.lifecycle.LifecycleFacts;
import io.journeyengine.journey.lifecycle.LifecycleSignal;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the lifecycle view: one customer's stages, and the funnel over all customers or a time range. */
@Component
public class LifecycleQueries {

    private final JdbcTemplate jdbc;

    public LifecycleQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<CustomerLifecycle> handle(FindLifecycle query) {
        List<String> stage = jdbc.queryForList("SELECT stage FROM lifecycle_customer WHERE customer_id = ?",
                                               String.class, query.customerId());
        if (stage.isEmpty() || stage.get(0) == null) {
            return Optional.empty();
        }
        List<CustomerLifecycle.Step> steps = jdbc.query(
                "SELECT stage, reached_at, stage_rule, touchpoint_id FROM lifecycle_step WHERE customer_id = ? "
                        + "ORDER BY sequence_number",
                (rs, n) -> new CustomerLifecycle.Step(LifecycleStage.valueOf(rs.getString(1)),
                                                      rs.getTimestamp(2).toInstant(),
                                                      StageRule.valueOf(rs.getString(3)), rs.getString(4)),
                query.customerId());
        return Optional.of(new CustomerLifecycle(query.customerId(), LifecycleStage.valueOf(stage.get(0)), steps));
    }

    @QueryHandler
    Funnel handle(FindFunnel query) {
        return Funnel.of(query.ranged() ? stagesInRange(query) : currentStages());
    }

    /** The pre-aggregated counts: five rows, whatever the number of customers. */
    private Map<LifecycleStage, Long> currentStages() {
        Map<LifecycleStage, Long> current = new EnumMap<>(LifecycleStage.class);
        jdbc.query("SELECT stage, customers FROM lifecycle_stage_count",
                   rs -> {
                       current.put(LifecycleStage.valueOf(rs.getString(1)), rs.getLong(2));
                   });
        return current;
    }

    /**
     * Every customer's stage by the journey's own rules, applied to its touchpoints in the range only: a customer
     * without an in-range touchpoint is not counted at all.
     */
    private Map<LifecycleStage, Long> stagesInRange(FindFunnel query) {
        // A merged-away profile is not a customer: its rows are marked, and copies count under its survivor.
        StringBuilder sql = new StringBuilder("SELECT customer_id, occurred_at, lifecycle_signal "
                                                      + "FROM lifecycle_touchpoint WHERE merged_into IS NULL");
        List<Object> args = new ArrayList<>();
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        Map<String, LifecycleFacts> facts = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            String customerId = rs.getString(1);
            Instant at = rs.getTimestamp(2).toInstant();
            LifecycleSignal signal = LifecycleSignal.valueOf(rs.getString(3));
            facts.put(customerId, facts.getOrDefault(customerId, LifecycleFacts.NONE).with(signal, at));
        }, args.toArray());
        Map<LifecycleStage, Long> current = new EnumMap<>(LifecycleStage.class);
        facts.values().forEach(f -> f.highestRule().ifPresent(rule -> current.merge(rule.stage, 1L, Long::sum)));
        return current;
    }
}
