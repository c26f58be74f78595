package io.journeyengine.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.journeyengine.api.identity.Touch.cartAdd;
import static io.journeyengine.api.identity.Touch.identity;
import static io.journeyengine.api.identity.Touch.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DELETE /api/customers/{id}/personal-data over HTTP: afterwards the erased phone number and e-mail address are
 * nowhere in the database, in any readable form, while counts stay and every view can still be rebuilt.
 */
class ErasureTest {

    private static final String PHONE_RAW = "+31 6 5555 7777";
    private static final String PHONE = "+31655557777";
    private static final String EMAIL_RAW = "Ann.Erase@Example.COM";
    private static final String EMAIL = "ann.erase@example.com";
    private static final String OTHER_EMAIL = "ann.second@example.com";
    /** Every spelling that must be gone: as sent, as normalised, the national digits. */
    private static final List<String> NEEDLES = List.of(PHONE, PHONE_RAW, "0031655557777", "655557777", EMAIL,
                                                        EMAIL_RAW, OTHER_EMAIL, "Call me on");

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
    void afterErasureThePersonalDataIsNowhereInTheDatabaseAndTheHistoryStillReplays() {
        Touch touch = new Touch(api, "erase");
        // The person: a phone for SMS and WhatsApp, an e-mail, a web cookie profile merged in by a login.
        String ann = touch.send(null, identity("PHONE", PHONE_RAW), "SMS", "2026-11-20T09:00:00Z",
                                "CONSENT_CHANGED", Map.of("channel", "SMS", "granted", true))
                          .get("customerId").asText();
        touch.send(ann, identity("EMAIL", EMAIL_RAW), "EMAIL", "2026-11-20T09:01:00Z", "PRODUCT_VIEWED",
                   Map.of("sku", "BOOTS-42"));
        touch.send(ann, null, "WHATSAPP", "2026-11-20T09:02:00Z", "CONVERSATION_STARTED",
                   Map.of("conversationId", "chat-erase", "topic", "Delivery to " + EMAIL));
        touch.send(ann, null, "WHATSAPP", "2026-11-20T09:03:00Z", "CONVERSATION_MESSAGE",
                   Map.of("conversationId", "chat-erase", "direction", "INBOUND",
                          "text", "Call me on " + PHONE_RAW + " or " + EMAIL));
        touch.send(ann, null, "WHATSAPP", "2026-11-20T09:04:00Z", "CONVERSATION_CLOSED",
                   Map.of("conversationId", "chat-erase", "resolution", "Called " + PHONE));
        touch.send(ann, null, "STORE", "2026-11-20T09:05:00Z", "IN_STORE_PURCHASE",
                   Map.of("orderId", "till-erase", "storeId", "store-1",
                          "items", List.of(Map.of("sku", "HAT", "quantity", 1, "unitPrice", "20.00",
                                                  "currency", "EUR"))));
        touch.send(ann, null, "STORE", "2026-11-20T09:06:00Z", "ORDER_RETURNED",
                   Map.of("orderId", "till-erase", "reason", "Wrong size, mail " + EMAIL));
        String web = touch.send(null, identity("COOKIE_ID", "ck-erase"), "WEB", "2026-11-20T09:10:00Z",
                                "CART_ITEM_ADDED", cartAdd("SOCKS-1", 1, "12.50")).get("customerId").asText();
        touch.send(web, null, "WEB", "2026-11-20T09:11:00Z", "IDENTITY_LINKED",
                   Map.of("type", "EMAIL", "value", OTHER_EMAIL));
        touch.send(ann, identity("COOKIE_ID", "ck-erase"), "WEB", "2026-11-20T09:12:00Z", "PRODUCT_VIEWED",
                   Map.of("sku", "SOCKS-1"));
        // Someone else, who must keep everything.
        touch.send("cust-erase-bystander", identity("EMAIL", "bystander@example.com"), "EMAIL",
                   "2026-11-20T09:20:00Z", "PRODUCT_VIEWED", Map.of("sku", "HAT"));

        JsonNode before = touch.read("/api/customers/" + ann).json();
        assertThat(texts(before.get("identities"), "value")).contains(PHONE, EMAIL, OTHER_EMAIL, "ck-erase");
        JsonNode journeysBefore = touch.read("/api/analytics/journeys").json();
        JsonNode channelsBefore = touch.read("/api/analytics/channels").json();
        // At rest the events hold the values sealed: the event store is searched by its bytes.
        assertThat(occurrences("DOMAIN_EVENT_ENTRY")).as("sealed in the event store").isEmpty();
        assertThat(occurrences(null)).as("in clear in the views and the index before erasure").isNotEmpty();

        Answer erased = api.delete("/api/customers/" + web + "/personal-data");
        touch.saw(erased);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("customerId").asText()).isEqualTo(ann);
        assertThat(texts(erased.json().get("erasedCustomerIds"), null)).containsExactlyInAnyOrder(ann, web);
        assertThat(erased.json().get("identitiesForgotten").asInt()).isEqualTo(4);
        assertThat(erased.json().get("keysDeleted").asInt()).isEqualTo(2);

        JsonNode after = touch.read("/api/customers/" + ann).json();
        assertThat(texts(after.get("identities"), "value")).containsOnly("[erased]");
        assertThat(texts(after.get("identities"), "type")).containsExactlyInAnyOrder("PHONE", "EMAIL", "COOKIE_ID");
        JsonNode chat = after.get("conversations").get(0);
        assertThat(chat.get("topic").asText()).isEqualTo("[erased]");
        assertThat(chat.get("messages").get(0).get("text").asText()).isEqualTo("[erased]");
        String timeline = touch.read("/api/customers/" + ann + "/timeline").body();
        assertThat(timeline).contains("Conversation chat-erase started: [erased]", "returned: [erased]");
        assertThat(after.get("orders")).hasSize(1);
        assertThat(after.get("consents").get("SMS").asBoolean()).isTrue();
        assertThat(touch.read("/api/analytics/journeys").json()).isEqualTo(journeysBefore);
        assertThat(touch.read("/api/analytics/channels").json()).isEqualTo(channelsBefore);
        assertThat(occurrences(null)).as("anywhere in the database after erasure").isEmpty();
        assertThat(engine.database().queryForObject("SELECT COUNT(*) FROM identity_index WHERE identity_value = ?",
                                                    Integer.class, "bystander@example.com")).isEqualTo(1);

        // Every view rebuilt from the store: the erased values stay erased, the figures stay the same.
        replayEveryView();
        JsonNode replayed = api.get("/api/customers/" + ann).json();
        assertThat(texts(replayed.get("identities"), "value")).containsOnly("[erased]");
        assertThat(replayed.get("conversations").get(0).get("messages").get(0).get("text").asText())
                .isEqualTo("[erased]");
        assertThat(api.get("/api/customers/" + ann + "/timeline").body()).isEqualTo(timeline);
        assertThat(api.get("/api/analytics/journeys").json()).isEqualTo(journeysBefore);
        assertThat(occurrences(null)).as("after every view was rebuilt").isEmpty();
        JsonNode bystander = api.get("/api/customers/cust-erase-bystander").json();
        assertThat(texts(bystander.get("identities"), "value")).containsExactly("bystander@example.com");

        // The phone number no longer leads to the erased customer: it is a stranger now.
        JsonNode stranger = touch.send(null, identity("PHONE", PHONE), "SMS", "2026-11-21T09:00:00Z",
                                       "PRODUCT_VIEWED", Map.of("sku", "HAT"));
        assertThat(stranger.get("customerId").asText()).isNotIn(ann, web);
        // Erasing again is harmless.
        assertThat(api.delete("/api/customers/" + ann + "/personal-data").status()).isEqualTo(200);
        assertThat(api.delete("/api/customers/cust-nobody/personal-data").code()).isEqualTo("CUSTOMER_NOT_FOUND");
    }

    private static void replayEveryView() {
        for (JsonNode view : api.get("/api/admin/projections").json()) {
            String name = view.get("name").asText();
            Answer started = api.post("/api/admin/projections/" + name + "/replay", "{}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode replay = api.get("/api/admin/projections/" + name).json().get("replay");
                assertThat(replay.get("replaying").asBoolean()).isFalse();
                assertThat(replay.get("percentage").asDouble()).isEqualTo(100.0);
            });
        }
    }

    /**
     * Every place the needles occur, as {@code table.column}: every text and binary column of every table (binary
     * ones read as UTF-8), compared case-insensitively. {@code onlyTable} narrows the search to one table. The
     * engine's own schema is {@code CURRENT_SCHEMA} on H2 ({@code PUBLIC}) and PostgreSQL ({@code public}) alike, and
     * the type names are each database's own ({@code CHARACTER VARYING}, {@code text}, {@code BINARY LARGE OBJECT},
     * {@code bytea}, ...).
     */
    private static List<String> occurrences(String onlyTable) {
        List<Map<String, Object>> columns = engine.database().queryForList(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                        + "WHERE table_schema = CURRENT_SCHEMA");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("TABLE_NAME");
            String name = (String) column.get("COLUMN_NAME");
            String type = String.valueOf(column.get("DATA_TYPE")).toUpperCase(Locale.ROOT);
            boolean text = type.contains("CHAR") || type.contains("CLOB") || type.contains("JSON")
                    || type.contains("TEXT");
            boolean binary = type.contains("BINARY") || type.contains("BLOB") || type.contains("BYTEA");
            if ((!text && !binary) || (onlyTable != null && !onlyTable.equalsIgnoreCase(table))) {
                continue;
            }
            for (Object value : engine.database().queryForList("SELECT \"" + name + "\" FROM \"" + table + "\"",
                                                               Object.class)) {
                String content = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : value instanceof java.sql.Blob blob ? blobText(blob) : String.valueOf(value);
                String lower = content.toLowerCase(Locale.ROOT);
                for (String needle : NEEDLES) {
                    if (lower.contains(needle.toLowerCase(Locale.ROOT))) {
                        found.add(table + "." + name + " holds " + needle);
                    }
                }
            }
        }
        return found;
    }

    private static String blobText(java.sql.Blob blob) {
        try {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
