package io.journeyengine.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Touchpoints as the channels of the identity tests send them: addressed by customerId, by an identity, or both,
 * each asserted applied; remembers the highest position answered, so that reads can wait for every write so far.
 */
final class Touch {

    private final Api api;
    private long position;
    private int sent;
    private final String prefix;

    Touch(Api api, String prefix) {
        this.api = api;
        this.prefix = prefix;
    }

    static Map<String, String> identity(String type, String value) {
        return Map.of("type", type, "value", value);
    }

    /** Sends and asserts APPLIED; answers the answer's JSON. */
    JsonNode send(String customerId, Map<String, String> identity, String channel, String at, String type,
                  Map<String, ?> data) {
        Answer answer = post(customerId, identity, channel, at, type, data);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).as(answer.body()).isEqualTo("APPLIED");
        return answer.json();
    }

    Answer post(String customerId, Map<String, String> identity, String channel, String at, String type,
                Map<String, ?> data) {
        ObjectNode body = Api.touchpoint(prefix + "-" + (++sent), customerId, channel, at, type, data);
        if (identity != null) {
            body.set("identity", Api.JSON.valueToTree(identity));
        }
        Answer answer = api.post("/api/touchpoints", body);
        if (answer.json() != null && answer.json().has("position")) {
            position = Math.max(position, answer.json().get("position").asLong());
        }
        return answer;
    }

    String lastId() {
        return prefix + "-" + sent;
    }

    void saw(Answer answer) {
        if (answer.json() != null && answer.json().has("position")) {
            position = Math.max(position, answer.json().get("position").asLong());
        }
    }

    /** A read that includes every write answered so far. */
    Answer read(String path) {
        return api.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position);
    }

    long position() {
        return position;
    }

    static Map<String, Object> cartAdd(String sku, int quantity, String price) {
        return Map.of("sku", sku, "quantity", quantity, "unitPrice", price, "currency", "EUR");
    }

    static Map<String, Object> code(String code) {
        return Map.of("promotionId", "winter-10", "code", code, "discountPercent", 10,
                      "expiresAt", "2026-12-31T23:59:59Z");
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(field == null ? n.asText() : n.get(field).asText()));
        return texts;
    }
}
