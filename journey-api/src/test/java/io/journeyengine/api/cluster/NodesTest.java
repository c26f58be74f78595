package io.journeyengine.api.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/admin/nodes} on a single node (the embedded default, and every test engine): the node lists itself
 * as the one live node and holds every segment of every view. Two nodes: {@link SeveralNodesTest}.
 */
class NodesTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.node.id=till-node-1");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void aSingleNodeListsItselfAsTheOneLiveNodeHoldingEverySegment() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = api.get("/api/admin/nodes").json();
            assertThat(report.path("answeredBy").asText()).isEqualTo("till-node-1");
            assertThat(report.path("liveNodes").asInt()).isEqualTo(1);
            JsonNode self = report.path("nodes").get(0);
            assertThat(self.path("nodeId").asText()).isEqualTo("till-node-1");
            assertThat(self.path("live").asBoolean()).isTrue();
            assertThat(self.path("self").asBoolean()).isTrue();
            assertThat(report.path("views").size()).as("views, the webhook outbox included").isEqualTo(10);
            report.path("views").fields().forEachRemaining(view -> {
                assertThat(view.getValue().path("unclaimed")).as(view.getKey() + " unclaimed").isEmpty();
                assertThat(self.path("segments").path(view.getKey()).size()).as(view.getKey() + " held")
                        .isEqualTo(view.getValue().path("segments").asInt());
            });
        });
        // The node id is the owner of the claims in the token store, so the two tables join.
        List<String> owners = engine.database().queryForList("SELECT DISTINCT owner FROM token_entry", String.class);
        assertThat(owners).containsExactly("till-node-1");
    }

    @Test
    void withoutAnIdTheNodeIsNamedAfterItsProcessLikeAxonsOwnDefault() {
        assertThat(new NodeIdentity("").id()).isEqualTo(ManagementFactory.getRuntimeMXBean().getName());
        assertThat(new NodeIdentity("  pod-7 ").id()).isEqualTo("pod-7");
    }

    @Test
    void onlyAdministratorsSeeTheNodes() {
        assertThat(engine.anonymous().get("/api/admin/nodes").status()).isEqualTo(401);
        Answer key = api.post("/api/admin/keys", Map.of("name", "nodes-analyst", "roles", List.of("ANALYST")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Answer analyst = engine.api(key.json().get("key").asText()).get("/api/admin/nodes");
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(analyst.isProblem()).isTrue();
    }
}
