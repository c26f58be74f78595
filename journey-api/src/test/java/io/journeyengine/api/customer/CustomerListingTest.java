package io.journeyengine.api.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.Customer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.journeyengine.api.customer.CustomerViewsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/customers}: pages in customerId order, the stage filter, the search by identity, refusals of bad
 * parameters, and identity values masked for an analyst's key but shown to an agent's.
 */
class CustomerListingTest {

    private static RunningEngine engine;
    private static Api admin;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        admin = engine.api();
        new Customer(admin, "cust-a1").sendAs("PHONE", "+31612345678", "WEB", "2026-11-20T10:00:00Z",
                                              "PRODUCT_VIEWED", Map.of("sku", "A"));                     // REACH
        new Customer(admin, "cust-a2").cartAdd("WEB", "2026-11-20T10:00:00Z", "A", 1, "1.00");           // ACQUISITION
        Customer a3 = new Customer(admin, "cust-a3");                                                     // ACQUISITION
        a3.send("APP", "2026-11-21T09:00:00Z", "IDENTITY_LINKED", Map.of("type", "EMAIL", "value", "ann@example.com"));
        a3.viewed("SMS", "2026-11-20T08:00:00Z", "B"); // late: not the latest touchpoint
        new Customer(admin, "cust-b1").tillPurchase("2026-11-20T10:00:00Z", "t-1", "A", "5.00", null);   // CONVERSION
        Customer b2 = new Customer(admin, "cust-b2");                                                     // RETENTION
        b2.tillPurchase("2026-11-20T10:00:00Z", "t-1", "A", "5.00", null);
        b2.tillPurchase("2026-11-20T11:00:00Z", "t-2", "A", "5.00", null);
        Customer c1 = new Customer(admin, "cust-c1");                                                     // LOYALTY
        for (int i = 1; i <= 3; i++) {
            c1.tillPurchase("2026-11-2" + i + "T10:00:00Z", "t-" + i, "A", "5.00", null);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode all = admin.get("/api/customers").json();
            assertThat(all.get("total").asLong()).isEqualTo(6);
            List<String> stages = new ArrayList<>();
            all.get("items").forEach(item -> stages.add(item.get("stage").asText()));
            assertThat(stages)
                    .containsExactly("REACH", "ACQUISITION", "ACQUISITION", "CONVERSION", "RETENTION", "LOYALTY");
            assertThat(all.get("items").get(5).get("touchpoints").asLong()).isEqualTo(3);
            assertThat(all.get("items").get(2).get("identities")).hasSize(1);
        });
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void pagesAreStableInCustomerIdOrder() {
        JsonNode first = ok(admin.get("/api/customers?page=0&size=2"));
        assertThat(ids(first)).containsExactly("cust-a1", "cust-a2");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(6);
        assertThat(ids(ok(admin.get("/api/customers?page=1&size=2")))).containsExactly("cust-a3", "cust-b1");
        assertThat(ids(ok(admin.get("/api/customers?page=2&size=2")))).containsExactly("cust-b2", "cust-c1");
        JsonNode beyond = ok(admin.get("/api/customers?page=3&size=2"));
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(6);
        JsonNode defaults = ok(admin.get("/api/customers"));
        assertThat(defaults.get("page").asInt()).isZero();
        assertThat(defaults.get("size").asInt()).isEqualTo(50);
        assertThat(ids(defaults)).hasSize(6);
    }

    @Test
    void anItemCarriesStageIdentitiesChannelsAndTouchpoints() {
        JsonNode items = ok(admin.get("/api/customers")).get("items");
        assertThat(items.get(0)).isEqualTo(json("""
                {"customerId":"cust-a1","stage":"REACH","identities":[{"type":"PHONE","value":"+31612345678"}],
                 "channels":["WEB"],"touchpoints":1,"lastTouchpointAt":"2026-11-20T10:00:00Z"}"""));
        // Channels in order of first use by business time; the latest touchpoint by business time, not arrival.
        assertThat(items.get(2)).isEqualTo(json("""
                {"customerId":"cust-a3","stage":"ACQUISITION","identities":[{"type":"EMAIL","value":"ann@example.com"}],
                 "channels":["SMS","APP"],"touchpoints":2,"lastTouchpointAt":"2026-11-21T09:00:00Z"}"""));
    }

    @Test
    void theStageFilterListsOnlyThatStage() {
        JsonNode acquired = ok(admin.get("/api/customers?stage=ACQUISITION"));
        assertThat(ids(acquired)).containsExactly("cust-a2", "cust-a3");
        assertThat(acquired.get("total").asLong()).isEqualTo(2);
        JsonNode loyal = ok(admin.get("/api/customers?stage=LOYALTY&size=1"));
        assertThat(ids(loyal)).containsExactly("cust-c1");
        assertThat(loyal.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void badParametersAreRefusedNamingEachOne() {
        Map<String, String> cases = Map.of("stage=NOPE", "stage", "stage=reach", "stage", "page=-1", "page",
                                           "page=x", "page", "size=0", "size", "size=501", "size", "size=2.5", "size");
        cases.forEach((query, field) -> {
            Answer answer = admin.get("/api/customers?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.json().get("errors").get(0).get("field").asText()).as(query).isEqualTo(field);
        });
        Answer both = admin.get("/api/customers?page=-1&size=0&stage=X");
        assertThat(both.json().get("errors")).hasSize(3);
    }

    @Test
    void anAnalystSeesMaskedIdentitiesAndAnAgentTheRealOnes() {
        Api analyst = engine.api(key("analyst-ada", "ANALYST"));
        Api agent = engine.api(key("agent-otto", "AGENT"));
        JsonNode masked = ok(analyst.get("/api/customers")).get("items");
        assertThat(masked.get(0).get("identities")).isEqualTo(json("[{\"type\":\"PHONE\",\"value\":\"+31*******78\"}]"));
        assertThat(masked.get(2).get("identities")).isEqualTo(json("[{\"type\":\"EMAIL\",\"value\":\"a***@example.com\"}]"));
        assertThat(masked.toString()).doesNotContain("+31612345678").doesNotContain("ann@example.com");
        // Everything else is the same for both.
        assertThat(masked.get(0).get("channels")).isEqualTo(json("[\"WEB\"]"));

        JsonNode shown = ok(agent.get("/api/customers")).get("items");
        assertThat(shown.get(0).get("identities").get(0).get("value").asText()).isEqualTo("+31612345678");
        assertThat(shown.get(2).get("identities").get(0).get("value").asText()).isEqualTo("ann@example.com");
    }

    @Test
    void anIdentityFindsItsCustomerNormalisedAsIngestionDoes() {
        for (String phone : List.of("%2B31612345678", "%2B31%206%201234%205678", "0031-6-12345678")) {
            JsonNode found = ok(admin.get("/api/customers?identityType=PHONE&identity=" + phone));
            assertThat(ids(found)).as(phone).containsExactly("cust-a1");
            assertThat(found.get("total").asLong()).isEqualTo(1);
            assertThat(found.get("items").get(0).get("identities").get(0).get("value").asText())
                    .isEqualTo("+31612345678");
        }
        assertThat(ids(ok(admin.get("/api/customers?identityType=EMAIL&identity=%20Ann@Example.COM"))))
                .containsExactly("cust-a3");
        // The stage filter still applies; an identity nobody has is an empty page, not an error.
        assertThat(ids(ok(admin.get("/api/customers?identityType=PHONE&identity=%2B31612345678&stage=LOYALTY"))))
                .isEmpty();
        JsonNode nobody = ok(admin.get("/api/customers?identityType=LOYALTY_CARD&identity=card-404"));
        assertThat(nobody.get("items")).isEmpty();
        assertThat(nobody.get("total").asLong()).isZero();
        // An analyst finds the customer too, with the identity masked like in the listing.
        Api analyst = engine.api(key("analyst-search", "ANALYST"));
        JsonNode masked = ok(analyst.get("/api/customers?identityType=EMAIL&identity=ann@example.com"));
        assertThat(masked.get("items").get(0).get("identities"))
                .isEqualTo(json("[{\"type\":\"EMAIL\",\"value\":\"a***@example.com\"}]"));
    }

    @Test
    void aSearchByIdentityIsRefusedForBadParametersWithoutAKeyAndForOtherRoles() {
        Map<String, String> cases = Map.of("identityType=PHONE", "identity", "identity=ann@example.com", "identityType",
                                           "identityType=NAME&identity=ann", "identityType",
                                           "identityType=PHONE&identity=0612", "identity",
                                           "identityType=EMAIL&identity=not-an-address", "identity");
        cases.forEach((query, field) -> {
            Answer answer = admin.get("/api/customers?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.json().get("errors").get(0).get("field").asText()).as(query).isEqualTo(field);
        });
        String search = "/api/customers?identityType=PHONE&identity=%2B31612345678";
        Answer anonymous = engine.anonymous().get(search);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        Answer channelKey = admin.post("/api/admin/keys", Map.of("name", "search-channel", "roles", List.of("CHANNEL"),
                                                                 "channels", List.of("WEB")));
        assertThat(channelKey.status()).as(channelKey.body()).isEqualTo(201);
        for (Api other : List.of(engine.api(key("search-developer", "DEVELOPER")),
                                 engine.api(channelKey.json().get("key").asText()))) {
            Answer refused = other.get(search);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
        }
    }

    private static String key(String name, String role) {
        Answer created = admin.post("/api/admin/keys", Map.of("name", name, "roles", List.of(role)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("customerId").asText()));
        return ids;
    }
}
