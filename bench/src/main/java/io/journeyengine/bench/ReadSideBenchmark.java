package io.journeyengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read side under load (issue 4): query latency of every analytics endpoint on a filled engine, each next to a
 * trivial GET of the same application in the same run (the HTTP ceiling of a read), and how long a client waits
 * for its own write to show in every view while ingestion runs ({@code minPosition}).
 */
final class ReadSideBenchmark {

    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private static final Pattern PROMOTION = Pattern.compile("\"promotionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VIEW_LAG = Pattern.compile(
            "\\{\"name\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"lag\"\\s*:\\s*(\\d+)");
    private static final Pattern CUSTOMER = Pattern.compile("\"customerId\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                                .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> summary;

    ReadSideBenchmark(int port, List<String> summary) {
        this.base = "http://127.0.0.1:" + port;
        this.summary = summary;
    }

    /** One endpoint's latencies. */
    record Latency(String path, int requests, int failures, double p50, double p99, double perSecond) {
    }

    /** Every analytics endpoint (and the listings) against the trivial GET, {@code inFlight} at a time. */
    void queries(Duration each, int inFlight) throws Exception {
        System.out.printf(Locale.ROOT, "%n== read side: query latency, %d in flight, %d s per endpoint%n", inFlight,
                          each.toSeconds());
        String promotion = somePromotion();
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("HTTP ceiling (GET /actuator/health)", "/actuator/health");
        paths.put("funnel", "/api/analytics/funnel");
        paths.put("channels", "/api/analytics/channels");
        paths.put("journeys", "/api/analytics/journeys");
        if (promotion != null) {
            paths.put("promotion " + promotion, "/api/analytics/promotions/" + promotion);
        }
        paths.put("carts", "/api/analytics/carts");
        // Ranges on occurredAt: the last 7 days (the funnel of a range re-applies the stage rules to it).
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String range = "from=" + now.minus(Duration.ofDays(7)) + "&to=" + now;
        paths.put("funnel, last 7 days", "/api/analytics/funnel?" + range);
        paths.put("channels, last 7 days", "/api/analytics/channels?" + range);
        paths.put("journeys, last 7 days", "/api/analytics/journeys?" + range);
        String customer = someCustomer();
        if (customer != null) {
            paths.put("customer 360", "/api/customers/" + customer);
            paths.put("timeline", "/api/customers/" + customer + "/timeline");
        }
        paths.put("customer listing", "/api/customers?page=0&size=50");
        paths.put("listing by stage", "/api/customers?stage=CONVERSION&page=3&size=50");
        Latency ceiling = null;
        for (Map.Entry<String, String> entry : paths.entrySet()) {
            get(entry.getValue(), inFlight, Duration.ofSeconds(2));
            Latency latency = get(entry.getValue(), inFlight, each);
            if (ceiling == null) {
                ceiling = latency;
            }
            String line = String.format(Locale.ROOT, "%-36s p50 %s p99 %s, %s/s, %d requests%s%s", entry.getKey(),
                                        Stats.millis(latency.p50()), Stats.millis(latency.p99()),
                                        Stats.count(latency.perSecond()), latency.requests(),
                                        latency.failures() > 0 ? ", " + latency.failures() + " FAILED" : "",
                                        latency == ceiling ? "" : String.format(
                                                Locale.ROOT, " (p99 %.1f× the ceiling's)%s", latency.p99()
                                                        / ceiling.p99(), latency.p99() < 100 ? " — under 100 ms"
                                                        : " — OVER 100 ms"));
            System.out.println("  " + line);
            summary.add(line);
        }
    }

    /**
     * View lag at a fixed ingestion rate. Writers send single touchpoints at {@code rate} per second, open loop (a
     * send is due at its time whether or not earlier ones were answered), so the engine is loaded the same way
     * however fast it answers; a saturated engine shows as an achieved rate below the asked one. Every 100 ms a
     * probe sends a touchpoint and at once asks for the funnel with its {@code position} as {@code minPosition}:
     * the time from the ingestion answer to the query's answer is how far the slowest of the views lags, as a
     * client sees it (the engine answers {@code 503} after its {@code journey.read.max-wait}: counted as over).
     * Each second {@code GET /api/admin/projections} gives every view's lag in events; the largest is reported.
     */
    void lag(List<String> writerBodies, List<String> probeBodies, double rate, Duration time) throws Exception {
        System.out.printf(Locale.ROOT, "%n== read side: view lag while ingesting %s touchpoints/s (asked), %d s%n",
                          Stats.count(rate), time.toSeconds());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        int writers = (int) Math.min(64, Math.max(4, rate / 25));
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Thread writer = new Thread(() -> {
                long i;
                while (!stop.get() && (i = next.getAndIncrement()) < writerBodies.size()) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (stop.get()) {
                        return;
                    }
                    try {
                        HttpResponse<String> answer = post("/api/touchpoints", writerBodies.get((int) i));
                        (answer.statusCode() == 200 ? written : failed).incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
            }, "readside-writer-" + w);
            writer.setDaemon(true);
            writer.start();
            threads.add(writer);
        }
        Map<String, Long> worstViewLag = new java.util.concurrent.ConcurrentHashMap<>();
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                try {
                    HttpResponse<String> views = send(request("/api/admin/projections").GET().build());
                    Matcher view = VIEW_LAG.matcher(views.body());
                    while (view.find()) {
                        worstViewLag.merge(view.group(1), Long.parseLong(view.group(2)), Math::max);
                    }
                    Thread.sleep(1000);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "readside-view-lag");
        sampler.setDaemon(true);
        sampler.start();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        long deadline = start + time.toNanos();
        int probe = 0;
        int overMaxWait = 0;
        int probeFailures = 0;
        while (System.nanoTime() < deadline && probe < probeBodies.size()) {
            HttpResponse<String> answer = post("/api/touchpoints", probeBodies.get(probe++));
            long answered = System.nanoTime();
            Matcher position = POSITION.matcher(answer.body());
            if (answer.statusCode() != 200 || !position.find()) {
                probeFailures++;
                continue;
            }
            HttpResponse<String> read = send(request("/api/analytics/funnel?minPosition=" + position.group(1))
                                                     .GET().build());
            long lag = System.nanoTime() - answered;
            if (read.statusCode() == 200) {
                lags.add(lag);
            } else if (read.statusCode() == 503) {
                overMaxWait++;
                lags.add(lag);
            } else {
                probeFailures++;
            }
            Thread.sleep(100);
        }
        stop.set(true);
        sampler.interrupt();
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] values = lags.stream().mapToLong(Long::longValue).toArray();
        double p99 = Stats.percentileMillis(values, values.length, 99);
        String line = String.format(Locale.ROOT, "view lag at %s touchpoints/s asked, %s achieved: p50 %s p99 %s max %s "
                                            + "over %d probes%s%s%s; largest lag per view in events: %s",
                                    Stats.count(rate), Stats.count(written.get() / seconds),
                                    Stats.millis(Stats.percentileMillis(values, values.length, 50)),
                                    Stats.millis(p99), Stats.millis(Stats.percentileMillis(values, values.length, 100)),
                                    values.length,
                                    overMaxWait > 0 ? ", " + overMaxWait + " over the engine's max-wait (503)" : "",
                                    failed.get() + probeFailures > 0
                                            ? ", " + (failed.get() + probeFailures) + " FAILED" : "",
                                    p99 < 1000 && overMaxWait == 0 ? " — under 1 s" : " — OVER 1 s",
                                    new java.util.TreeMap<>(worstViewLag));
        System.out.println("  " + line);
        summary.add(line);
    }

    private Latency get(String path, int inFlight, Duration time) throws InterruptedException {
        Latency latency = load(() -> path, inFlight, time);
        return new Latency(path, latency.requests(), latency.failures(), latency.p50(), latency.p99(),
                           latency.perSecond());
    }

    /** GETs of the paths {@code paths} gives, {@code inFlight} at a time for {@code time}: their latencies. */
    Latency load(java.util.function.Supplier<String> paths, int inFlight, Duration time)
            throws InterruptedException {
        long deadline = System.nanoTime() + time.toNanos();
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < inFlight; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    HttpRequest request = request(paths.get()).GET().build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> answer = send(request);
                        if (answer.statusCode() == 200) {
                            nanos.add(System.nanoTime() - sent);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    }
                }
            }, "readside-query-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
        return new Latency("", values.length, (int) failures.get(),
                           Stats.percentileMillis(values, values.length, 50),
                           Stats.percentileMillis(values, values.length, 99), values.length / seconds);
    }

    /** A customer in the middle of the listing. */
    private String someCustomer() throws IOException, InterruptedException {
        HttpResponse<String> listing = send(request("/api/customers?page=20&size=50").GET().build());
        Matcher customers = CUSTOMER.matcher(listing.body());
        return customers.find() ? customers.group(1) : null;
    }

    /** A promotion the engine knows, from the 360 of the first customers listed. */
    private String somePromotion() throws IOException, InterruptedException {
        HttpResponse<String> listing = send(request("/api/customers?page=0&size=50").GET().build());
        Matcher customers = CUSTOMER.matcher(listing.body());
        while (customers.find()) {
            HttpResponse<String> profile = send(request("/api/customers/" + customers.group(1)).GET().build());
            Matcher promotion = PROMOTION.matcher(profile.body());
            if (promotion.find()) {
                return promotion.group(1);
            }
        }
        return null;
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                          .header("Authorization", "Bearer " + HttpLoad.KEY);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
