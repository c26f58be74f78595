package io.journeyengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 5, over HTTP on loopback:
 * <ul>
 *   <li>{@code timetravel}: one customer's journey of {@code --journey-events} (10,000) events, sent as batches of
 *       touchpoints; then {@code GET /api/customers/{id}/state?atSequence=N} for random N against
 *       {@code GET /actuator/health} (the trivial GET, the ceiling) in the same run;</li>
 *   <li>{@code replay}: {@code POST /api/admin/projections/{view}/replay} of one view over whatever the store holds
 *       (run.sh loads a million events into it first, {@link ReplayLoad}), timed until the view reports it finished.</li>
 * </ul>
 */
final class DebugBenchmark {

    private static final Pattern LAST_SEQUENCE = Pattern.compile("\"lastSequence\"\\s*:\\s*(\\d+)");
    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");
    private static final Pattern HEAD = Pattern.compile("\"headAtStart\"\\s*:\\s*(\\d+)");
    private static final Pattern REPLAYING = Pattern.compile("\"replaying\"\\s*:\\s*(true|false)");
    private static final Pattern PERCENTAGE = Pattern.compile("\"percentage\"\\s*:\\s*([0-9.]+)");
    private static final Pattern RATE = Pattern.compile("\"eventsPerSecond\"\\s*:\\s*(\\d+)");
    private static final Pattern COMPUTED = Pattern.compile("\"eventsFolded\"\\s*:\\s*(\\d+)");

    static final double TARGET_STATE_P99_MS = 20;
    /** Issue 8 (issue 5 asked for 50,000). */
    static final double TARGET_REPLAY_EVENTS_PER_SECOND = 100_000;

    private final String base;
    private final String run;
    private final List<String> summary;
    /** Its latency loop serves these GETs too. */
    private final ReadSideBenchmark reads;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                                .connectTimeout(Duration.ofSeconds(5)).build();

    DebugBenchmark(int port, String run, List<String> summary) {
        this.base = "http://127.0.0.1:" + port;
        this.reads = new ReadSideBenchmark(port, summary);
        this.run = run;
        this.summary = summary;
    }

    // ---------------------------------------------------------------------------------------------- time travel

    void timeTravel(int journeyEvents, Duration each, int inFlight) throws Exception {
        String customer = "bench-tt-" + run;
        System.out.printf(Locale.ROOT, "%n== time travel: one journey of %,d events (%s), state at random sequences, "
                + "%d in flight, %d s%n", journeyEvents, customer, inFlight, each.toSeconds());
        long started = System.nanoTime();
        LongJourney journey = new LongJourney(customer);
        long last = -1;
        long position = 0;
        int batches = 0;
        while (last + 1 < journeyEvents) {
            HttpResponse<String> answer = post("/api/touchpoints/batch", journey.batch(500));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("batch answered " + answer.statusCode() + ": " + answer.body());
            }
            Matcher positions = POSITION.matcher(answer.body());
            while (positions.find()) {
                position = Math.max(position, Long.parseLong(positions.group(1)));
            }
            last = lastSequence(customer);
            batches++;
        }
        System.out.printf(Locale.ROOT, "  built: %,d events in %d batches, %.0f s; waiting for the checkpoints%n",
                          last + 1, batches, (System.nanoTime() - started) / 1e9);
        // Every checkpoint written before anything is measured: minPosition waits for the checkpoint writer too.
        for (int attempt = 0; attempt < 120; attempt++) {
            if (send(request("/api/customers/" + customer + "/state?minPosition=" + position).GET().build())
                        .statusCode() == 200) {
                break;
            }
        }
        long lastSequence = last;
        HttpResponse<String> sample = send(request("/api/customers/" + customer + "/state").GET().build());
        System.out.printf(Locale.ROOT, "  the state now is %,d bytes of JSON%n", sample.body().length());
        Supplier<String> randomState = () -> "/api/customers/" + customer + "/state?atSequence="
                + ThreadLocalRandom.current().nextLong(lastSequence + 1);
        load(() -> "/actuator/health", inFlight, Duration.ofSeconds(3));
        load(randomState, inFlight, Duration.ofSeconds(5));
        ReadSideBenchmark.Latency ceiling = load(() -> "/actuator/health", inFlight, each);
        ReadSideBenchmark.Latency state = load(randomState, inFlight, each);
        int folded = 0;
        for (int i = 0; i < 20; i++) {
            Matcher m = COMPUTED.matcher(send(request(randomState.get()).GET().build()).body());
            folded = Math.max(folded, m.find() ? Integer.parseInt(m.group(1)) : -1);
        }
        report(String.format(Locale.ROOT, "HTTP ceiling (GET /actuator/health)   p50 %s p99 %s, %s/s, %d requests",
                             Stats.millis(ceiling.p50()), Stats.millis(ceiling.p99()),
                             Stats.count(ceiling.perSecond()), ceiling.requests()));
        report(String.format(Locale.ROOT, "state at a random sequence of %,d   p50 %s p99 %s, %s/s, %d requests%s "
                                     + "(p99 %.1f× the ceiling's; at most %d events folded) — target p99 < %.0f ms %s",
                             lastSequence + 1, Stats.millis(state.p50()), Stats.millis(state.p99()),
                             Stats.count(state.perSecond()), state.requests(),
                             state.failures() > 0 ? ", " + state.failures() + " FAILED" : "",
                             state.p99() / ceiling.p99(), folded, TARGET_STATE_P99_MS,
                             state.p99() < TARGET_STATE_P99_MS && state.failures() == 0 ? "met" : "MISSED"));
    }

    private long lastSequence(String customer) throws IOException, InterruptedException {
        HttpResponse<String> state = send(request("/api/customers/" + customer + "/state").GET().build());
        Matcher m = LAST_SEQUENCE.matcher(state.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * A long journey that stays valid: per cycle of about 15 touchpoints, product views, a cart filled and partly
     * emptied, a conversation with messages, now and then a code sent by SMS, and a checkout (every other one for
     * store pickup, then picked up) that uses the code of its cycle. Business time advances a minute per touchpoint.
     */
    private static final class LongJourney {
        private final String customer;
        private final List<String> pending = new ArrayList<>();
        private int cycle;
        private int touchpoint;

        LongJourney(String customer) {
            this.customer = customer;
        }

        String batch(int size) {
            while (pending.size() < size) {
                cycle();
            }
            List<String> items = new ArrayList<>(pending.subList(0, size));
            pending.subList(0, size).clear();
            return "[" + String.join(",", items) + "]";
        }

        private void cycle() {
            cycle++;
            if (cycle == 1) {
                add("SMS", "CONSENT_CHANGED", "{\"channel\":\"SMS\",\"granted\":true}");
            }
            String code = cycle % 5 == 1 ? "TT-" + cycle : null;
            if (code != null) {
                add("SMS", "PROMO_CODE_SENT", "{\"promotionId\":\"tt-" + (cycle % 7) + "\",\"code\":\"" + code
                        + "\",\"discountPercent\":10,\"validChannels\":[\"ALL\"],"
                        + "\"expiresAt\":\"2030-01-01T00:00:00Z\"}");
            }
            add("WEB", "PRODUCT_VIEWED", "{\"sku\":\"SKU-" + (cycle % 40) + "\"}");
            add("WHATSAPP", "CONVERSATION_STARTED", "{\"conversationId\":\"c-" + cycle + "\",\"topic\":\"order\"}");
            add("WHATSAPP", "CONVERSATION_MESSAGE", "{\"conversationId\":\"c-" + cycle
                    + "\",\"direction\":\"INBOUND\",\"text\":\"where is my order?\"}");
            add("WHATSAPP", "CONVERSATION_MESSAGE", "{\"conversationId\":\"c-" + cycle
                    + "\",\"direction\":\"OUTBOUND\",\"text\":\"on its way\"}");
            add("WHATSAPP", "CONVERSATION_CLOSED", "{\"conversationId\":\"c-" + cycle + "\",\"resolution\":\"answered\"}");
            for (String sku : List.of("A", "B", "C", "D")) {
                add("WEB", "CART_ITEM_ADDED", "{\"sku\":\"" + sku + "\",\"quantity\":2,\"unitPrice\":\"19.90\","
                        + "\"currency\":\"EUR\"}");
            }
            add("APP", "CART_ITEM_REMOVED", "{\"sku\":\"A\",\"quantity\":1}");
            add("APP", "PRODUCT_VIEWED", "{\"sku\":\"SKU-" + (cycle % 13) + "\"}");
            boolean pickup = cycle % 2 == 0;
            add("APP", "CHECKOUT_COMPLETED", "{\"orderId\":\"o-" + cycle + "\",\"fulfilment\":\""
                    + (pickup ? "STORE_PICKUP\",\"storeId\":\"store-1\"" : "DELIVERY\"")
                    + (code != null ? ",\"promoCode\":\"" + code + "\"" : "") + "}");
            if (pickup) {
                add("STORE", "ORDER_PICKED_UP", "{\"orderId\":\"o-" + cycle + "\",\"storeId\":\"store-1\"}");
            }
        }

        private void add(String channel, String type, String data) {
            touchpoint++;
            String at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * touchpoint).toString();
            pending.add("{\"touchpointId\":\"" + customer + "-" + touchpoint + "\",\"customerId\":\"" + customer
                                + "\",\"channel\":\"" + channel + "\",\"occurredAt\":\"" + at + "\",\"type\":\"" + type
                                + "\",\"data\":" + data + "}");
        }
    }

    // ---------------------------------------------------------------------------------------------- replay

    /** Rebuilds {@code view} from the whole store and times it until the view says it is done. */
    void replay(String view, double ceilingRowsPerSecond) throws Exception {
        System.out.printf(Locale.ROOT, "%n== replay: POST /api/admin/projections/%s/replay, timed until done%n", view);
        long start = System.nanoTime();
        HttpResponse<String> started = post("/api/admin/projections/" + view + "/replay", "{}");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("replay answered " + started.statusCode() + ": " + started.body());
        }
        Matcher head = HEAD.matcher(started.body());
        long events = head.find() ? Long.parseLong(head.group(1)) : -1;
        String progress = started.body();
        long lastPrint = start;
        while (true) {
            Thread.sleep(250);
            progress = send(request("/api/admin/projections/" + view).GET().build()).body();
            Matcher replaying = REPLAYING.matcher(progress);
            Matcher percentage = PERCENTAGE.matcher(progress);
            boolean done = replaying.find() && replaying.group(1).equals("false") && percentage.find()
                    && Double.parseDouble(percentage.group(1)) >= 100.0;
            if (done) {
                break;
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                Matcher p = PERCENTAGE.matcher(progress);
                System.out.printf(Locale.ROOT, "  %.0f s: %s%%%n", (lastPrint - start) / 1e9,
                                  p.find() ? p.group(1) : "?");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher rate = RATE.matcher(progress);
        double perSecond = events / seconds;
        report(String.format(Locale.ROOT, "replay of %s over %,d events: %.1f s, %s events/s (the view's own figure "
                                     + "%s/s)%s — target %s events/s %s", view, events, seconds,
                             Stats.count(perSecond), rate.find() ? Stats.count(Double.parseDouble(rate.group(1))) : "-",
                             ceilingRowsPerSecond > 0 ? String.format(Locale.ROOT,
                                     "; %s of the raw JDBC read rate of the same table (%s rows/s)",
                                     Stats.percent(perSecond, ceilingRowsPerSecond),
                                     Stats.count(ceilingRowsPerSecond)) : "",
                             Stats.count(TARGET_REPLAY_EVENTS_PER_SECOND),
                             perSecond >= TARGET_REPLAY_EVENTS_PER_SECOND ? "met" : "MISSED"));
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private ReadSideBenchmark.Latency load(Supplier<String> paths, int inFlight, Duration time)
            throws InterruptedException {
        return reads.load(paths, inFlight, time);
    }

    private void report(String line) {
        System.out.println("  " + line);
        summary.add(line);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                          .header("Authorization", "Bearer " + HttpLoad.KEY);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
