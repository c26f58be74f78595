package io.journeyengine.api.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RefuseSkuTrigger;
import io.journeyengine.api.support.RefuseTokenTrigger;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the team operating the engine sees (docs/operations.md, Observability): health with the database and one
 * indicator per view, the probes a load balancer uses, and the Prometheus scrape with Axon's and the engine's own
 * metrics, checked against what the test itself sent.
 */
class ObservabilityTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static RunningEngine engine;
    private static Api admin;
    private static Api operations;
    private static Api analyst;
    private static Api webChannel;
    private static List<String> views;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        admin = engine.api();
        operations = engine.api(key("prometheus", "OPERATIONS"));
        analyst = engine.api(key("analyst", "ANALYST"));
        webChannel = engine.api(key("web-shop", "CHANNEL"));
        views = new ArrayList<>();
        admin.get("/api/admin/projections").json().forEach(view -> views.add(view.get("name").asText()));
        assertThat(views).contains("cart", "timeline", "customer-360");
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    private static String key(String name, String role) {
        // A generous rate limit: the test polls health and metrics while it waits.
        Answer created = admin.post("/api/admin/keys", Map.of("name", name, "roles", List.of(role),
                                                              "channels", List.of("WEB"), "rateLimitPerSecond", 1000));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    // ---- health ----

    @Test
    void theHealthSummaryAndTheProbesAreOpenAndShowNoDetailsWithoutAKey() {
        awaitEveryViewUp();
        Answer health = engine.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
            Answer answer = engine.anonymous().get(probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).as(probe).isEqualTo("UP");
        }
        // A key without an operator's role sees the summary only.
        assertThat(analyst.get("/actuator/health").json().has("components")).isFalse();
    }

    @Test
    void operatorsSeeTheDatabaseAndEveryViewInTheHealthDetails() {
        awaitEveryViewUp();
        JsonNode health = operations.get("/actuator/health").json();
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        JsonNode processors = health.at("/components/eventProcessors/components");
        List<String> named = new ArrayList<>();
        processors.fieldNames().forEachRemaining(named::add);
        assertThat(named).containsExactlyInAnyOrderElementsOf(views);
        for (String view : views) {
            JsonNode one = processors.get(view);
            assertThat(one.get("status").asText()).as(view).isEqualTo("UP");
            assertThat(one.at("/details/running").asBoolean()).as(view).isTrue();
            assertThat(one.at("/details/errorState").asBoolean()).as(view).isFalse();
            assertThat(one.at("/details/segmentsClaimedHere").asInt()).as(view).isPositive();
        }
        // One view on its own, as a monitor would ask for it.
        Answer cart = operations.get("/actuator/health/eventProcessors/cart");
        assertThat(cart.status()).isEqualTo(200);
        assertThat(cart.json().at("/details/deadLetters").asLong()).isZero();
    }

    @Test
    void aStoppedViewIsOutOfServiceWhileTheNodeStaysReady() {
        awaitEveryViewUp();
        Answer stopped = admin.post("/api/admin/projections/customer-360/stop", "{}");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().get("running").asBoolean()).isFalse();
        try {
            await().atMost(PATIENCE).untilAsserted(() -> {
                Answer health = engine.anonymous().get("/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().get("status").asText()).isEqualTo("OUT_OF_SERVICE");
            });
            JsonNode view = operations.get("/actuator/health/eventProcessors/customer-360").json();
            assertThat(view.get("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(view.at("/details/running").asBoolean()).isFalse();
            // The others are untouched, and the node still takes traffic: the views are not part of readiness.
            assertThat(operations.get("/actuator/health/eventProcessors/cart").json().get("status").asText())
                    .isEqualTo("UP");
            assertThat(engine.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(scrape().value("journey_view_running", Map.of("view", "customer-360"))).isZero();

            // While it is stopped it falls behind, in events and in time.
            send(admin, "obs-stop-1", "cust-obs-stopped", "WEB", "PRODUCT_VIEWED", Map.of("sku", "LAMP"));
            await().atMost(PATIENCE).untilAsserted(() -> {
                Scrape scrape = scrape();
                assertThat(scrape.value("journey_view_lag_events", Map.of("view", "customer-360")))
                        .isPositive();
                assertThat(scrape.value("journey_view_lag_seconds", Map.of("view", "customer-360")))
                        .isPositive();
            });
        } finally {
            Answer started = admin.post("/api/admin/projections/customer-360/start", "{}");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            assertThat(started.json().get("running").asBoolean()).isTrue();
        }
        awaitEveryViewUp();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                scrape().value("journey_view_lag_events", Map.of("view", "customer-360"))).isZero());
        String audit = admin.get("/api/admin/audit").body();
        assertThat(audit).contains("VIEW_STOPPED", "VIEW_STARTED");
    }

    @Test
    void stoppingOrStartingAViewThatDoesNotExistIsNotFoundAndRepeatingChangesNothing() {
        for (String action : List.of("stop", "start")) {
            Answer answer = admin.post("/api/admin/projections/no-such-view/" + action, "{}");
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.code()).isEqualTo("PROJECTION_NOT_FOUND");
        }
        Answer again = admin.post("/api/admin/projections/cart/start", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("running").asBoolean()).isTrue();
        // Operators watch; they do not stop views.
        assertThat(operations.post("/api/admin/projections/cart/stop", "{}").status()).isEqualTo(403);
        assertThat(engine.anonymous().post("/api/admin/projections/cart/stop", "{}").status()).isEqualTo(401);
    }

    @Test
    void parkedEventsShowInHealthAndMetricsWithoutTakingTheViewDown() {
        RefuseSkuTrigger.install(engine);
        try {
            send(admin, "obs-dlq-1", "cust-obs-poisoned", "WEB", "CART_ITEM_ADDED", cartLine(RefuseSkuTrigger.SKU));
            send(admin, "obs-dlq-2", "cust-obs-poisoned", "WEB", "CART_ITEM_ADDED", cartLine("LAMP"));
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode cart = operations.get("/actuator/health/eventProcessors/cart").json();
                assertThat(cart.at("/details/deadLetters").asLong()).isEqualTo(2);
                assertThat(cart.at("/details/parkedCustomers").asLong()).isEqualTo(1);
                assertThat(cart.get("status").asText()).isEqualTo("UP");
            });
            Scrape scrape = scrape();
            assertThat(scrape.value("journey_view_dead_letters", Map.of("view", "cart"))).isEqualTo(2);
            assertThat(scrape.value("journey_view_parked_customers", Map.of("view", "cart"))).isEqualTo(1);
            assertThat(scrape.value("journey_view_dead_letters", Map.of("view", "timeline"))).isZero();
            assertThat(engine.anonymous().get("/actuator/health").status()).isEqualTo(200);
        } finally {
            RefuseSkuTrigger.remove(engine);
        }
        Answer retried = admin.post("/api/admin/projections/cart/dead-letters/retry", "{}");
        assertThat(retried.json().get("stillParked").asLong()).as(retried.body()).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                scrape().value("journey_view_dead_letters", Map.of("view", "cart"))).isZero());
    }

    @Test
    void aViewThatCannotCommitItsProgressIsDownWithItsErrorUntilItRecovers() {
        awaitEveryViewUp();
        RefuseTokenTrigger.install(engine);
        RefuseTokenTrigger.refuse(engine, "timeline");
        try {
            send(admin, "obs-err-1", "cust-obs-error", "WEB", "PRODUCT_VIEWED", Map.of("sku", "LAMP"));
            await().atMost(PATIENCE).untilAsserted(() -> {
                Answer health = engine.anonymous().get("/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
                JsonNode timeline = operations.get("/actuator/health/eventProcessors/timeline").json();
                assertThat(timeline.get("status").asText()).isEqualTo("DOWN");
                assertThat(timeline.at("/details/errorState").asBoolean()).isTrue();
                assertThat(timeline.at("/details/error").asText()).contains("refused by the test's trigger");
                assertThat(scrape().value("journey_view_error", Map.of("view", "timeline"))).isEqualTo(1);
            });
            // Nothing was parked: the processor failed, not one event.
            assertThat(scrape().value("journey_view_dead_letters", Map.of("view", "timeline"))).isZero();
            assertThat(engine.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        } finally {
            RefuseTokenTrigger.allow(engine, "timeline");
            RefuseTokenTrigger.remove(engine);
        }
        // Axon retries the failed segment; once it can commit again the view is UP and catches up.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode timeline = operations.get("/actuator/health/eventProcessors/timeline").json();
            assertThat(timeline.get("status").asText()).isEqualTo("UP");
            assertThat(timeline.at("/details/lag").asLong()).isZero();
        });
    }

    // ---- Prometheus ----

    @Test
    void thePrometheusScrapeNeedsAnOperationsOrAdminKey() {
        Answer anonymous = engine.anonymous().get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(analyst.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(webChannel.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(engine.api("jek_not-a-key").get("/actuator/prometheus").status()).isEqualTo(401);
        Answer scraped = operations.get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.contentType()).startsWith("text/plain");
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(operations.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(analyst.get("/actuator/metrics").status()).isEqualTo(403);
    }

    @Test
    void touchpointsAreCountedByChannelTypeAndOutcomeWhetherAloneOrInABatch() {
        Map<String, String> applied = Map.of("channel", "KIOSK", "type", "PRODUCT_VIEWED", "outcome", "applied");
        Map<String, String> duplicate = Map.of("channel", "KIOSK", "type", "PRODUCT_VIEWED", "outcome", "duplicate");
        Map<String, String> rejected = Map.of("channel", "KIOSK", "type", "PRODUCT_VIEWED", "outcome", "rejected");
        Map<String, String> cart = Map.of("channel", "KIOSK", "type", "CART_ITEM_ADDED", "outcome", "applied");
        Scrape before = scrape();

        int appliedSent = 0;
        int duplicatesSent = 0;
        int rejectedSent = 0;
        int cartSent = 0;
        int singles = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(send(admin, "obs-count-" + i, "cust-obs-count", "KIOSK", "PRODUCT_VIEWED",
                            Map.of("sku", "S" + i)).json().get("status").asText()).isEqualTo("APPLIED");
            appliedSent++;
            singles++;
        }
        assertThat(send(admin, "obs-count-0", "cust-obs-count", "KIOSK", "PRODUCT_VIEWED", Map.of("sku", "S0"))
                           .json().get("status").asText()).isEqualTo("DUPLICATE");
        duplicatesSent++;
        singles++;
        Answer invalid = admin.post("/api/touchpoints", touchpoint("obs-count-bad", "cust-obs-count", "KIOSK",
                                                                    "2026-11-20T10:00:00Z", "PRODUCT_VIEWED",
                                                                    Map.of()));
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        rejectedSent++;
        singles++;

        ArrayNode batch = Api.JSON.createArrayNode();
        for (int i = 0; i < 4; i++) {
            batch.add(touchpoint("obs-batch-" + i, "cust-obs-batch-" + i, "KIOSK", "2026-11-20T10:00:00Z",
                                 "PRODUCT_VIEWED", Map.of("sku", "B" + i)));
        }
        batch.add(touchpoint("obs-batch-cart", "cust-obs-batch-0", "KIOSK", "2026-11-20T10:01:00Z",
                             "CART_ITEM_ADDED", cartLine("LAMP")));
        batch.add(touchpoint("obs-batch-bad", "cust-obs-batch-1", "KIOSK", "2026-11-20T10:00:00Z",
                             "PRODUCT_VIEWED", Map.of()));
        batch.add(touchpoint("obs-count-1", "cust-obs-count", "KIOSK", "2026-11-20T10:00:00Z",
                             "PRODUCT_VIEWED", Map.of("sku", "S1")));
        Answer answered = admin.post("/api/touchpoints/batch", batch);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        answered.json().forEach(result -> statuses.add(result.get("status").asText()));
        assertThat(statuses).containsExactly("APPLIED", "APPLIED", "APPLIED", "APPLIED", "APPLIED", "REJECTED",
                                             "DUPLICATE");
        appliedSent += 4;
        cartSent++;
        rejectedSent++;
        duplicatesSent++;

        Scrape after = scrape();
        assertThat(delta(before, after, "journey_touchpoints_total", applied)).isEqualTo(appliedSent);
        assertThat(delta(before, after, "journey_touchpoints_total", duplicate)).isEqualTo(duplicatesSent);
        assertThat(delta(before, after, "journey_touchpoints_total", rejected)).isEqualTo(rejectedSent);
        assertThat(delta(before, after, "journey_touchpoints_total", cart)).isEqualTo(cartSent);
        assertThat(delta(before, after, "journey_touchpoints_total", Map.of("channel", "KIOSK")))
                .isEqualTo(appliedSent + duplicatesSent + rejectedSent + cartSent);
        assertThat(delta(before, after, "journey_touchpoints_rejected_total",
                         Map.of("code", "VALIDATION_FAILED", "channel", "KIOSK"))).isEqualTo(rejectedSent);
        // One latency per request: the singles, and the batch once.
        assertThat(delta(before, after, "journey_ingest_latency_seconds_count", Map.of("endpoint", "single")))
                .isEqualTo(singles);
        assertThat(delta(before, after, "journey_ingest_latency_seconds_count", Map.of("endpoint", "batch")))
                .isEqualTo(1);
        assertThat(after.all("journey_ingest_latency_seconds_bucket", Map.of("endpoint", "single"))).isNotEmpty();
    }

    @Test
    void rejectedTouchpointsAreCountedByTheirProblemCode() {
        Scrape before = scrape();
        // A business rule: removing more than the cart holds (422).
        Answer rule = admin.post("/api/touchpoints", touchpoint("obs-rule-1", "cust-obs-rule", "APP",
                                                                 "2026-11-20T10:00:00Z", "CART_ITEM_REMOVED",
                                                                 Map.of("sku", "LAMP", "quantity", 5)));
        assertThat(rule.status()).isEqualTo(422);
        assertThat(rule.code()).isEqualTo("CART_QUANTITY_EXCEEDED");
        // A channel key speaking for another channel (403).
        Answer foreign = webChannel.post("/api/touchpoints", touchpoint("obs-rule-2", "cust-obs-rule", "STORE",
                                                                         "2026-11-20T10:00:00Z", "PRODUCT_VIEWED",
                                                                         Map.of("sku", "LAMP")));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("CHANNEL_NOT_ALLOWED");
        // A channel nobody knows: its tag is "unknown", never what the client sent.
        Answer unknown = admin.post("/api/touchpoints", touchpoint("obs-rule-3", "cust-obs-rule", "FAX",
                                                                    "2026-11-20T10:00:00Z", "PRODUCT_VIEWED",
                                                                    Map.of("sku", "LAMP")));
        assertThat(unknown.code()).isEqualTo("VALIDATION_FAILED");

        Scrape after = scrape();
        assertThat(delta(before, after, "journey_touchpoints_rejected_total",
                         Map.of("code", "CART_QUANTITY_EXCEEDED", "channel", "APP"))).isEqualTo(1);
        assertThat(delta(before, after, "journey_touchpoints_rejected_total",
                         Map.of("code", "CHANNEL_NOT_ALLOWED", "channel", "STORE"))).isEqualTo(1);
        assertThat(delta(before, after, "journey_touchpoints_rejected_total",
                         Map.of("code", "VALIDATION_FAILED", "channel", "unknown"))).isEqualTo(1);
        assertThat(delta(before, after, "journey_touchpoints_total",
                         Map.of("channel", "APP", "type", "CART_ITEM_REMOVED", "outcome", "rejected")))
                .isEqualTo(1);
        assertThat(delta(before, after, "journey_touchpoints_total", Map.of("outcome", "rejected"))).isEqualTo(3);
        assertThat(after.all("journey_touchpoints_total", Map.of("channel", "FAX"))).isEmpty();
    }

    @Test
    void axonsMetricsAreScrapedPerViewAndPerCommand() {
        send(admin, "obs-axon-1", "cust-obs-axon", "WEB", "PRODUCT_VIEWED", Map.of("sku", "LAMP"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape scrape = scrape();
            for (String view : views) {
                assertThat(scrape.all("eventProcessor_latency", Map.of("processorName", view))).as(view)
                                                                                                .hasSize(1);
            }
            assertThat(scrape.sum("eventProcessor_processedCounter_total", Map.of("processorName", "timeline")))
                    .isPositive();
            assertThat(scrape.sum("commandBus_successCounter_total", Map.of("payloadType", "ViewProduct")))
                    .isPositive();
            assertThat(scrape.has("eventStore_successCounter_total")).isTrue();
        });
        // Per view, not per view and event type.
        assertThat(scrape().all("eventProcessor_processedCounter_total", Map.of("processorName", "timeline")))
                .hasSize(1);
    }

    @Test
    void everyViewHasLagGaugesThatAreZeroOnceItHasCaughtUp() {
        send(admin, "obs-lag-1", "cust-obs-lag", "WEB", "PRODUCT_VIEWED", Map.of("sku", "LAMP"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape scrape = scrape();
            for (String view : views) {
                assertThat(scrape.value("journey_view_lag_events", Map.of("view", view))).as(view).isZero();
                assertThat(scrape.value("journey_view_lag_seconds", Map.of("view", view))).as(view).isZero();
                assertThat(scrape.value("journey_view_running", Map.of("view", view))).as(view).isEqualTo(1);
                assertThat(scrape.value("journey_view_error", Map.of("view", view))).as(view).isZero();
            }
        });
    }

    @Test
    void pendingDeadlinesAreGaugedPerKindAsTheDeadlinesEndpointCountsThem() {
        Scrape before = scrape();
        send(admin, "obs-deadline-1", "cust-obs-deadline", "WEB", "CART_ITEM_ADDED", cartLine("LAMP"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape after = scrape();
            assertThat(delta(before, after, "journey_deadlines_pending", Map.of("kind", "cart-abandonment")))
                    .isEqualTo(1);
            JsonNode report = operations.get("/api/admin/deadlines").json();
            for (JsonNode kind : report.get("kinds")) {
                assertThat(after.value("journey_deadlines_pending", Map.of("kind", kind.get("kind").asText())))
                        .isEqualTo(kind.get("pending").asDouble());
            }
            assertThat(after.value("journey_deadlines_parked", Map.of())).isEqualTo(report.get("parked").asDouble());
            assertThat(after.value("journey_deadlines_retrying", Map.of()))
                    .isEqualTo(report.get("retrying").asDouble());
        });
    }

    // ---- helpers ----

    private static Scrape scrape() {
        Answer answer = operations.get("/actuator/prometheus");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return new Scrape(answer.body());
    }

    private static double delta(Scrape before, Scrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static void awaitEveryViewUp() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Answer health = operations.get("/actuator/health");
            assertThat(health.json().at("/components/eventProcessors/status").asText()).as(health.body())
                                                                                          .isEqualTo("UP");
        });
    }

    private static Answer send(Api api, String touchpointId, String customer, String channel, String type,
                               Map<String, ?> data) {
        Answer answer = api.post("/api/touchpoints", touchpoint(touchpointId, customer, channel,
                                                                "2026-11-20T10:00:00Z", type, data));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private static Map<String, Object> cartLine(String sku) {
        return Map.of("sku", sku, "quantity", 1, "unitPrice", "5.00", "currency", "EUR");
    }
}
