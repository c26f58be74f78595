package io.journeyengine.api.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

/** Channels that know the customer by a phone number or a cookie instead of the engine's id. */
class IdentityAddressingTest {

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

    private static ObjectNode byIdentity(String id, String customerId, String type, String value, String channel) {
        ObjectNode node = touchpoint(id, customerId, channel, "2026-11-20T09:00:00Z", "PRODUCT_VIEWED",
                                     Map.of("sku", "BOOTS-42"));
        node.set("identity", Api.JSON.valueToTree(Map.of("type", type, "value", value)));
        return node;
    }

    @Test
    void anUnknownIdentityCreatesACustomerAndLaterTouchpointsFindIt() {
        Answer first = api.post("/api/touchpoints", byIdentity("id-1", null, "PHONE", "+31 6 1111 2222", "SMS"));
        assertThat(first.status()).isEqualTo(200);
        String customer = first.json().get("customerId").asText();
        assertThat(customer).startsWith("cust-");
        assertThat(first.json().get("events").toString()).contains("JourneyStarted", "IdentityCaptured");

        // The WhatsApp desk writes the same number differently: it is the same customer.
        Answer second = api.post("/api/touchpoints", byIdentity("id-2", null, "PHONE", "0031611112222", "WHATSAPP"));
        assertThat(second.json().get("customerId").asText()).isEqualTo(customer);
        assertThat(second.json().get("events").toString()).doesNotContain("JourneyStarted", "IdentityCaptured");
    }

    @Test
    void givingACustomerIdAndAnIdentityLinksTheIdentityToThatCustomer() {
        Answer linked = api.post("/api/touchpoints",
                                 byIdentity("id-3", "cust-known", "EMAIL", " Ann@Example.COM ", "EMAIL"));
        assertThat(linked.json().get("customerId").asText()).isEqualTo("cust-known");
        Answer later = api.post("/api/touchpoints", byIdentity("id-4", null, "EMAIL", "ann@example.com", "WEB"));
        assertThat(later.json().get("customerId").asText()).isEqualTo("cust-known");
    }

    @Test
    void anIdentityOfAnotherCustomerMergesThatCustomerIntoTheOneNamed() {
        api.post("/api/touchpoints", byIdentity("id-5", "cust-owner", "LOYALTY_CARD", "LC-123", "STORE"));
        Answer merged = api.post("/api/touchpoints", byIdentity("id-6", "cust-other", "LOYALTY_CARD", "LC-123",
                                                                 "STORE"));
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("customerId").asText()).isEqualTo("cust-other");
        assertThat(merged.json().get("events").toString()).contains("ProfileMerged");
        assertThat(engine.database().queryForObject(
                "SELECT customer_id FROM identity_index WHERE identity_value = 'LC-123'", String.class))
                .isEqualTo("cust-other");
        // The card's former owner is an alias now.
        Answer later = api.post("/api/touchpoints", byIdentity("id-6b", "cust-owner", "LOYALTY_CARD", "LC-123",
                                                                "STORE"));
        assertThat(later.json().get("customerId").asText()).isEqualTo("cust-other");
    }

    @Test
    void anIdentityLinkedTouchpointClaimsTheIdentity() {
        Answer link = api.post("/api/touchpoints", touchpoint("id-7", "cust-linker", "APP", "2026-11-20T09:00:00Z",
                "IDENTITY_LINKED", Map.of("type", "DEVICE_ID", "value", "device-77")));
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.json().get("events").toString()).contains("IdentityLinked");
        Answer byDevice = api.post("/api/touchpoints", byIdentity("id-8", null, "DEVICE_ID", "device-77", "APP"));
        assertThat(byDevice.json().get("customerId").asText()).isEqualTo("cust-linker");
    }

    /**
     * A refused touchpoint rolls back to its savepoint: the new identity it brought stays unclaimed, and the merge it
     * proved is undone with it (identity index, aliases and events alike).
     */
    @Test
    void aRefusedTouchpointClaimsNoIdentityAndMergesNobody() {
        ObjectNode refused = touchpoint("id-9", null, "APP", "2026-11-20T09:00:00Z", "CART_ITEM_REMOVED",
                                        Map.of("sku", "BOOTS-42", "quantity", 1));   // nothing in the cart
        refused.set("identity", Api.JSON.valueToTree(Map.of("type", "PHONE", "value", "+31677770009")));
        assertThat(api.post("/api/touchpoints", refused).status()).isEqualTo(422);
        assertThat(engine.database().queryForObject(
                "SELECT COUNT(*) FROM identity_index WHERE identity_value = '+31677770009'", Integer.class)).isZero();

        api.post("/api/touchpoints", byIdentity("id-10", "cust-card-owner", "LOYALTY_CARD", "LC-910", "STORE"));
        ObjectNode mergeThenRefuse = touchpoint("id-11", "cust-card-thief", "STORE", "2026-11-20T09:00:00Z",
                                                "CART_ITEM_REMOVED", Map.of("sku", "BOOTS-42", "quantity", 1));
        mergeThenRefuse.set("identity", Api.JSON.valueToTree(Map.of("type", "LOYALTY_CARD", "value", "LC-910")));
        assertThat(api.post("/api/touchpoints", mergeThenRefuse).status()).isEqualTo(422);
        assertThat(engine.database().queryForObject(
                "SELECT customer_id FROM identity_index WHERE identity_value = 'LC-910'", String.class))
                .isEqualTo("cust-card-owner");
        assertThat(engine.eventCount("cust-card-thief")).isZero();
        Answer owner = api.post("/api/touchpoints", byIdentity("id-12", null, "LOYALTY_CARD", "LC-910", "STORE"));
        assertThat(owner.json().get("customerId").asText()).isEqualTo("cust-card-owner");
        assertThat(owner.json().get("events").toString()).doesNotContain("ProfileMerged");
    }

    /**
     * The race and the normal form together: channels that write one new phone number (or one e-mail address)
     * each their own way, all at once, still end in one customer, and the index holds the number once, in E.164.
     */
    @Test
    void differentSpellingsOfOneNewIdentityRacingEndInOneCustomer() throws Exception {
        List<String[]> spellings = List.of(
                new String[]{"PHONE", "+31 6 5555 0001"}, new String[]{"PHONE", "0031655550001"},
                new String[]{"PHONE", "(+31) 6-5555.0001"}, new String[]{"PHONE", "+31655550001"},
                new String[]{"EMAIL", " Race.Winner@Example.COM"}, new String[]{"EMAIL", "race.winner@example.com "},
                new String[]{"EMAIL", "RACE.WINNER@EXAMPLE.COM"}, new String[]{"EMAIL", "Race.Winner@example.com"});
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String[] spelling = spellings.get(i % spellings.size());
                String id = "spelling-race-" + i;
                String channel = spelling[0].equals("PHONE") ? (i % 2 == 0 ? "SMS" : "WHATSAPP") : "EMAIL";
                calls.add(() -> api.post("/api/touchpoints", byIdentity(id, null, spelling[0], spelling[1], channel)));
            }
            Map<String, Set<String>> customersByType = new java.util.HashMap<>();
            List<Future<Answer>> answers = pool.invokeAll(calls);
            for (int i = 0; i < answers.size(); i++) {
                Answer answer = answers.get(i).get();
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                customersByType.computeIfAbsent(spellings.get(i % spellings.size())[0], k -> new HashSet<>())
                               .add(answer.json().get("customerId").asText());
            }
            assertThat(customersByType.get("PHONE")).hasSize(1);
            assertThat(customersByType.get("EMAIL")).hasSize(1);
            assertThat(engine.database().queryForList(
                    "SELECT identity_value FROM identity_index WHERE identity_value IN (?, ?, ?, ?) "
                            + "OR LOWER(identity_value) = 'race.winner@example.com'", String.class,
                    "+31655550001", "0031655550001", "+31 6 5555 0001", "(+31) 6-5555.0001"))
                    .containsExactlyInAnyOrder("+31655550001", "race.winner@example.com");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoTouchpointsRacingForTheSameNewPhoneNumberEndInOneCustomer() throws Exception {
        int racers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String id = "race-" + i;
                calls.add(() -> api.post("/api/touchpoints", byIdentity(id, null, "PHONE", "+31699990000", "SMS")));
            }
            Set<String> customers = new HashSet<>();
            for (Future<Answer> answer : pool.invokeAll(calls)) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
                customers.add(answer.get().json().get("customerId").asText());
            }
            assertThat(customers).hasSize(1);
            String customer = customers.iterator().next();
            Integer owners = engine.database().queryForObject(
                    "SELECT COUNT(DISTINCT customer_id) FROM identity_index WHERE identity_value = '+31699990000'",
                    Integer.class);
            assertThat(owners).isEqualTo(1);
            // One journey start, and every racer's touchpoint recorded on it.
            assertThat(engine.database().queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%JourneyStarted'", Integer.class))
                    .isEqualTo(engine.database().queryForObject(
                            "SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry", Integer.class));
            assertThat(engine.database().queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                            + "AND payload_type LIKE '%ProductViewed'", Integer.class, customer)).isEqualTo(racers);
        } finally {
            pool.shutdownNow();
        }
    }
}
