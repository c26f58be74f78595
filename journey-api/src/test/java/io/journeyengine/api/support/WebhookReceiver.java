package io.journeyengine.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A channel system's webhook endpoint on a real local HTTP server: it records every request (headers and body) and
 * answers what the test's policy says for that delivery and attempt.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and the status it was answered with. */
    public record Received(String delivery, int attempt, String signature, String contentType, String body,
                           JsonNode json, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, Integer> policy;

    /** {@code policy}: (delivery id, its attempt here counting from 1) → HTTP status to answer. */
    public WebhookReceiver(BiFunction<String, Integer, Integer> policy) {
        this.policy = policy;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String delivery = exchange.getRequestHeaders().getFirst("X-Journey-Delivery");
            int attempt = attempts.merge(delivery == null ? "?" : delivery, 1, Integer::sum);
            int status = this.policy.apply(delivery, attempt);
            JsonNode json = null;
            try {
                json = Api.JSON.readTree(body);
            } catch (IOException notJson) {
                // recorded as null
            }
            synchronized (received) {
                received.add(new Received(delivery, attempt, exchange.getRequestHeaders().getFirst(
                        "X-Journey-Signature"), exchange.getRequestHeaders().getFirst("Content-Type"), body, json,
                                          status));
            }
            byte[] answer = (status / 100 == 2 ? "ok" : "receiver unavailable").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void answer(BiFunction<String, Integer, Integer> newPolicy) {
        this.policy = newPolicy;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests answered with a 2xx, in the order they arrived. */
    public List<Received> accepted() {
        return received().stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
