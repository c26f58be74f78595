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
    private final String key;

    Api(String base, String key) {
        this.base = base;
        this.key = key;
    }

    /** A client of the engine at {@code base} (e.g. a node started as its own process) holding {@code key}. */
    public static Api at(String base, String key) {
        return new Api(base, key);
    }

    public String key() {
        return key;
    }

    /** An answer: status, content type and the body as JSON (or null when it is not JSON). */
    public record Answer(int status, String contentType, JsonNode json, String body,
                         java.util.Map<String, java.util.List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

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
        return send(request(path).header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(rawBody)).build());
    }

    /** A JSON POST with extra request headers. */
    public Answer post(String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
            headers.forEach(builder::header);
            return send(builder.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer postBytes(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                                 .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET with extra request headers. */
    public Answer get(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(path);
        headers.forEach(builder::header);
        return send(builder.GET().build());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Any method, with a JSON body or none. */
    public Answer call(String method, String path, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        return send(request(path).header("Content-Type", "application/json").method(method, body).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    public String base() {
        return base;
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            java.util.Map<String, java.util.List<String>> headers = response.headers().map();
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // left null: the test asserts on status and content type
            }
            return new Answer(response.statusCode(), type, json, response.body(), headers);
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
