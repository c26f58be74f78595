package io.journeyengine.api.deadline;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A touchpoint that cancels a deadline while a scheduler (this node's or another's) picks that very deadline to
 * fire it. db-scheduler removes a deadline only at the version it read, so the removal finds nothing once the pick
 * has committed; that must not fail the touchpoint (it answered 503 STORE_UNAVAILABLE): the deadline is firing, and
 * the journey ignores a deadline its state no longer matches.
 * <p>
 * The pick is made by the test, as db-scheduler makes it ({@code picked}, {@code version + 1}), in a transaction held
 * open until the touchpoint's removal waits for it: the race, every time.
 */
class DeadlineCancelRaceTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void aCheckoutWhileTheCartDeadlineIsBeingPickedIsApplied() throws Exception {
        String customer = "cust-cancel-race";
        Map<String, Object> line = new HashMap<>(Map.of("sku", "BOOTS-42", "quantity", 1, "unitPrice", "89.90",
                                                        "currency", "EUR"));
        Answer added = api.post("/api/touchpoints", touchpoint("race-add", customer, "WEB", "2026-11-20T10:00:00Z",
                                                               "CART_ITEM_ADDED", line));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        String scheduleId = engine.database().queryForObject(
                "SELECT schedule_id FROM journey_deadline WHERE customer_id = ?", String.class, customer);

        DataSource dataSource = engine.database().getDataSource();
        CompletableFuture<Answer> checkout;
        try (Connection picker = dataSource.getConnection()) {
            picker.setAutoCommit(false);
            try (PreparedStatement pick = picker.prepareStatement(
                    "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'another-node', version = version + 1 "
                            + "WHERE task_name = ? AND task_instance = ?")) {
                pick.setString(1, TrackedDeadlineManager.TASK_NAME);
                pick.setString(2, scheduleId);
                assertThat(pick.executeUpdate()).isEqualTo(1);
            }
            checkout = CompletableFuture.supplyAsync(() -> api.post("/api/touchpoints", touchpoint(
                    "race-checkout", customer, "APP", "2026-11-20T10:05:00Z", "CHECKOUT_COMPLETED",
                    Map.of("orderId", "race-order", "fulfilment", "DELIVERY"))));
            await("the checkout's removal of the deadline waits for the pick").atMost(Duration.ofSeconds(10))
                    .until(DeadlineCancelRaceTest::aSessionWaitsForALock);
            picker.commit();
        }

        Answer answer = checkout.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(answer.json().get("events").toString()).contains("CheckoutCompleted");
        assertThat(engine.database().queryForObject("SELECT COUNT(*) FROM journey_deadline WHERE customer_id = ?",
                                                    Integer.class, customer)).isZero();
    }

    private static boolean aSessionWaitsForALock() {
        Integer waiting = engine.onPostgres()
                ? engine.database().queryForObject("SELECT COUNT(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND wait_event_type = 'Lock'", Integer.class)
                : engine.database().queryForObject(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL",
                        Integer.class);
        return waiting != null && waiting > 0;
    }
}
