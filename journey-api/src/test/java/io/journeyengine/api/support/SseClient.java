package io.journeyengine.api.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over a real socket, as a browser's EventSource reads a stream: {@code id:},
 * {@code event:} and {@code data:} lines, an empty line ends an event, lines starting with {@code :} are comments.
 */
public final class SseClient implements AutoCloseable {

    /** One received event. */
    public record Event(String id, String name, JsonNode data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects to {@code path}; {@code lastEventId} (may be null) is sent as a reconnecting EventSource sends it. */
    public static SseClient connect(String base, String key, String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                                                 .header("Accept", "text/event-stream")
                                                 .header("Authorization", "Bearer " + key).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " " + body);
            }
            return new SseClient(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        received.add(new Event(id, name, Api.JSON.readTree(data.toString())));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException | RuntimeException closed) {
            // the stream ended or was closed by close()
        }
    }

    /** The next event within {@code timeout}, or null. */
    public Event next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next {@code n} events, failing when they do not all arrive within {@code timeout}. */
    public List<Event> take(int n, Duration timeout) throws InterruptedException {
        List<Event> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < n) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("received " + events.size() + " of " + n + " events: " + events);
            }
            events.add(event);
        }
        return events;
    }

    /** Events received and not taken yet. */
    public List<Event> drained() {
        List<Event> events = new ArrayList<>();
        received.drainTo(events);
        return events;
    }

    /** Disconnects, as a phone losing its network does. */
    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
