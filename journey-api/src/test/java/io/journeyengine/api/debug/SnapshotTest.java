package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.config.JourneySnapshots;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import io.journeyengine.journey.CustomerJourney;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Axon snapshots of long journeys: taken by the snapshotter's own thread after every {@code journey.snapshot.every}
 * events, holding exactly the state time travel shows for that event, and used after a restart, when the rules
 * still decide as before.
 */
class SnapshotTest {

    private static final String CUSTOMER = "cust-snapshot";
    private static RunningEngine engine;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.snapshot.every=20");
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void aLongJourneyIsSnapshottedOffTheRequestThreadAndTheSnapshotIsItsState() throws Exception {
        Api api = engine.api();
        CanonicalJourney.send(api, CUSTOMER, "s");
        for (int i = 0; i < 60; i++) {
            ObjectNode add = touchpoint("s-add-" + i, CUSTOMER, i % 2 == 0 ? "WEB" : "APP",
                                        "2026-11-22T10:" + String.format("%02d", i) + ":00Z", "CART_ITEM_ADDED",
                                        Map.of("sku", "SKU-" + (i % 5), "quantity", 1, "unitPrice", "10.10",
                                               "currency", "EUR"));
            assertThat(api.post("/api/touchpoints", add).status()).isEqualTo(200);
        }
        ThreadPoolExecutor snapshotter = engine.context().getBean("snapshotExecutor", ThreadPoolExecutor.class);
        long last = engine.eventCount(CUSTOMER) - 1;
        // The last snapshot is within one interval of the end, and the snapshotter is idle.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(snapshotter.getCompletedTaskCount()).isPositive();
            assertThat(snapshotter.getActiveCount() + snapshotter.getQueue().size()).isZero();
            assertThat(snapshotSequence()).isNotNull().isGreaterThan(last - 20);
        });

        Map<String, Object> row = engine.database().queryForMap(
                "SELECT sequence_number, payload, payload_revision FROM snapshot_event_entry "
                        + "WHERE aggregate_identifier = ?", CUSTOMER);
        // The journey's own @Revision: snapshots of another revision are ignored.
        String revision = engine.context().getBean(JourneySnapshots.class).serializer()
                                .typeForClass(CustomerJourney.class).getRevision();
        assertThat(row.get("payload_revision")).isEqualTo(revision);
        CustomerJourney snapshot = engine.context().getBean(JourneySnapshots.class).serializer().deserialize(
                new SimpleSerializedObject<>((byte[]) row.get("payload"), byte[].class,
                                             CustomerJourney.class.getName(), revision));
        long sequence = ((Number) row.get("sequence_number")).longValue();
        JsonNode fromSnapshot = Api.JSON.valueToTree(
                engine.context().getBean(com.fasterxml.jackson.databind.ObjectMapper.class)
                      .valueToTree(JourneyState.of(snapshot)));
        JsonNode travelled = api.get("/api/customers/" + CUSTOMER + "/state?atSequence=" + sequence).json()
                                .get("state");
        assertThat(fromSnapshot).isEqualTo(travelled);
        assertThat(travelled.get("cart").get("items")).hasSize(7);

        // After a restart the journey is loaded from its snapshot and decides as before.
        engine.restart();
        Api again = engine.api();
        Answer redeemedAgain = again.post("/api/touchpoints", CanonicalJourney.secondRedemption(CUSTOMER, "s2"));
        assertThat(redeemedAgain.status()).isEqualTo(409);
        assertThat(redeemedAgain.code()).isEqualTo("PROMO_ALREADY_REDEEMED");
        Answer tooMany = again.post("/api/touchpoints", touchpoint(
                "s-remove", CUSTOMER, "WEB", "2026-11-23T10:00:00Z", "CART_ITEM_REMOVED",
                Map.of("sku", "BOOTS-42", "quantity", 3)));
        assertThat(tooMany.code()).isEqualTo("CART_QUANTITY_EXCEEDED");
        Answer checkout = again.post("/api/touchpoints", touchpoint(
                "s-checkout", CUSTOMER, "APP", "2026-11-23T11:00:00Z", "CHECKOUT_COMPLETED",
                Map.of("orderId", "app-2", "fulfilment", "DELIVERY")));
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(200);
        assertThat(checkout.json().get("events").toString()).contains("CheckoutCompleted");
        JsonNode order = again.get("/api/customers/" + CUSTOMER + "/state").json().get("state").get("orders").get(1);
        // 2 x 89.90 + 12.50 + 60 x 10.10
        assertThat(order.get("total").asText()).isEqualTo("798.30");
        assertThat(List.of(order.get("orderId").asText())).containsExactly("app-2");
    }

    private static Long snapshotSequence() {
        List<Long> rows = engine.database().queryForList(
                "SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class,
                CUSTOMER);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
