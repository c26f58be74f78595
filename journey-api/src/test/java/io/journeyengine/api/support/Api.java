package io.journeyengine.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the engine, as a channel would use it: JSON over real sockets. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Api(String base) {
        this.base = base;
    }

    /** An answer: status, content type and the body as JSON (or null when it is not JSON). */
    public record Answer(int status, String contentType, JsonNode json, String body) {
        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        public String code() {
            return json == null ? null : json.path("code").asText(null);
        }
    }

    public Answer post(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer post(String path, String rawBody) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(rawBody)).build());
    }

    public Answer postBytes(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                               .header("Content-Type", contentType)
                               .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public String base() {
        return base;
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // left null: the test asserts on status and content type
            }
            return new Answer(response.statusCode(), type, json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A touchpoint body as channels send it. */
    public static ObjectNode touchpoint(String touchpointId, String customerId, String channel, String occurredAt,
                                        String type, Map<String, ?> data) {
        ObjectNode node = JSON.createObjectNode();
        node.put("touchpointId", touchpointId);
        if (customerId != null) {
            node.put("customerId", customerId);
        }
        node.put("channel", channel);
        node.put("occurredAt", occurredAt);
        node.put("type", type);
        node.set("data", JSON.valueToTree(data));
        return node;
    }
}
