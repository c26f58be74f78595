package io.journeyengine.api.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the simulation's requests as a channel would: JSON over HTTP with an API key, one request at a time so that
 * one customer's touchpoints arrive in order. A {@code 429} is waited out and sent again; every other answer is
 * reported as it came.
 */
public final class EngineClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE_LIMIT_ATTEMPTS = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    public EngineClient(String base, String key) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.key = key;
    }

    /** Sends one request and answers one outcome per touchpoint, in order. */
    public List<Outcome> send(Simulation.Request request) {
        List<PlannedTouchpoint> touchpoints = request.touchpoints();
        if (request.single()) {
            return List.of(single(touchpoints.get(0)));
        }
        ArrayNode array = JSON.createArrayNode();
        touchpoints.forEach(t -> array.add(t.body()));
        HttpResponse<String> response = post("/api/touchpoints/batch", array);
        JsonNode results = parse(response.body());
        List<Outcome> outcomes = new ArrayList<>(touchpoints.size());
        for (int i = 0; i < touchpoints.size(); i++) {
            JsonNode result = response.statusCode() == 200 && results != null && results.isArray()
                    ? results.get(i) : null;
            outcomes.add(result == null
                                 ? failed(touchpoints.get(i), response.statusCode(), results)
                                 : outcome(touchpoints.get(i), 200, result));
        }
        return outcomes;
    }

    private Outcome single(PlannedTouchpoint touchpoint) {
        HttpResponse<String> response = post("/api/touchpoints", touchpoint.body());
        JsonNode body = parse(response.body());
        if (body == null || !body.isObject()) {
            return failed(touchpoint, response.statusCode(), body);
        }
        if (response.statusCode() == 200) {
            return outcome(touchpoint, 200, body);
        }
        // A refused single touchpoint is answered with its problem, which names the touchpoint and customer.
        boolean refusal = body.hasNonNull("touchpointId");
        return new Outcome(touchpoint, response.statusCode(), refusal ? "REJECTED" : null,
                           text(body, "customerId"), text(body, "code"), null, List.of());
    }

    private static Outcome outcome(PlannedTouchpoint touchpoint, int httpStatus, JsonNode result) {
        List<String> events = new ArrayList<>();
        result.path("events").forEach(e -> events.add(e.asText()));
        Long position = result.path("position").isIntegralNumber() ? result.get("position").asLong() : null;
        return new Outcome(touchpoint, httpStatus, text(result, "status"), text(result, "customerId"),
                           text(result.path("problem"), "code"), position, List.copyOf(events));
    }

    private static Outcome failed(PlannedTouchpoint touchpoint, int httpStatus, JsonNode body) {
        return new Outcome(touchpoint, httpStatus, null, null, body == null ? null : text(body, "code"), null,
                           List.of());
    }

    /** Moves the engine's clock forward ({@code POST /api/admin/clock}, an admin key, an adjustable engine). */
    public JsonNode advanceClock(Duration by) {
        HttpResponse<String> response = post("/api/admin/clock",
                                             JSON.createObjectNode().put("advanceBy", by.toString()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the engine refused to move its clock: " + response.statusCode() + " "
                                                    + response.body());
        }
        return parse(response.body());
    }

    /** A read ({@code GET path}) as JSON, or an exception naming the answer. */
    public JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                                         .header("Authorization", "Bearer " + key)
                                         .timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " "
                                                        + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the engine at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpResponse<String> post(String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                                         .header("Authorization", "Bearer " + key)
                                         .header("Content-Type", "application/json")
                                         .timeout(Duration.ofSeconds(60))
                                         .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt == RATE_LIMIT_ATTEMPTS) {
                    return response;
                }
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, wait)).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the engine at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
