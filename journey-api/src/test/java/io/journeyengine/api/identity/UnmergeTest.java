package io.journeyengine.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.journeyengine.api.identity.Touch.cartAdd;
import static io.journeyengine.api.identity.Touch.code;
import static io.journeyengine.api.identity.Touch.identity;
import static io.journeyengine.api.identity.Touch.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/customers/{id}/unmerge: a wrong merge undone over HTTP, and the refusals that keep it unambiguous. */
class UnmergeTest {

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

    /** B (known by a phone: consent, code, socks in the cart, a purchase) wrongly merged into A by a link. */
    private static Touch mergedPair(String name, String phone) {
        Touch touch = new Touch(api, name);
        String b = "cust-" + name + "-b";
        String a = "cust-" + name + "-a";
        touch.send(b, identity("PHONE", phone), "SMS", "2026-11-20T09:00:00Z", "CONSENT_CHANGED",
                   Map.of("channel", "SMS", "granted", true));
        touch.send(b, null, "SMS", "2026-11-20T09:01:00Z", "PROMO_CODE_SENT", code("UNM-" + name));
        touch.send(b, null, "WEB", "2026-11-20T09:02:00Z", "CART_ITEM_ADDED", cartAdd("SOCKS-1", 3, "12.50"));
        touch.send(b, null, "STORE", "2026-11-20T09:03:00Z", "IN_STORE_PURCHASE",
                   Map.of("orderId", "till-" + name, "storeId", "store-1",
                          "items", List.of(Map.of("sku", "SCARF", "quantity", 1, "unitPrice", "20.00",
                                                  "currency", "EUR"))));
        touch.send(a, null, "APP", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED", cartAdd("SOCKS-1", 1, "12.50"));
        JsonNode link = touch.send(a, null, "APP", "2026-11-20T10:05:00Z", "IDENTITY_LINKED",
                                   Map.of("type", "PHONE", "value", phone));
        assertThat(texts(link.get("events"), null)).contains("ProfileMerged");
        return touch;
    }

    private static Answer unmerge(Touch touch, String survivor, String merged) {
        Answer answer = api.post("/api/customers/" + survivor + "/unmerge", Map.of("mergedCustomerId", merged));
        touch.saw(answer);
        return answer;
    }

    @Test
    void anUnmergeGivesTheMergedProfileBackWhatCameWithItAndKeepsWhatHappenedSince() {
        Touch touch = mergedPair("unm1", "+31 6 3333 0001");
        String a = "cust-unm1-a";
        String b = "cust-unm1-b";
        touch.send(a, null, "APP", "2026-11-20T10:10:00Z", "CART_ITEM_ADDED", cartAdd("BOOTS-42", 1, "89.90"));
        JsonNode merged = touch.read("/api/customers/" + a).json();
        assertThat(merged.get("stage").asText()).isEqualTo("CONVERSION");
        long customersWhileMerged = touch.read("/api/analytics/journeys").json().get("customers").asLong();

        Answer answer = unmerge(touch, a, b);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("customerId").asText()).isEqualTo(a);
        assertThat(answer.json().get("restoredCustomerId").asText()).isEqualTo(b);
        assertThat(texts(answer.json().get("events"), null)).containsExactly("ProfileUnmerged",
                                                                            "LifecycleStageCorrected");
        assertThat(texts(answer.json().get("restoredEvents"), null)).containsExactly("ProfileRestored");
        assertThat(answer.json().get("identitiesReturned").asInt()).isEqualTo(1);

        // The survivor keeps its own socks and the boots it added since; its stage is its own again.
        JsonNode survivor = touch.read("/api/customers/" + a).json();
        assertThat(survivor.get("customerId").asText()).isEqualTo(a);
        assertThat(survivor.get("stage").asText()).isEqualTo("ACQUISITION");
        assertThat(survivor.get("identities")).isEmpty();
        assertThat(survivor.get("promotions")).isEmpty();
        assertThat(survivor.get("orders")).isEmpty();
        assertThat(survivor.get("consents").size()).isZero();
        assertThat(survivor.get("mergedProfiles")).isEmpty();
        assertThat(survivor.get("stageHistory").get(survivor.get("stageHistory").size() - 1).get("touchpointId")
                           .asText()).isEqualTo("unmerge:" + b);
        JsonNode cart = survivor.get("cart");
        assertThat(texts(cart.get("items"), "sku")).containsExactly("SOCKS-1", "BOOTS-42");
        assertThat(cart.get("items").get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(texts(touch.read("/api/customers/" + a + "/timeline").json().get("touchpoints"), "type"))
                .containsExactly("CART_ITEM_ADDED", "IDENTITY_LINKED", "CART_ITEM_ADDED");

        // The restored profile is a customer of its own, as it was; its phone leads to it again.
        JsonNode restored = touch.read("/api/customers/" + b).json();
        assertThat(restored.get("customerId").asText()).isEqualTo(b);
        assertThat(restored.get("stage").asText()).isEqualTo("CONVERSION");
        assertThat(texts(restored.get("identities"), "value")).containsExactly("+31633330001");
        assertThat(texts(restored.get("promotions"), "code")).containsExactly("UNM-UNM1");
        assertThat(restored.get("cart").get("items").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(touch.send(null, identity("PHONE", "+31633330001"), "SMS", "2026-11-20T11:00:00Z",
                              "PRODUCT_VIEWED", Map.of("sku", "HAT-1")).get("customerId").asText()).isEqualTo(b);
        assertThat(touch.read("/api/analytics/journeys").json().get("customers").asLong())
                .isEqualTo(customersWhileMerged + 1);
        assertThat(texts(touch.read("/api/customers?size=500").json().get("items"), "customerId")).contains(a, b);

        // Undoing it twice is refused: there is nothing merged any more.
        Answer again = unmerge(touch, a, b);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("NOT_MERGED");
    }

    @Test
    void anUnmergeIsRefusedWhenACodeThatCameWithTheMergeWasRedeemedSince() {
        Touch touch = mergedPair("unm2", "+31 6 3333 0002");
        String a = "cust-unm2-a";
        touch.send(a, null, "STORE", "2026-11-20T10:30:00Z", "IN_STORE_PURCHASE",
                   Map.of("orderId", "till-unm2-a", "storeId", "store-1", "promoCode", "UNM-UNM2",
                          "items", List.of(Map.of("sku", "HAT", "quantity", 1, "unitPrice", "20.00",
                                                  "currency", "EUR"))));
        long events = engine.totalEvents();
        Answer refused = unmerge(touch, a, "cust-unm2-b");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.code()).isEqualTo("UNMERGE_CODE_REDEEMED");
        assertThat(refused.json().get("promoCode").asText()).isEqualTo("UNM-UNM2");
        assertThat(refused.json().get("detail").asText()).contains("UNM-UNM2", "cust-unm2-b");
        assertThat(engine.totalEvents()).isEqualTo(events);
        // Still merged: the merged id leads to the survivor.
        assertThat(touch.send("cust-unm2-b", null, "WEB", "2026-11-20T11:00:00Z", "PRODUCT_VIEWED",
                              Map.of("sku", "HAT")).get("customerId").asText()).isEqualTo(a);
    }

    @Test
    void anUnmergeIsRefusedWhenACartLineThatCameWithTheMergeWasChangedSince() {
        Touch touch = mergedPair("unm3", "+31 6 3333 0003");
        touch.send("cust-unm3-a", null, "APP", "2026-11-20T10:30:00Z", "CART_ITEM_REMOVED",
                   Map.of("sku", "SOCKS-1", "quantity", 1));
        Answer refused = unmerge(touch, "cust-unm3-a", "cust-unm3-b");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("UNMERGE_CART_CHANGED");
        assertThat(refused.json().get("sku").asText()).isEqualTo("SOCKS-1");
    }

    @Test
    void theRefusalsSayPreciselyWhatIsWrong() {
        Touch touch = mergedPair("unm4", "+31 6 3333 0004");
        touch.send("cust-unm4-c", null, "WEB", "2026-11-20T10:30:00Z", "PRODUCT_VIEWED", Map.of("sku", "HAT"));

        Answer notMerged = unmerge(touch, "cust-unm4-c", "cust-unm4-b");
        assertThat(notMerged.status()).isEqualTo(409);
        assertThat(notMerged.code()).isEqualTo("NOT_MERGED");
        assertThat(notMerged.json().get("mergedInto").asText()).isEqualTo("cust-unm4-a");

        Answer onTheAlias = unmerge(touch, "cust-unm4-b", "cust-unm4-c");
        assertThat(onTheAlias.status()).isEqualTo(409);
        assertThat(onTheAlias.code()).isEqualTo("CUSTOMER_MERGED");
        assertThat(onTheAlias.json().get("survivorCustomerId").asText()).isEqualTo("cust-unm4-a");

        Answer unknown = unmerge(touch, "cust-nobody", "cust-unm4-b");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CUSTOMER_NOT_FOUND");

        for (String body : List.of("{}", "{\"mergedCustomerId\": 7}", "{\"mergedCustomerId\": \"a/b\"}", "[]")) {
            Answer invalid = api.post("/api/customers/cust-unm4-a/unmerge", body);
            assertThat(invalid.status()).as(body).isEqualTo(400);
            assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(invalid.json().get("errors").get(0).get("field").asText()).isEqualTo("mergedCustomerId");
        }
        Answer malformed = api.post("/api/customers/cust-unm4-a/unmerge", "{");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("MALFORMED_JSON");
    }
}
