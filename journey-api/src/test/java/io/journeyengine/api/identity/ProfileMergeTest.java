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

/**
 * Linking to one customer an identity that belongs to another merges the other profile into it, over HTTP: the
 * survivor takes over the cart, codes, conversations, consents and identities, the merged id becomes an alias, and
 * every view shows one customer.
 */
class ProfileMergeTest {

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
    void linkingAnIdentityOfAnotherCustomerMergesThatProfileIntoThisOne() {
        Touch touch = new Touch(api, "merge-1");
        // The SMS gateway knows a phone number: consent, a code, a chat on WhatsApp, socks in the web cart.
        Map<String, String> phone = identity("PHONE", "+31 6 2222 0001");
        String b = touch.send(null, phone, "SMS", "2026-11-20T09:00:00Z", "CONSENT_CHANGED",
                              Map.of("channel", "SMS", "granted", true)).get("customerId").asText();
        touch.send(null, phone, "SMS", "2026-11-20T09:01:00Z", "PROMO_CODE_SENT", code("MERGE-1"));
        touch.send(null, phone, "WHATSAPP", "2026-11-20T09:02:00Z", "CONVERSATION_STARTED",
                   Map.of("conversationId", "chat-m1", "topic", "Sizes"));
        touch.send(b, null, "WEB", "2026-11-20T09:03:00Z", "CART_ITEM_ADDED", cartAdd("SOCKS-1", 3, "12.50"));
        // The app knows the customer by its own id, with one pair of socks and boots.
        String a = "cust-merge-a";
        touch.send(a, null, "APP", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED", cartAdd("SOCKS-1", 1, "12.50"));
        touch.send(a, null, "APP", "2026-11-20T10:01:00Z", "CART_ITEM_ADDED", cartAdd("BOOTS-42", 1, "89.90"));

        // The customer gives the app their phone number: it belongs to the SMS customer, which merges into the app's.
        JsonNode linked = touch.send(a, null, "APP", "2026-11-20T10:05:00Z", "IDENTITY_LINKED",
                                     Map.of("type", "PHONE", "value", "0031622220001"));
        String linkId = touch.lastId();
        assertThat(linked.get("customerId").asText()).isEqualTo(a);
        assertThat(texts(linked.get("events"), null)).containsExactly("ProfileMerged", "IdentityLinked");

        // One cart: the larger quantity of socks, and the boots.
        JsonNode cart = touch.read("/api/customers/" + a + "/cart").json();
        assertThat(texts(cart.get("items"), "sku")).containsExactlyInAnyOrder("SOCKS-1", "BOOTS-42");
        assertThat(cart.get("items").findValuesAsText("quantity")).containsExactlyInAnyOrder("3", "1");
        assertThat(cart.get("total").asText()).isEqualTo("127.40");

        // The customer 360 of either id is the survivor's, naming the merge and its evidence.
        for (String id : List.of(a, b)) {
            JsonNode c = touch.read("/api/customers/" + id).json();
            assertThat(c.get("customerId").asText()).isEqualTo(a);
            assertThat(texts(c.get("identities"), "value")).containsExactly("+31622220001");
            assertThat(c.get("consents").get("SMS").asBoolean()).isTrue();
            assertThat(texts(c.get("promotions"), "code")).containsExactly("MERGE-1");
            assertThat(texts(c.get("conversations"), "conversationId")).containsExactly("chat-m1");
            assertThat(texts(c.get("channels"), null)).containsExactly("SMS", "WHATSAPP", "WEB", "APP");
            assertThat(c.get("mergedProfiles")).hasSize(1);
            assertThat(c.get("mergedProfiles").get(0).get("customerId").asText()).isEqualTo(b);
            assertThat(c.get("mergedProfiles").get(0).get("evidenceType").asText()).isEqualTo("PHONE");
            assertThat(c.get("mergedProfiles").get(0).get("touchpointId").asText()).isEqualTo(linkId);
        }
        // The timeline holds both profiles' touchpoints in business-time order.
        JsonNode timeline = touch.read("/api/customers/" + b + "/timeline").json();
        assertThat(timeline.get("customerId").asText()).isEqualTo(a);
        assertThat(texts(timeline.get("touchpoints"), "type")).containsExactly(
                "CONSENT_CHANGED", "PROMO_CODE_SENT", "CONVERSATION_STARTED", "CART_ITEM_ADDED", "CART_ITEM_ADDED",
                "CART_ITEM_ADDED", "IDENTITY_LINKED");

        // Later touchpoints naming the merged profile, by id or by its phone, land on the survivor.
        assertThat(touch.send(b, null, "WHATSAPP", "2026-11-20T10:10:00Z", "CONVERSATION_MESSAGE",
                              Map.of("conversationId", "chat-m1", "direction", "INBOUND", "text", "Size 42?"))
                        .get("customerId").asText()).isEqualTo(a);
        JsonNode redeemed = touch.send(null, phone, "STORE", "2026-11-20T11:00:00Z", "IN_STORE_PURCHASE",
                                       Map.of("orderId", "till-m1", "storeId", "store-1", "promoCode", "MERGE-1",
                                              "items", List.of(Map.of("sku", "SCARF", "quantity", 1,
                                                                      "unitPrice", "20.00", "currency", "EUR"))));
        assertThat(redeemed.get("customerId").asText()).isEqualTo(a);
        assertThat(texts(redeemed.get("events"), null)).contains("PromoCodeRedeemed");
        JsonNode after = touch.read("/api/customers/" + a).json();
        assertThat(after.get("conversations").get(0).get("messages")).hasSize(1);
        assertThat(after.get("promotions").get(0).get("status").asText()).isEqualTo("REDEEMED");
        assertThat(after.get("stage").asText()).isEqualTo("CONVERSION");
        assertThat(engine.eventCount(b)).as("nothing more reaches the merged journey")
                                        .isEqualTo(engine.database().queryForObject(
                                                "SELECT MAX(sequence_number) + 1 FROM domain_event_entry "
                                                        + "WHERE aggregate_identifier = ?", Long.class, b));
        assertThat(engine.database().queryForObject(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number DESC FETCH FIRST 1 ROWS ONLY", String.class, b))
                .endsWith("ProfileMergedInto");
    }

    @Test
    void aMergedProfileIsNoLongerACustomerAnywhere() {
        Touch touch = new Touch(api, "merge-2");
        String a = "cust-merge2-a";
        String b = "cust-merge2-b";
        touch.send(b, identity("COOKIE_ID", "ck-merge2"), "WEB", "2026-11-21T09:00:00Z", "PRODUCT_VIEWED",
                   Map.of("sku", "HAT-1"));
        touch.send(a, null, "APP", "2026-11-21T09:10:00Z", "PRODUCT_VIEWED", Map.of("sku", "HAT-1"));
        JsonNode before = touch.read("/api/analytics/journeys").json();
        long customers = before.get("customers").asLong();
        JsonNode funnelBefore = touch.read("/api/analytics/funnel").json();

        touch.send(a, identity("COOKIE_ID", "ck-merge2"), "APP", "2026-11-21T09:20:00Z", "PRODUCT_VIEWED",
                   Map.of("sku", "HAT-2"));

        JsonNode journeys = touch.read("/api/analytics/journeys").json();
        assertThat(journeys.get("customers").asLong()).isEqualTo(customers - 1);
        // The survivor is omnichannel now: the web touchpoint of the merged profile counts as its own.
        assertThat(journeys.get("omnichannelCustomers").asLong())
                .isEqualTo(before.get("omnichannelCustomers").asLong() + 1);
        JsonNode funnel = touch.read("/api/analytics/funnel").json();
        assertThat(funnel.get("customers").asLong()).isEqualTo(funnelBefore.get("customers").asLong() - 1);
        JsonNode listing = touch.read("/api/customers?size=500").json();
        assertThat(texts(listing.get("items"), "customerId")).contains(a).doesNotContain(b);
        JsonNode survivor = listing.get("items").findParents("customerId").stream()
                                   .filter(i -> i.get("customerId").asText().equals(a)).findFirst().orElseThrow();
        assertThat(survivor.get("touchpoints").asLong()).isEqualTo(3);
        assertThat(texts(survivor.get("channels"), null)).containsExactly("WEB", "APP");
        JsonNode channels = touch.read("/api/analytics/channels").json();
        assertThat(channels.get("switches").toString()).contains("\"from\":\"WEB\",\"to\":\"APP\"");
    }

    @Test
    void mergingIsIdempotent() {
        Touch touch = new Touch(api, "merge-3");
        String a = "cust-merge3-a";
        String b = "cust-merge3-b";
        touch.send(b, identity("EMAIL", "Twice@Example.com"), "EMAIL", "2026-11-22T09:00:00Z", "PRODUCT_VIEWED",
                   Map.of("sku", "HAT-1"));
        touch.send(b, identity("DEVICE_ID", "dev-merge3"), "APP", "2026-11-22T09:01:00Z", "PRODUCT_VIEWED",
                   Map.of("sku", "HAT-1"));
        JsonNode first = touch.send(a, null, "WEB", "2026-11-22T09:10:00Z", "IDENTITY_LINKED",
                                    Map.of("type", "EMAIL", "value", "twice@example.com"));
        assertThat(texts(first.get("events"), null)).contains("ProfileMerged");
        long events = engine.eventCount(a);
        // The same touchpoint again is a duplicate; linking the merged profile's other identity merges nothing more.
        Answer again = api.post("/api/touchpoints", Api.touchpoint(touch.lastId(), a, "WEB", "2026-11-22T09:10:00Z",
                "IDENTITY_LINKED", Map.of("type", "EMAIL", "value", "twice@example.com")));
        assertThat(again.json().get("status").asText()).isEqualTo("DUPLICATE");
        JsonNode other = touch.send(a, null, "APP", "2026-11-22T09:11:00Z", "IDENTITY_LINKED",
                                    Map.of("type", "DEVICE_ID", "value", "dev-merge3"));
        assertThat(texts(other.get("events"), null)).containsExactly("IdentityLinked");
        assertThat(engine.eventCount(a)).isEqualTo(events + 1);
        JsonNode c = touch.read("/api/customers/" + a).json();
        assertThat(c.get("mergedProfiles")).hasSize(1);
        assertThat(texts(c.get("identities"), "value")).containsExactly("twice@example.com", "dev-merge3");
    }

    @Test
    void anEnvelopeIdentityOfAnotherCustomerMergesBeforeTheTouchpointApplies() {
        Touch touch = new Touch(api, "merge-4");
        String a = "cust-merge4-a";
        touch.send(null, identity("COOKIE_ID", "ck-merge4"), "WEB", "2026-11-23T09:00:00Z", "CART_ITEM_ADDED",
                   cartAdd("HAT-1", 2, "15.00"));
        touch.send(a, null, "APP", "2026-11-23T09:05:00Z", "PRODUCT_VIEWED", Map.of("sku", "HAT-1"));
        // The checkout names the app customer and the web cookie: the web cart joins before it is bought.
        JsonNode checkout = touch.send(a, identity("COOKIE_ID", "ck-merge4"), "APP", "2026-11-23T09:10:00Z",
                                       "CHECKOUT_COMPLETED", Map.of("orderId", "app-m4", "fulfilment", "DELIVERY"));
        assertThat(texts(checkout.get("events"), null)).startsWith("ProfileMerged").contains("CheckoutCompleted");
        JsonNode c = touch.read("/api/customers/" + a).json();
        assertThat(c.get("orders").get(0).get("total").asText()).isEqualTo("30.00");
        assertThat(c.get("cart").get("items")).isEmpty();
    }
}
