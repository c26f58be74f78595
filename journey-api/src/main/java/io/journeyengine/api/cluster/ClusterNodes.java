package io.journeyengine.api.cluster;

import io.journeyengine.api.config.BackgroundTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine nodes sharing this database ({@code journey_node}), as this node sees them.
 * <p>
 * Each node announces itself when it starts, refreshes its row every {@code journey.cluster.heartbeat} and removes it
 * when it stops cleanly. A node not heard from for longer than the token claim timeout is taken for dead: the same
 * moment at which its claims on view segments expire and the others may take them over. The heartbeat also reads how
 * many segments each view has, so {@link FairShareOfSegments} answers from memory on the processors' threads.
 */
@Component
public class ClusterNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);
    /** Rows of nodes gone this long are deleted; until then operators see them listed as not live. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** One node as the database knows it. */
    public record Node(String nodeId, LocalDateTime startedAt, LocalDateTime lastSeen, boolean live) {
    }

    /** What the last heartbeat read: the live nodes and each view's number of segments. */
    record View(int liveNodes, Map<String, Integer> segmentsPerProcessor) {
    }

    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final Duration heartbeat;
    private final Duration deadAfter;
    private volatile View view;
    private volatile boolean running;
    private BackgroundTask heartbeats;

    public ClusterNodes(JdbcTemplate jdbc, NodeIdentity identity,
                        @Value("${journey.cluster.heartbeat:2s}") Duration heartbeat,
                        @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.jdbc = jdbc;
        this.nodeId = identity.id();
        this.heartbeat = heartbeat;
        this.deadAfter = claimTimeout;
    }

    public String nodeId() {
        return nodeId;
    }

    /** The last heartbeat's reading; read (and this node announced) at once if no heartbeat ran yet. */
    View view() {
        View current = view;
        if (current == null) {
            synchronized (this) {
                if (view == null) {
                    beat();
                }
                current = view;
            }
        }
        return current;
    }

    /** Every node with a row, live or recently gone, this node included; oldest first. */
    public List<Node> nodes() {
        LocalDateTime now = databaseNow();
        return jdbc.query("SELECT node_id, started_at, last_seen FROM journey_node ORDER BY started_at, node_id",
                          (rs, n) -> {
                              LocalDateTime lastSeen = rs.getTimestamp(3).toLocalDateTime();
                              return new Node(rs.getString(1), rs.getTimestamp(2).toLocalDateTime(), lastSeen,
                                              isLive(lastSeen, now));
                          });
    }

    /** Announces this node (again), forgets long-gone ones and reads the cluster's shape. */
    synchronized void beat() {
        if (jdbc.update("UPDATE journey_node SET last_seen = LOCALTIMESTAMP WHERE node_id = ?", nodeId) == 0) {
            jdbc.update("INSERT INTO journey_node (node_id, started_at, last_seen) "
                                + "VALUES (?, LOCALTIMESTAMP, LOCALTIMESTAMP)", nodeId);
        }
        LocalDateTime now = databaseNow();
        jdbc.update("DELETE FROM journey_node WHERE last_seen < ?", Timestamp.valueOf(now.minus(FORGET_AFTER)));
        int live = (int) nodes().stream().filter(Node::live).count();
        Map<String, Integer> segments = new HashMap<>();
        jdbc.query("SELECT processor_name, COUNT(*) FROM token_entry GROUP BY processor_name",
                   rs -> {
                       segments.put(rs.getString(1), rs.getInt(2));
                   });
        View next = new View(Math.max(1, live), Map.copyOf(segments));
        View previous = view;
        if (previous == null || previous.liveNodes() != next.liveNodes()) {
            log.info("Node {} sees {} live node(s)", nodeId, next.liveNodes());
        }
        view = next;
    }

    private boolean isLive(LocalDateTime lastSeen, LocalDateTime now) {
        return !lastSeen.isBefore(now.minus(deadAfter));
    }

    private LocalDateTime databaseNow() {
        Timestamp now = jdbc.queryForObject("SELECT LOCALTIMESTAMP", Timestamp.class);
        return now.toLocalDateTime();
    }

    @Override
    public synchronized void start() {
        beat();
        // A failed beat (the database is away) is tried again; meanwhile the node's claims lapse like anyone's.
        heartbeats = BackgroundTask.every(heartbeat, "journey-node-heartbeat", log, this::beat);
        running = true;
    }

    /**
     * A clean stop removes the row at once, so the other nodes raise their share without waiting for the timeout.
     * The processors (a later phase) have released their segments by then.
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (heartbeats != null) {
            heartbeats.stop();
        }
        try {
            jdbc.update("DELETE FROM journey_node WHERE node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.warn("Could not remove node {} from journey_node: {}", nodeId, e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started early and stopped late: before the view processors start, after they stopped. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
