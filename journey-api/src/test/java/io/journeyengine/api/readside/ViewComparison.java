package io.journeyengine.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One full comparison of the read side with the model: every analytics figure for each window, and every customer's
 * 360, timeline and cart, and the customer listing.
 */
final class ViewComparison {

    private static final int PAGE = 500;

    private final ReadSide read;
    private final Map<String, CustomerFold> customers;
    private final List<String> promotionIds;
    private final Differences differences = new Differences();

    ViewComparison(ReadSide read, Map<String, CustomerFold> customers) {
        this.read = read;
        this.customers = customers;
        this.promotionIds = customers.values().stream().flatMap(c -> c.ordered().stream())
                                     .filter(t -> t.type().equals("PROMO_CODE_SENT"))
                                     .map(t -> t.text("promotionId")).distinct().sorted().toList();
    }

    Differences run(List<Window> windows) {
        windows.forEach(this::analytics);
        Instant now = Instant.now();
        customers.values().forEach(customer -> customer(customer, now));
        listing();
        return differences;
    }

    private void analytics(Window window) {
        Analytics expected = new Analytics(customers.values(), window);
        String q = window.query();
        figure("funnel " + window, "/api/analytics/funnel" + q, expected.funnel());
        figure("channels " + window, "/api/analytics/channels" + q, expected.channels());
        figure("journeys " + window, "/api/analytics/journeys" + q, expected.journeys());
        figure("carts " + window, "/api/analytics/carts" + q, expected.carts());
        promotionIds.forEach(id -> figure("promotion " + id + " " + window, "/api/analytics/promotions/" + id + q,
                                          expected.promotion(id)));
    }

    private void figure(String subject, String path, JsonNode expected) {
        JsonNode actual = read.json(path, subject, differences);
        if (actual != null) {
            differences.compare(subject, expected, actual);
        }
    }

    private void customer(CustomerFold customer, Instant now) {
        String id = customer.customerId();
        JsonNode profile = read.json("/api/customers/" + id, "customer " + id + " 360", differences);
        if (profile != null) {
            ObjectNode actual = profile.deepCopy();
            sort(actual, "identities", n -> n.path("type").asText() + " " + n.path("value").asText());
            sort(actual, "conversations", n -> n.path("conversationId").asText());
            sort(actual, "promotions", n -> n.path("code").asText());
            sort(actual, "channels", JsonNode::asText, Touch.CHANNEL_ORDER);
            // DESIGN.md names the field "messages" without a shape: a count, or the messages themselves.
            actual.path("conversations").forEach(c -> {
                if (c.path("messages").isArray()) {
                    ((ObjectNode) c).put("messages", c.get("messages").size());
                }
            });
            differences.compare("customer " + id + " 360", customer.profile(now), actual);
            orders(customer, profile.get("orders"));
            Optional<JsonNode> preferred = customer.preferredChannel();
            preferred.ifPresent(p -> differences.compare("customer " + id + " 360 preferredChannel", p,
                                                         profile.get("preferredChannel")));
        }
        JsonNode timeline = read.json("/api/customers/" + id + "/timeline", "customer " + id + " timeline",
                                      differences);
        if (timeline != null) {
            differences.compare("customer " + id + " timeline", customer.timeline(), timeline);
            timeline.path("touchpoints").forEach(t -> {
                if (t.path("summary").asText("").isBlank()) {
                    differences.add("customer " + id + " timeline", t.path("touchpointId").asText()
                            + " has no summary");
                }
            });
        }
        JsonNode cart = read.json("/api/customers/" + id + "/cart", "customer " + id + " cart", differences);
        if (cart != null) {
            differences.compare("customer " + id + " cart", customer.cart().put("customerId", id), cart);
        }
    }

    /** The orders must be exactly the customer's; of each, every field the view shows must be right. */
    private void orders(CustomerFold customer, JsonNode actual) {
        String subject = "customer " + customer.customerId() + " 360 orders";
        if (actual == null || !actual.isArray()) {
            differences.add(subject, "expected an array of orders, was " + actual);
            return;
        }
        Map<String, JsonNode> shown = new TreeMap<>();
        actual.forEach(o -> shown.put(o.path("orderId").asText(), o));
        if (!shown.keySet().equals(customer.orders().keySet())) {
            differences.add(subject, "expected orders " + customer.orders().keySet() + ", was " + shown.keySet());
            return;
        }
        customer.orders().forEach((orderId, expected) -> expected.fieldNames().forEachRemaining(field -> {
            JsonNode value = shown.get(orderId).get(field);
            if (value != null && !(value.isNull() && expected.get(field).isNull())
                    && !Differences.sameValue(expected.get(field), value)) {
                differences.add(subject, orderId + "." + field + " expected " + expected.get(field) + ", was " + value);
            }
        }));
    }

    /** All customers in customerId order, and each stage filter holding exactly that stage's customers. */
    private void listing() {
        List<String> all = new ArrayList<>(customers.keySet());
        listed("", all);
        for (String stage : Lifecycle.STAGES) {
            listed("stage=" + stage + "&", customers.values().stream().filter(c -> c.stage().equals(stage))
                                                      .map(CustomerFold::customerId).toList());
        }
    }

    private void listed(String filter, List<String> expectedIds) {
        String subject = "customer listing " + (filter.isEmpty() ? "" : filter.substring(0, filter.length() - 1));
        List<String> ids = new ArrayList<>();
        for (int page = 0; page * PAGE < Math.max(expectedIds.size(), 1); page++) {
            String path = "/api/customers?" + filter + "page=" + page + "&size=" + PAGE;
            JsonNode answer = read.json(path, subject, differences);
            if (answer == null) {
                return;
            }
            differences.compare(subject + " page " + page, JsonNodeFactory.instance.objectNode()
                    .put("page", page).put("size", PAGE).put("total", expectedIds.size()), answer);
            for (JsonNode item : answer.path("items")) {
                String id = item.path("customerId").asText();
                ids.add(id);
                CustomerFold customer = customers.get(id);
                if (customer != null && item.has("stage")) {
                    differences.compare(subject + " item " + id, JsonNodeFactory.instance.textNode(customer.stage()),
                                        item.get("stage"));
                }
            }
        }
        if (!ids.equals(expectedIds)) {
            differences.add(subject, "expected " + expectedIds.size() + " customers in customerId order, was "
                    + ids.size() + "; first difference at index " + firstDifference(expectedIds, ids));
        }
    }

    private static int firstDifference(List<String> a, List<String> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }

    private static void sort(ObjectNode node, String field, Function<JsonNode, String> key) {
        sort(node, field, key, Comparator.naturalOrder());
    }

    private static void sort(ObjectNode node, String field, Function<JsonNode, String> key,
                             Comparator<String> order) {
        if (node.get(field) instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            items.sort(Comparator.comparing(key, order));
            array.removeAll();
            items.forEach(array::add);
        }
    }
}
