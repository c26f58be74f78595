package io.journeyengine.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What channels attach to the engine to hear back (issue 10): live-update streams of customers that are being
 * written, and webhooks to a receiver in this process that accepts every delivery. Counted, so the benchmark can
 * show they were really fed while it measured ingestion.
 */
final class Listeners implements AutoCloseable {

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpServer receiver;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong streamed = new AtomicLong();
    private final List<String> webhooks = new ArrayList<>();
    private final List<InputStream> streams = new ArrayList<>();

    Listeners(int port) throws Exception {
        this.port = port;
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            delivered.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    /** Registers {@code count} webhooks for every event type, answered by this process's receiver. */
    void webhooks(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String body = "{\"name\":\"bench-" + i + "\",\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook\",\"eventTypes\":[\"*\"]}";
            HttpResponse<String> answer = http.send(request("/api/admin/webhooks")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("registering a webhook answered " + answer.statusCode() + " "
                                                        + answer.body());
            }
            String id = answer.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            webhooks.add(id);
        }
    }

    /** Opens a live-update stream on each customer that exists (up to {@code count}); answers how many opened. */
    int streams(List<String> customers, int count) throws Exception {
        for (String customer : customers) {
            if (streams.size() >= count) {
                break;
            }
            // ofInputStream answers once the headers are in; a daemon thread per stream counts its updates.
            HttpResponse<InputStream> answer = http.send(request("/api/customers/" + customer + "/updates").GET()
                                                                 .build(), HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                answer.body().close();
                continue;
            }
            InputStream body = answer.body();
            streams.add(body);
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("data:")) {
                            streamed.incrementAndGet();
                        }
                    }
                } catch (IOException closed) {
                    // detach() closed it
                }
            }, "bench-stream-" + streams.size());
            reader.setDaemon(true);
            reader.start();
        }
        return streams.size();
    }

    long delivered() {
        return delivered.get();
    }

    long streamed() {
        return streamed.get();
    }

    /** Closes the streams and removes the webhooks (with their undelivered queue). */
    void detach() throws Exception {
        for (InputStream stream : streams) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        streams.clear();
        for (String id : webhooks) {
            http.send(request("/api/admin/webhooks/" + id).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
        webhooks.clear();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                          .timeout(Duration.ofSeconds(30))
                          .header("Authorization", "Bearer " + HttpLoad.KEY);
    }

    @Override
    public void close() throws Exception {
        detach();
        receiver.stop(0);
    }
}
