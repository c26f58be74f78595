package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time travel is exact: for a random journey of more than a thousand events (fixed seed, every touchpoint type,
 * late touchpoints and refusals, sent over HTTP), the state the engine computes after every single event equals the
 * state folded from the raw stream by {@link StateFold}, a reading of the events written apart from the aggregate.
 * Checkpoints every 40 events keep each answer to at most 40 folded events.
 */
class TimeTravelTest {

    private static final String CUSTOMER = "cust-travel";
    private static final int EVERY = 40;
    private static RunningEngine engine;
    private static Api api;
    private static List<JsonNode> stream;
    private static int refused;
    private static final Set<String> typesSent = new TreeSet<>();

    @BeforeAll
    static void sendARandomJourney() {
        engine = RunningEngine.start("journey.snapshot.every=" + EVERY);
        api = engine.api();
        RandomJourney journey = new RandomJourney(20_261_120L, CUSTOMER);
        long position = 0;
        while (engine.eventCount(CUSTOMER) < 1_050) {
            ObjectNode touchpoint = journey.next();
            Answer answer = api.post("/api/touchpoints", touchpoint);
            if (answer.status() == 200) {
                assertThat(answer.json().get("status").asText()).as(answer.body()).isEqualTo("APPLIED");
                journey.applied(touchpoint);
                typesSent.add(touchpoint.get("type").asText());
                position = answer.json().get("position").asLong();
            } else {
                // A refusal the generator provoked; never a fault of the engine.
                assertThat(answer.status()).as(answer.body()).isIn(409, 422);
                refused++;
            }
        }
        // Every checkpoint written before the answers are checked (minPosition waits for the checkpoint writer too).
        assertThat(api.get("/api/customers/" + CUSTOMER + "/state?minPosition=" + position).status()).isEqualTo(200);
        stream = StateFold.stream(api, CUSTOMER);
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theStateAfterEveryEventEqualsTheIndependentFoldOfTheStream() throws IOException {
        assertThat(stream).hasSizeGreaterThan(1_000);
        assertThat(typesSent).as("every touchpoint type was applied")
                             .containsExactlyInAnyOrder("PRODUCT_VIEWED", "CONSENT_CHANGED", "IDENTITY_LINKED",
                                                        "PROMO_CODE_SENT", "CONVERSATION_STARTED",
                                                        "CONVERSATION_MESSAGE", "CONVERSATION_HANDED_OVER",
                                                        "CONVERSATION_CLOSED", "CART_ITEM_ADDED", "CART_ITEM_REMOVED",
                                                        "CHECKOUT_COMPLETED", "IN_STORE_PURCHASE", "ORDER_PICKED_UP",
                                                        "ORDER_RETURNED", "LOYALTY_ENROLLED");
        assertThat(refused).as("the journey provoked refusals too").isPositive();
        StateFold fold = new StateFold();
        Set<String> eventTypes = new TreeSet<>();
        for (JsonNode event : stream) {
            fold.apply(event);
            eventTypes.add(event.get("type").asText());
            long sequence = event.get("sequence").asLong();
            Answer answer = api.get("/api/customers/" + CUSTOMER + "/state?atSequence=" + sequence);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode body = StateFold.EXACT.readTree(answer.body());
            assertThat(body.get("atSequence").asLong()).isEqualTo(sequence);
            assertThat(body.get("event").get("type").asText()).isEqualTo(event.get("type").asText());
            assertThat(body.get("event").get("recordedAt").asText()).isEqualTo(event.get("recordedAt").asText());
            assertThat(StateFold.withoutNulls(body.get("state"))).as("state after event " + sequence)
                                                                   .isEqualTo(fold.state());
            // Never more than one checkpoint interval folded.
            assertThat(body.get("computedFrom").get("eventsFolded").asInt()).isBetween(1, EVERY);
        }
        assertThat(eventTypes).contains("PromoCodeRedeemed", "PromoCodeReinstated", "IdentityCaptured",
                                        "LifecycleStageAdvanced");
    }

    @Test
    void checkpointsAreWrittenEveryIntervalOfEvents() {
        List<Long> checkpoints = engine.database().queryForList(
                "SELECT sequence_number FROM journey_state_checkpoint WHERE customer_id = ? ORDER BY sequence_number",
                Long.class, CUSTOMER);
        List<Long> expected = new ArrayList<>();
        for (long s = EVERY - 1; s < stream.size(); s += EVERY) {
            expected.add(s);
        }
        assertThat(checkpoints).isEqualTo(expected);
        Answer fromCheckpoint = api.get("/api/customers/" + CUSTOMER + "/state?atSequence=" + (3 * EVERY + 5));
        assertThat(fromCheckpoint.json().get("computedFrom").get("checkpoint").asLong()).isEqualTo(3 * EVERY - 1);
        assertThat(fromCheckpoint.json().get("computedFrom").get("eventsFolded").asInt()).isEqualTo(6);
    }

    @Test
    void withoutAPointTheStateIsTheCurrentOne() {
        Answer now = api.get("/api/customers/" + CUSTOMER + "/state");
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.json().get("atSequence").asLong()).isEqualTo(stream.size() - 1);
        assertThat(now.json().get("lastSequence").asLong()).isEqualTo(stream.size() - 1);
    }

    @Test
    void atAnInstantTheStateIsAfterTheLastEventRecordedByThen() {
        for (int sequence : new int[]{0, 7, 333, stream.size() - 1}) {
            String recordedAt = stream.get(sequence).get("recordedAt").asText();
            Instant instant = Instant.parse(recordedAt);
            long expected = -1;
            for (JsonNode event : stream) {
                if (Instant.parse(event.get("recordedAt").asText()).isAfter(instant)) {
                    break;
                }
                expected = event.get("sequence").asLong();
            }
            Answer answer = api.get("/api/customers/" + CUSTOMER + "/state?at=" + recordedAt);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("atSequence").asLong()).isEqualTo(expected);
            assertThat(answer.json().get("event").get("recordedAt").asText())
                    .isEqualTo(stream.get((int) expected).get("recordedAt").asText());
        }
        Answer later = api.get("/api/customers/" + CUSTOMER + "/state?at=2099-01-01T00:00:00Z");
        assertThat(later.json().get("atSequence").asLong()).isEqualTo(stream.size() - 1);
    }

    @Test
    void beforeTheFirstEventOrPastTheLastThereIsNoState() {
        Answer before = api.get("/api/customers/" + CUSTOMER + "/state?at=2020-01-01T00:00:00Z");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.code()).isEqualTo("SEQUENCE_NOT_FOUND");
        Answer past = api.get("/api/customers/" + CUSTOMER + "/state?atSequence=" + stream.size());
        assertThat(past.status()).isEqualTo(404);
        assertThat(past.isProblem()).isTrue();
        assertThat(past.code()).isEqualTo("SEQUENCE_NOT_FOUND");
        assertThat(past.json().get("lastSequence").asLong()).isEqualTo(stream.size() - 1);
    }

    @Test
    void anUnknownCustomerAndBadParametersAreRefused() {
        Answer unknown = api.get("/api/customers/cust-nobody/state?atSequence=0");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CUSTOMER_NOT_FOUND");
        for (String query : List.of("atSequence=-1", "atSequence=two", "at=yesterday", "at=2026-11-20",
                                    "atSequence=3&at=2026-11-20T10:00:00Z")) {
            Answer answer = api.get("/api/customers/" + CUSTOMER + "/state?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.code()).as(query).isEqualTo("VALIDATION_FAILED");
        }
    }
}
