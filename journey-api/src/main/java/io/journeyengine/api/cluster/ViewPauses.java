package io.journeyengine.api.cluster;

import io.journeyengine.api.config.BackgroundTask;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Views stopped on every node while one node rebuilds them ({@code journey_view_pause}).
 * <p>
 * Axon resets a view's tokens only when the resetting node can claim every segment, and with several nodes the
 * others hold some. The node that rebuilds a view writes a pause row; every other node, within one heartbeat, stops
 * its processor for that view, which releases its segments; the rebuilding node resets and restarts the view and
 * deletes the row; the others then start theirs again and claim their share of the rebuilt view.
 */
@Component
public class ViewPauses implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewPauses.class);

    private final JdbcTemplate jdbc;
    private final ClusterNodes cluster;
    private final EventProcessingConfiguration processing;
    private final String nodeId;
    private final Duration heartbeat;
    /** Views this node stopped because another node rebuilds them; started again when the pause ends. */
    private final Set<String> stoppedHere = new HashSet<>();
    private BackgroundTask follower;
    private volatile boolean running;

    public ViewPauses(JdbcTemplate jdbc, ClusterNodes cluster, EventProcessingConfiguration processing,
                      NodeIdentity node, @Value("${journey.cluster.heartbeat:2s}") Duration heartbeat) {
        this.jdbc = jdbc;
        this.cluster = cluster;
        this.processing = processing;
        this.nodeId = node.id();
        this.heartbeat = heartbeat;
    }

    /** Asks every other node to stop {@code view}; false when a rebuild of it is already under way somewhere. */
    public boolean pause(String view) {
        try {
            jdbc.update("INSERT INTO journey_view_pause (processor_name, requested_by, requested_at) "
                                + "VALUES (?, ?, LOCALTIMESTAMP)", view, nodeId);
            return true;
        } catch (DuplicateKeyException alreadyPaused) {
            return false;
        }
    }

    public void resume(String view) {
        jdbc.update("DELETE FROM journey_view_pause WHERE processor_name = ? AND requested_by = ?", view, nodeId);
    }

    /** Stops the views others rebuild, starts again those whose rebuild is over. */
    synchronized void follow() {
        // A node that died while rebuilding leaves its row behind; the view must not stay stopped everywhere.
        Set<String> live = new HashSet<>();
        cluster.nodes().stream().filter(ClusterNodes.Node::live).forEach(n -> live.add(n.nodeId()));
        jdbc.queryForList("SELECT requested_by FROM journey_view_pause", String.class).stream()
            .filter(requester -> !live.contains(requester))
            .forEach(gone -> jdbc.update("DELETE FROM journey_view_pause WHERE requested_by = ?", gone));
        List<String> paused = jdbc.queryForList(
                "SELECT processor_name FROM journey_view_pause WHERE requested_by <> ?", String.class, nodeId);
        for (String view : paused) {
            processing.eventProcessor(view, StreamingEventProcessor.class).ifPresent(processor -> {
                if (processor.isRunning() && stoppedHere.add(view)) {
                    log.info("View {} is being rebuilt by another node; stopping it here", view);
                    processor.shutDown();
                }
            });
        }
        for (String view : Set.copyOf(stoppedHere)) {
            if (!paused.contains(view)) {
                processing.eventProcessor(view, StreamingEventProcessor.class).ifPresent(processor -> {
                    log.info("View {} was rebuilt by another node; starting it here again", view);
                    processor.start();
                });
                stoppedHere.remove(view);
            }
        }
    }

    @Override
    public synchronized void start() {
        follower = BackgroundTask.every(heartbeat, "journey-view-pauses", log, this::follow);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (follower != null) {
            follower.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
