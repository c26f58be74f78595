package io.journeyengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop HTTP load on loopback: {@code concurrency} platform threads, each sending one request at a time and
 * taking the next body as soon as its answer is in, so there are never more than {@code concurrency} requests in
 * flight. Every answer is checked; the latency of each request is kept for percentiles.
 */
final class HttpLoad {

    /** The engine's API key (run.sh starts the engine with it as its bootstrap key). */
    static final String KEY = System.getenv().getOrDefault("JOURNEY_BENCH_KEY",
                                                           "bench-bootstrap-key-0123456789abcdefghij");


    /**
     * Whether requests to {@code path} carry the key: everything under {@code /api/} does; the engine's open no-op
     * ({@code /bench/open-noop}, outside the security chain) is sent without, to measure what security costs.
     */
    static boolean authenticated(String path) {
        return path.startsWith("/api/");
    }

    /** What a phase expects back. */
    enum Expect {
        /** {@code /api/bench/noop}: 200 and {@code "status":"IGNORED"} with the right item count. */
        IGNORED,
        /** Ingestion: 200 and {@code "status":"APPLIED"} for every touchpoint of the request. */
        APPLIED
    }

    private final HttpClient client;
    private final int port;
    private final String base;
    private final boolean raw;

    /**
     * @param raw {@code false}: {@code java.net.http.HttpClient} (HTTP/1.1, its connection pool); {@code true}: one
     *            {@link RawHttpConnection} per thread, for a generator that leaves more CPU to the engine
     */
    HttpLoad(int port, boolean raw) {
        // Loopback only: the host is fixed, only the port is configurable.
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.raw = raw;
        this.client = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(Duration.ofSeconds(5))
                                .build();
    }

    /**
     * Sends {@code bodies} to {@code path}, or as many of them as fit in {@code maxTime}.
     *
     * @param itemsPerBody touchpoints in each body (1, or the batch size)
     */
    Result run(String path, List<String> bodies, int itemsPerBody, int concurrency, Duration maxTime, Expect expect)
            throws InterruptedException {
        URI uri = URI.create(base + path);
        // Bodies are encoded by the worker that sends them: a warm-up may repeat one body list a million times.
        List<String> payloads = bodies;
        long[] latencies = new long[payloads.size()];
        long[] finished = new long[payloads.size()];
        Result result = new Result(itemsPerBody, latencies, finished);
        AtomicInteger nextIndex = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        result.startNanos = start;
        long deadline = start + maxTime.toNanos();
        for (int t = 0; t < concurrency; t++) {
            Thread worker = new Thread(() -> {
                RawHttpConnection connection = raw ? new RawHttpConnection(port, path) : null;
                try {
                    int i;
                    while (System.nanoTime() < deadline && (i = nextIndex.getAndIncrement()) < payloads.size()) {
                        byte[] bytes = payloads.get(i).getBytes(StandardCharsets.UTF_8);
                        long sent = System.nanoTime();
                        try {
                            int status;
                            String body;
                            if (connection != null) {
                                RawHttpConnection.Response response = connection.post(bytes);
                                status = response.status();
                                body = response.body();
                            } else {
                                HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                                                                         .timeout(Duration.ofSeconds(60))
                                                                         .header("Content-Type", "application/json");
                                if (authenticated(path)) {
                                    builder.header("Authorization", "Bearer " + KEY);
                                }
                                HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                                             .build();
                                HttpResponse<String> response = client.send(request,
                                                                            HttpResponse.BodyHandlers.ofString());
                                status = response.statusCode();
                                body = response.body();
                            }
                            finished[i] = System.nanoTime();
                            latencies[i] = finished[i] - sent;
                            result.check(status, body, expect);
                        } catch (IOException | RuntimeException e) {
                            finished[i] = System.nanoTime();
                            latencies[i] = finished[i] - sent;
                            result.fail("client error " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                                        itemsPerBody);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (connection != null) {
                        connection.close();
                    }
                    done.countDown();
                }
            }, "bench-http-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        result.elapsedNanos = System.nanoTime() - start;
        result.requests = Math.min(nextIndex.get(), payloads.size());
        return result;
    }

    /** Counts and latencies of one phase. */
    static final class Result {
        final int itemsPerBody;
        final long[] latencies;
        final long[] finished;
        long startNanos;
        long elapsedNanos;
        int requests;
        private long okItems;
        private long failedItems;
        private long events;
        private final Map<String, Long> failures = new TreeMap<>();
        private final List<String> samples = new ArrayList<>();

        Result(int itemsPerBody, long[] latencies, long[] finished) {
            this.itemsPerBody = itemsPerBody;
            this.latencies = latencies;
            this.finished = finished;
        }

        /** Touchpoints per second in consecutive windows of {@code window}: does the rate hold up over the run? */
        String timeline(java.time.Duration window) {
            long width = window.toNanos();
            int buckets = (int) Math.max(1, (elapsedNanos + width - 1) / width);
            long[] counts = new long[buckets];
            for (int i = 0; i < requests; i++) {
                int bucket = (int) Math.min(buckets - 1, Math.max(0, (finished[i] - startNanos) / width));
                counts[bucket] += itemsPerBody;
            }
            StringBuilder line = new StringBuilder();
            for (int b = 0; b < buckets; b++) {
                double seconds = Math.min(width, elapsedNanos - (long) b * width) / 1e9;
                if (seconds < window.toSeconds() / 2.0) {
                    break;
                }
                line.append(b == 0 ? "" : " / ").append(Stats.count(counts[b] / seconds));
            }
            return line.toString();
        }

        synchronized long okItems() {
            return okItems;
        }

        synchronized long failedItems() {
            return failedItems;
        }

        synchronized long events() {
            return events;
        }

        synchronized Map<String, Long> failures() {
            return new TreeMap<>(failures);
        }

        synchronized List<String> samples() {
            return List.copyOf(samples);
        }

        long items() {
            return (long) requests * itemsPerBody;
        }

        double itemsPerSecond() {
            return items() / (elapsedNanos / 1e9);
        }

        double requestsPerSecond() {
            return requests / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            return Stats.percentileMillis(latencies, requests, p);
        }

        void check(int status, String body, Expect expect) {
            if (status != 200) {
                fail("HTTP " + status + " " + Json.stringField(body, "code"), body, itemsPerBody);
                return;
            }
            if (expect == Expect.IGNORED) {
                if (body.contains("\"status\":\"IGNORED\"") && body.contains("\"items\":" + itemsPerBody)) {
                    ok(itemsPerBody, 0);
                } else {
                    fail("unexpected no-op answer", body, itemsPerBody);
                }
                return;
            }
            // One result per touchpoint: {"touchpointId":..,"customerId":..,"status":"APPLIED","events":[..]}.
            // A refused item's problem has a numeric "status", so only quoted statuses are results.
            int applied = 0;
            long eventCount = 0;
            List<String> statuses = Json.stringFields(body, "status");
            for (String s : statuses) {
                if ("APPLIED".equals(s)) {
                    applied++;
                }
            }
            eventCount = Json.countArrayStrings(body, "events");
            synchronized (this) {
                okItems += applied;
                events += eventCount;
            }
            if (applied != itemsPerBody) {
                Map<String, Long> kinds = new TreeMap<>();
                for (String s : statuses) {
                    if (!"APPLIED".equals(s)) {
                        kinds.merge("status " + s, 1L, Long::sum);
                    }
                }
                long missing = itemsPerBody - statuses.size();
                if (missing > 0) {
                    kinds.merge("answer without a result", missing, Long::sum);
                }
                kinds.forEach((kind, n) -> fail(kind + codes(body), body, n));
            }
        }

        private static String codes(String body) {
            List<String> codes = Json.stringFields(body, "code");
            return codes.isEmpty() ? "" : " " + codes.get(0);
        }

        private synchronized void ok(long items, long eventCount) {
            okItems += items;
            events += eventCount;
        }

        synchronized void fail(String kind, String body, long items) {
            failedItems += items;
            failures.merge(kind, items, Long::sum);
            if (samples.size() < 3) {
                samples.add(kind + ": " + (body.length() > 400 ? body.substring(0, 400) + "…" : body));
            }
        }
    }
}
