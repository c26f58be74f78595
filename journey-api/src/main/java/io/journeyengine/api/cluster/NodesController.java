package io.journeyengine.api.cluster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which nodes share the database and which node processes which segment of each view. */
@RestController
@Tag(name = "Admin", description = "Keys, audit and views")
public class NodesController {

    /** A node and the segments it holds, per view. */
    public record NodeReport(String nodeId, LocalDateTime startedAt, LocalDateTime lastSeen, boolean live,
                             boolean self, Map<String, List<Integer>> segments) {
    }

    /** A view's segments and the ones nobody holds right now (a node died and its claims have not expired yet). */
    public record ViewSegments(int segments, List<Integer> unclaimed) {
    }

    public record Report(String answeredBy, int liveNodes, List<NodeReport> nodes, Map<String, ViewSegments> views) {
    }

    private final ClusterNodes cluster;
    private final JdbcTemplate jdbc;

    public NodesController(ClusterNodes cluster, JdbcTemplate jdbc) {
        this.cluster = cluster;
        this.jdbc = jdbc;
    }

    @Operation(summary = "Nodes sharing this database and their view segments",
               description = "Every node that announced itself in the last hour (live: heard from within the token "
                       + "claim timeout), with the segments of each view it holds; per view, the number of segments "
                       + "and those no node holds. A node's id is the owner of its claims in token_entry.")
    @GetMapping("/api/admin/nodes")
    public Report nodes() {
        Map<String, Map<String, List<Integer>>> held = new TreeMap<>();
        Map<String, List<Integer>> all = new TreeMap<>();
        Map<String, List<Integer>> unclaimed = new TreeMap<>();
        jdbc.query("SELECT processor_name, segment, owner FROM token_entry ORDER BY processor_name, segment", rs -> {
            String view = rs.getString(1);
            int segment = rs.getInt(2);
            String owner = rs.getString(3);
            all.computeIfAbsent(view, v -> new ArrayList<>()).add(segment);
            if (owner == null) {
                unclaimed.computeIfAbsent(view, v -> new ArrayList<>()).add(segment);
            } else {
                held.computeIfAbsent(owner, o -> new TreeMap<>()).computeIfAbsent(view, v -> new ArrayList<>())
                    .add(segment);
            }
        });
        List<NodeReport> nodes = new ArrayList<>();
        int live = 0;
        for (ClusterNodes.Node node : cluster.nodes()) {
            live += node.live() ? 1 : 0;
            nodes.add(new NodeReport(node.nodeId(), node.startedAt(), node.lastSeen(), node.live(),
                                     node.nodeId().equals(cluster.nodeId()),
                                     held.getOrDefault(node.nodeId(), Map.of())));
        }
        Map<String, ViewSegments> views = new TreeMap<>();
        all.forEach((view, segments) -> views.put(view, new ViewSegments(segments.size(),
                                                                         unclaimed.getOrDefault(view, List.of()))));
        return new Report(cluster.nodeId(), live, nodes, views);
    }
}
