package io.journeyengine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ingestion benchmark of a running engine on loopback (127.0.0.1 only), each figure next to its ceiling:
 * <ol>
 *   <li>{@code single}: single touchpoints to {@code /api/touchpoints}, after the same bodies to
 *       {@code /api/bench/noop} (the HTTP ceiling: same request path and JSON parsing, nothing stored);</li>
 *   <li>{@code batch}: batches to {@code /api/touchpoints/batch}, after the same batches to the no-op;</li>
 *   <li>{@code storage}: plain JDBC inserts of event rows into a fresh H2 file database with the engine's DDL
 *       (the storage ceiling), in large batches and in touchpoint-sized transactions.</li>
 * </ol>
 * Each measured run is preceded by a warm-up on other customers. Every answer is checked (200, status APPLIED for
 * every touchpoint); failures are counted and the run says so. Started by {@code bench/run.sh}; options are
 * {@code --name=value}, see {@link #usage()}.
 */
public final class IngestBenchmark {

    /** Issue 8: single touchpoints per second on this 2-core machine (at p99 at most 20 ms). */
    static final double TARGET_SINGLE = 5_000;
    /** Issue 2's absolute figure, still printed; issue 8 judges batches by {@link #TARGET_BATCH_SHARE}. */
    static final double TARGET_BATCH = 10_000;
    /** Issue 8: events appended by batch ingestion, as a share of the storage ceiling's batch insert rate. */
    static final double TARGET_BATCH_SHARE = 0.60;

    private final Map<String, String> options;
    private final int port;
    private final String run;
    private final int customers;
    private final int concurrency;
    private final int batchSize;
    private final int batchConcurrency;
    private final Duration maxTime;
    private final Duration warmupTime;
    private final boolean ceilings;
    private final ServerCpu server;
    private final String client;
    private final HttpLoad http;
    private final HttpLoad rawHttp;
    private final Duration noopWarmupTime;
    private final TouchpointGenerator measured;
    private final TouchpointGenerator warm;

    private final List<String> summary = new ArrayList<>();
    private long failedTouchpoints;
    private double otherMax;
    private Instant recordingBegin;
    private double eventsPerTouchpoint = Double.NaN;
    private double singleEventsPerSecond = Double.NaN;
    private double batchEventsPerSecond = Double.NaN;

    private IngestBenchmark(Map<String, String> options) {
        this.options = options;
        this.port = Integer.parseInt(required("port"));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be a TCP port");
        }
        this.run = option("run", Long.toString(Instant.now().getEpochSecond() % 60_466_176L, 36));
        this.customers = intOption("customers", 10_000);
        this.concurrency = intOption("concurrency", 32);
        this.batchSize = intOption("batch-size", 500);
        this.batchConcurrency = intOption("batch-concurrency", 4);
        this.maxTime = Duration.ofSeconds(intOption("max-seconds", 30));
        this.warmupTime = Duration.ofSeconds(intOption("warmup-seconds", 15));
        this.ceilings = Boolean.parseBoolean(option("ceilings", "true"));
        String pid = option("server-pid", "");
        this.server = pid.isBlank() ? null : new ServerCpu(Long.parseLong(pid));
        String clientKind = option("client", "jdk");
        if (!clientKind.equals("jdk") && !clientKind.equals("raw")) {
            throw new IllegalArgumentException("--client is jdk or raw");
        }
        this.client = clientKind;
        this.http = new HttpLoad(port, clientKind.equals("raw"));
        this.rawHttp = new HttpLoad(port, true);
        this.noopWarmupTime = Duration.ofSeconds(intOption("noop-warmup-seconds", 5));
        this.measured = new TouchpointGenerator(run, "", customers);
        this.warm = new TouchpointGenerator(run, "w", intOption("warm-customers", 4_000));
        if ((long) Math.max(concurrency, batchConcurrency * batchSize) * 2 > customers) {
            // Round-robin keeps a customer's touchpoints `customers` apart; far fewer in flight keeps them ordered.
            throw new IllegalArgumentException("--customers must be at least twice the touchpoints in flight");
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage());
                return;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("unknown argument " + arg + "\n" + usage());
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        if (options.containsKey("jfr")) {
            JfrHotSpots.main(new String[]{options.get("jfr"), options.getOrDefault("top", "40")});
            return;
        }
        if (options.containsKey("load-events")) {
            // Offline, engine stopped (run.sh, replay phase): fill its H2 file, then print the read ceiling.
            String url = options.containsKey("db-url") ? options.get("db-url")
                    : "jdbc:h2:file:" + Path.of(options.get("data")).resolve("journey").toAbsolutePath()
                            + ";DB_CLOSE_ON_EXIT=FALSE";
            boolean h2 = url.startsWith("jdbc:h2:");
            double ceiling = ReplayLoad.run(url, options.getOrDefault("db-user", h2 ? "sa" : "postgres"),
                                            options.getOrDefault("db-password", ""),
                                            Long.parseLong(options.get("load-events")),
                                            options.getOrDefault("run", "r"));
            System.out.printf(Locale.ROOT, "REPLAY_CEILING=%.0f%n", ceiling);
            return;
        }
        IngestBenchmark benchmark;
        try {
            benchmark = new IngestBenchmark(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage());
            System.exit(2);
            return;
        }
        System.exit(benchmark.runAll());
    }

    static String usage() {
        return """
                usage: java -jar bench/target/journey-bench.jar --port=18080 [options]
                  --phases=single,batch,storage  which phases (run in this order; "noop": HTTP ceilings only;
                                                 "readside": query latency and view lag on what the engine holds;
                                                 "timetravel": state at random sequences of one long journey;
                                                 "replay": rebuild of one view over the whole store, see run.sh;
                                                 "listeners": single touchpoints without and with 100 live-update
                                                 streams and 2 webhooks, alternating rounds: --streams=100
                                                 --webhooks=2 --round-seconds=20)
                  --journey-events=10000         events of the time-travel journey
                  --timetravel-in-flight=1       time-travel requests in flight
                  --replay-view=timeline         the view the replay phase rebuilds
                  --replay-ceiling=<rows/s>      the JDBC read rate measured by the load (printed beside the replay)
                  --load-events=N --data=<dir>   instead of a benchmark: fill a stopped engine's H2 file with N events
                                                 by JDBC, set every processor to their end, print the read ceiling
                                                 (--db-url=<jdbc:postgresql://...> [--db-user=postgres]: that
                                                 database instead of the H2 file of --data)
                  --run=<id>                     run id in customer and touchpoint ids (default: from the clock)
                  --customers=10000              distinct customers of the measured phases
                  --concurrency=32               single touchpoints in flight (one platform thread each)
                  --single=30000                 single touchpoints to send
                  --batch-size=500 --batches=100 --batch-concurrency=4
                  --max-seconds=30               time limit of each measured run
                  --prewarm-seconds=30           no-op requests (raw client) before anything is measured
                  --warmup-seconds=15 --warmup-single=20000 --warmup-batches=40 --warm-customers=4000
                  --noop-warmup-seconds=5        warm-up before each no-op ceiling
                  --lag-rates=100,200,400        readside: ingestion rates (touchpoints/s, paced) of the view lag runs
                  --readside-in-flight=4         readside: queries in flight
                  --ceilings=true                also measure the no-op HTTP ceilings
                  --security-cost=true           also the no-op outside the security chain (/bench/open-noop;
                                                 the engine needs journey.bench.open-noop=true, run.sh sets it)
                  --client=jdk                   jdk: java.net.http.HttpClient; raw: a minimal keep-alive HTTP/1.1
                                                 client per thread that needs far less CPU (2-core machines)
                  --storage-rows=100000 --storage-batch=500 --storage-transactions=20000
                  --ddl=<path to journey-api/src/main/resources/db/migration/h2/V1__event_store.sql>
                  --storage-url=<jdbc:postgresql://...>  the storage ceiling in this empty database instead of a
                                                 fresh H2 file (--storage-user=postgres --storage-password=)
                  --server-pid=<pid>             engine process: CPU per phase, and wait for it to go idle
                  --seed=true                    first touchpoint of every customer in batches before measuring
                  --record=<file.jfr>            dump the engine's running flight recording "bench" for the
                                                 measured ingestion run (needs --server-pid and an engine
                                                 started with -XX:StartFlightRecording=name=bench; jcmd)
                  --settle-seconds=60            longest wait for the engine to go idle between phases
                  --jfr=<file.jfr> [--top=40]    instead of a benchmark: hot spots of a flight recording
                Only 127.0.0.1 is ever contacted.""";
    }

    private int runAll() throws Exception {
        Set<String> phases = new TreeSet<>(Arrays.asList(option("phases", "single,batch,storage").split(",")));
        System.out.printf(Locale.ROOT, "run %s: %,d customers (bench-%s-<n>), engine at http://127.0.0.1:%d, "
                + "client %s%n", run, customers, run, port, client.equals("raw") ? "raw HTTP/1.1" : "HttpClient");
        if (phases.contains("noop") || phases.contains("single") || phases.contains("batch")
                || phases.contains("listeners")) {
            prewarm();
        }
        if ((phases.contains("single") || phases.contains("batch") || phases.contains("listeners"))
                && Boolean.parseBoolean(option("seed", "true"))) {
            seed();
        }
        for (String phase : List.of("noop", "single", "batch", "storage", "listeners", "readside", "timetravel",
                                    "replay")) {
            if (phases.remove(phase)) {
                switch (phase) {
                    case "noop" -> noop();
                    case "single" -> single();
                    case "batch" -> batch();
                    case "readside" -> readSide();
                    case "timetravel" -> timeTravel();
                    case "replay" -> replay();
                    case "listeners" -> listeners();
                    default -> storage();
                }
            }
        }
        if (!phases.isEmpty()) {
            System.err.println("unknown phases " + phases);
            return 2;
        }
        System.out.println();
        System.out.println("== summary (run " + run + ")");
        summary.forEach(line -> System.out.println("  " + line));
        if (otherMax > 0.25) {
            System.out.printf(Locale.ROOT, "WARNING: other processes used up to %.2f of this machine's %d cores during "
                    + "a phase; the figures are lower than on a quiet machine%n", otherMax,
                              Runtime.getRuntime().availableProcessors());
        }
        if (failedTouchpoints > 0) {
            System.out.printf(Locale.ROOT, "RESULT: ERRORS — %,d touchpoints were not APPLIED; the figures above "
                    + "are not a clean measurement%n", failedTouchpoints);
            return 1;
        }
        System.out.println("RESULT: OK — no failures: every request answered 200, every touchpoint APPLIED");
        return 0;
    }

    /**
     * Warms the engine's HTTP stack up before anything is measured. On a small machine its JIT needs well over a
     * hundred thousand requests before a request costs what it costs at steady state, so this uses the cheap raw
     * client (the most requests per second) on the no-op, which stores nothing and can repeat its bodies.
     */
    private void prewarm() throws Exception {
        Duration time = Duration.ofSeconds(intOption("prewarm-seconds", 30));
        if (time.isZero()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n== engine warm-up: POST /api/bench/noop for %d s (raw client)%n",
                          time.toSeconds());
        runLoad("warm-up HTTP stack", "/api/bench/noop", atLeast(warm.next(2_000), 2_000_000), 1, concurrency, time,
                HttpLoad.Expect.IGNORED, rawHttp);
        warm.seek(0);
        // Under full load the JIT compiler threads get little CPU; let their backlog drain before measuring.
        settle();
    }

    /**
     * Sends the first touchpoint of every measured customer, in batches, before anything is measured. Without it the
     * measured phases would start with a run of first touches (a new journey, an identity claim and four events each)
     * that lasts longer the slower the engine is, so the mix, and with it the figure, would depend on the speed being
     * measured. With it, every measured phase sees returning customers only.
     */
    private void seed() throws Exception {
        System.out.printf(Locale.ROOT, "%n== seed: the first touchpoint of each of the %,d customers, in batches of "
                + "%d (not measured)%n", customers, batchSize);
        long start = measured.position();
        List<String> bodies = TouchpointGenerator.batches(measured.next(customers), batchSize);
        HttpLoad.Result result = runLoad("seed", "/api/touchpoints/batch", bodies, batchSize, batchConcurrency,
                                         Duration.ofSeconds(intOption("seed-max-seconds", 90)),
                                         HttpLoad.Expect.APPLIED);
        measured.seek(start + (long) result.requests * batchSize);
        settle();
    }

    /**
     * The read side on whatever the engine holds (fill it first: earlier phases, or the simulator): every analytics
     * query against a trivial GET, then how long a write takes to show in every view while singles are ingested.
     */
    private void readSide() throws Exception {
        settle();
        ReadSideBenchmark reads = new ReadSideBenchmark(port, summary);
        reads.queries(maxTime, intOption("readside-in-flight", 4));
        for (String rate : option("lag-rates", "100,200,400").split(",")) {
            double perSecond = Double.parseDouble(rate.trim());
            int needed = (int) Math.ceil(perSecond * maxTime.toSeconds() * 1.1) + 100;
            reads.lag(measured.next(needed), warm.next((int) maxTime.toSeconds() * 10 + 50), perSecond, maxTime);
            settle();
        }
    }

    /** Issue 5: the state of a long journey at random sequences, against a trivial GET in the same run. */
    private void timeTravel() throws Exception {
        settle();
        new DebugBenchmark(port, run, summary).timeTravel(intOption("journey-events", 10_000), maxTime,
                                                          intOption("timetravel-in-flight", 1));
    }

    /** Issue 5: one view rebuilt from the whole store (run.sh loads it first, engine stopped: --load-events). */
    private void replay() throws Exception {
        settle();
        new DebugBenchmark(port, run, summary).replay(option("replay-view", "timeline"),
                                                      Double.parseDouble(option("replay-ceiling", "0")));
    }

    /** Only the HTTP ceilings, on bodies that are never stored: for tuning the HTTP layer alone. */
    private void noop() throws Exception {
        System.out.printf(Locale.ROOT, "%n== HTTP ceilings only: POST /api/bench/noop%n");
        List<String> singles = warm.next(intOption("single", 30_000));
        runLoad("warm-up no-op", "/api/bench/noop", atLeast(singles, 1_000_000), 1, concurrency, noopWarmupTime,
                HttpLoad.Expect.IGNORED);
        HttpLoad.Result single = runLoad("no-op single", "/api/bench/noop", singles, 1, concurrency, maxTime,
                                         HttpLoad.Expect.IGNORED);
        List<String> batches = TouchpointGenerator.batches(singles, batchSize);
        HttpLoad.Result batch = runLoad("no-op batches", "/api/bench/noop", atLeast(batches, 3_000), batchSize,
                                        batchConcurrency, maxTime, HttpLoad.Expect.IGNORED);
        String line = String.format(Locale.ROOT, "HTTP ceiling: single %s/s p50 %s p99 %s; batches of %d %s "
                                            + "touchpoints/s p50 %s", Stats.count(single.itemsPerSecond()),
                                    Stats.millis(single.percentileMillis(50)),
                                    Stats.millis(single.percentileMillis(99)), batchSize,
                                    Stats.count(batch.itemsPerSecond()), Stats.millis(batch.percentileMillis(50)));
        System.out.println(line);
        summary.add(line);
    }

    /**
     * Issue 10: single touchpoints with and without what channels attach to hear back (100 live-update streams on
     * customers being written, two webhooks taking every event), in alternating rounds A B A B of the same length
     * so that a machine getting busier does not favour one side. Target: with them, at least 90% of without.
     */
    private void listeners() throws Exception {
        int streams = intOption("streams", 100);
        int hooks = intOption("webhooks", 2);
        Duration round = Duration.ofSeconds(intOption("round-seconds", 20));
        System.out.printf(Locale.ROOT, "%n== listeners: single touchpoints, %d in flight, rounds of %d s without and "
                + "with %d live-update streams and %d webhooks%n", concurrency, round.toSeconds(), streams, hooks);
        List<String> warmBodies = warm.next(intOption("warmup-single", 20_000));
        runLoad("warm-up ingest", "/api/touchpoints", warmBodies, 1, concurrency, warmupTime,
                HttpLoad.Expect.APPLIED);
        settle();
        double[] without = new double[2];
        double[] with = new double[2];
        long delivered = 0;
        long streamed = 0;
        int opened = 0;
        try (Listeners listeners = new Listeners(port)) {
            for (int r = 0; r < 2; r++) {
                long start = measured.position();
                List<String> bodies = measured.next(intOption("single", 30_000));
                HttpLoad.Result plain = runLoad("round " + (2 * r + 1) + ": nothing attached", "/api/touchpoints",
                                                bodies, 1, concurrency, round, HttpLoad.Expect.APPLIED);
                measured.seek(start + plain.requests);
                without[r] = plain.itemsPerSecond();
                settle();
                // Streams on the customers the next bodies write, so every stream is fed during the round.
                start = measured.position();
                bodies = measured.next(intOption("single", 30_000));
                List<String> customers = new ArrayList<>();
                for (String body : bodies) {
                    String customer = body.replaceAll("(?s).*\"customerId\":\"([^\"]+)\".*", "$1");
                    if (!customers.contains(customer)) {
                        customers.add(customer);
                    }
                    if (customers.size() >= streams * 2) {
                        break;
                    }
                }
                opened = listeners.streams(customers, streams);
                listeners.webhooks(hooks);
                long deliveredBefore = listeners.delivered();
                long streamedBefore = listeners.streamed();
                HttpLoad.Result attached = runLoad("round " + (2 * r + 2) + ": " + opened + " streams, " + hooks
                                                           + " webhooks", "/api/touchpoints", bodies, 1, concurrency,
                                                   round, HttpLoad.Expect.APPLIED);
                measured.seek(start + attached.requests);
                with[r] = attached.itemsPerSecond();
                delivered += listeners.delivered() - deliveredBefore;
                streamed += listeners.streamed() - streamedBefore;
                listeners.detach();
                settle();
            }
        }
        double a = (without[0] + without[1]) / 2;
        double b = (with[0] + with[1]) / 2;
        String line = String.format(Locale.ROOT, "listeners: single touchpoints %s/s with %d streams and %d webhooks "
                                            + "vs %s/s without (%s; rounds %s/%s vs %s/%s); during the measured "
                                            + "rounds %,d webhook deliveries accepted and %,d stream updates received "
                                            + "— target ≥ 90%%: %s",
                                    Stats.count(b), opened, hooks, Stats.count(a), Stats.percent(b, a),
                                    Stats.count(with[0]), Stats.count(with[1]), Stats.count(without[0]),
                                    Stats.count(without[1]), delivered, streamed, b >= 0.9 * a ? "met" : "MISSED");
        System.out.println(line);
        summary.add(line);
    }

    private void single() throws Exception {
        System.out.printf(Locale.ROOT, "%n== single touchpoints: POST /api/touchpoints, %d in flight%n", concurrency);
        long start = measured.position();
        List<String> bodies = measured.next(intOption("single", 30_000));
        long warmStart = warm.position();
        List<String> warmBodies = warm.next(intOption("warmup-single", 20_000));
        HttpLoad.Result ceiling = null;
        HttpLoad.Result open = null;
        double securedMicros = Double.NaN;
        double openMicros = Double.NaN;
        if (ceilings) {
            // The no-op stores nothing: its warm-up repeats the bodies for the whole warm-up time.
            runLoad("warm-up no-op", "/api/bench/noop", atLeast(warmBodies, 1_000_000), 1, concurrency,
                    noopWarmupTime, HttpLoad.Expect.IGNORED);
            ceiling = runLoad("HTTP ceiling (no-op)", "/api/bench/noop", bodies, 1, concurrency, maxTime,
                              HttpLoad.Expect.IGNORED);
            securedMicros = lastEngineMicrosPerUnit;
            settle();
            if (Boolean.parseBoolean(option("security-cost", "true"))) {
                // The same no-op outside the security chain (run.sh enables it): the difference is what checking
                // a key costs each request, measured in this run rather than against an older build.
                open = runLoad("no-op, no security", "/bench/open-noop", bodies, 1, concurrency, maxTime,
                               HttpLoad.Expect.IGNORED);
                openMicros = lastEngineMicrosPerUnit;
                settle();
            }
        }
        HttpLoad.Result warmed = runLoad("warm-up ingest", "/api/touchpoints", warmBodies, 1, concurrency,
                                         warmupTime, HttpLoad.Expect.APPLIED);
        warm.seek(warmStart + warmed.requests);
        settle();
        startRecording();
        HttpLoad.Result result = runLoad("single touchpoints", "/api/touchpoints", bodies, 1, concurrency, maxTime,
                                         HttpLoad.Expect.APPLIED);
        stopRecording();
        measured.seek(start + result.requests);
        eventsPerTouchpoint = result.okItems() > 0 ? (double) result.events() / result.okItems() : Double.NaN;
        singleEventsPerSecond = result.events() / (result.elapsedNanos / 1e9);
        String line = String.format(Locale.ROOT, "single touchpoints: %s/s p50 %s p99 %s", Stats.count(
                result.itemsPerSecond()), Stats.millis(result.percentileMillis(50)),
                                    Stats.millis(result.percentileMillis(99)));
        if (ceiling != null) {
            line += String.format(Locale.ROOT, " | HTTP ceiling %s/s p50 %s p99 %s (%s)",
                                  Stats.count(ceiling.itemsPerSecond()), Stats.millis(ceiling.percentileMillis(50)),
                                  Stats.millis(ceiling.percentileMillis(99)),
                                  Stats.percent(result.itemsPerSecond(), ceiling.itemsPerSecond()));
        }
        double touchpointMicros = lastEngineMicrosPerUnit;
        line += target(result.itemsPerSecond(), TARGET_SINGLE, result.failedItems());
        System.out.println(line);
        summary.add(line);
        if (open != null && ceiling != null) {
            String security = String.format(Locale.ROOT, "  security (same run): no-op with key %s/s vs without "
                                                    + "%s/s (%s); engine CPU %s vs %s µs per request: the key "
                                                    + "check costs %s µs, %s of a single touchpoint's %s µs",
                                            Stats.count(ceiling.itemsPerSecond()), Stats.count(open.itemsPerSecond()),
                                            Stats.percent(ceiling.itemsPerSecond(), open.itemsPerSecond()),
                                            Stats.count(securedMicros), Stats.count(openMicros),
                                            Stats.count(securedMicros - openMicros),
                                            Stats.percent(securedMicros - openMicros, touchpointMicros),
                                            Stats.count(touchpointMicros));
            System.out.println(security);
            summary.add(security);
        }
        summary.add(String.format(Locale.ROOT, "  (%.2f events per touchpoint: %s events/s appended)",
                                  eventsPerTouchpoint, Stats.count(singleEventsPerSecond)));
    }

    private void batch() throws Exception {
        int batches = intOption("batches", 100);
        System.out.printf(Locale.ROOT, "%n== batches: POST /api/touchpoints/batch, %d touchpoints each, %d in "
                + "flight%n", batchSize, batchConcurrency);
        long start = measured.position();
        List<String> bodies = TouchpointGenerator.batches(measured.next(batches * batchSize), batchSize);
        long warmStart = warm.position();
        List<String> warmBodies = TouchpointGenerator.batches(warm.next(intOption("warmup-batches", 40) * batchSize),
                                                              batchSize);
        settle();
        HttpLoad.Result ceiling = null;
        if (ceilings) {
            runLoad("warm-up no-op", "/api/bench/noop", atLeast(warmBodies, 100_000), batchSize, batchConcurrency,
                    noopWarmupTime, HttpLoad.Expect.IGNORED);
            ceiling = runLoad("HTTP ceiling (no-op)", "/api/bench/noop", atLeast(bodies, 3_000), batchSize,
                              batchConcurrency, maxTime, HttpLoad.Expect.IGNORED);
            settle();
        }
        HttpLoad.Result warmed = runLoad("warm-up ingest", "/api/touchpoints/batch", warmBodies, batchSize,
                                         batchConcurrency, warmupTime, HttpLoad.Expect.APPLIED);
        warm.seek(warmStart + (long) warmed.requests * batchSize);
        settle();
        startRecording();
        HttpLoad.Result result = runLoad("batches", "/api/touchpoints/batch", bodies, batchSize, batchConcurrency,
                                         maxTime, HttpLoad.Expect.APPLIED);
        stopRecording();
        measured.seek(start + (long) result.requests * batchSize);
        batchEventsPerSecond = result.events() / (result.elapsedNanos / 1e9);
        if (Double.isNaN(eventsPerTouchpoint) && result.okItems() > 0) {
            eventsPerTouchpoint = (double) result.events() / result.okItems();
        }
        String line = String.format(Locale.ROOT, "batches of %d: %s touchpoints/s (%.1f batches/s) p50 %s p99 %s "
                                            + "per batch", batchSize, Stats.count(result.itemsPerSecond()),
                                    result.requestsPerSecond(), Stats.millis(result.percentileMillis(50)),
                                    Stats.millis(result.percentileMillis(99)));
        if (ceiling != null) {
            line += String.format(Locale.ROOT, " | HTTP ceiling %s touchpoints/s p50 %s (%s)",
                                  Stats.count(ceiling.itemsPerSecond()), Stats.millis(ceiling.percentileMillis(50)),
                                  Stats.percent(result.itemsPerSecond(), ceiling.itemsPerSecond()));
        }
        line += target(result.itemsPerSecond(), TARGET_BATCH, result.failedItems());
        System.out.println(line);
        summary.add(line);
        summary.add(String.format(Locale.ROOT, "  (%.2f events per touchpoint: %s events/s appended)",
                                  result.okItems() > 0 ? (double) result.events() / result.okItems() : 0.0,
                                  Stats.count(batchEventsPerSecond)));
    }

    private void storage() throws Exception {
        Path ddl = Path.of(option("ddl", defaultDdl()));
        int rowsPerCommit = intOption("storage-batch", 500);
        int perTouchpoint = Double.isNaN(eventsPerTouchpoint) ? 3 : Math.max(1, (int) Math.round(eventsPerTouchpoint));
        String url = option("storage-url", "");
        System.out.printf(Locale.ROOT, "%n== storage ceiling: plain JDBC inserts into a fresh %s database "
                + "(DDL %s)%n", url.isBlank() ? "H2 file" : "PostgreSQL", ddl);
        settle();
        try (StorageCeiling storage = new StorageCeiling(ddl, run, customers, url, option("storage-user", "postgres"),
                                                         option("storage-password", ""))) {
            String db = storage.database();
            System.out.println("  database " + storage.url());
            storage.batchInsert(20_000, rowsPerCommit, warmupTime);
            double[] before = cpuNow();
            long start = System.nanoTime();
            StorageCeiling.Result batch = storage.batchInsert(intOption("storage-rows", 100_000), rowsPerCommit,
                                                              maxTime);
            System.out.printf(Locale.ROOT, "  batch insert: %,d rows in %.1f s, %d rows per commit, commit p50 %s "
                                      + "p99 %s | %s%n", batch.rows(), batch.elapsedNanos() / 1e9, rowsPerCommit,
                              Stats.millis(batch.percentileMillis(50)), Stats.millis(batch.percentileMillis(99)),
                              cpu(before, start));
            storage.smallTransactions(2_000, perTouchpoint, concurrency, warmupTime);
            before = cpuNow();
            start = System.nanoTime();
            StorageCeiling.Result small = storage.smallTransactions(intOption("storage-transactions", 20_000),
                                                                    perTouchpoint, concurrency, maxTime);
            System.out.printf(Locale.ROOT, "  small transactions: %,d commits of %d rows in %.1f s from %d "
                                      + "connections, commit p50 %s p99 %s | %s%n", small.transactions(),
                              perTouchpoint, small.elapsedNanos() / 1e9, concurrency,
                              Stats.millis(small.percentileMillis(50)), Stats.millis(small.percentileMillis(99)),
                              cpu(before, start));
            System.out.println("  " + storage.describeRows());
            String line = String.format(Locale.ROOT, "storage ceiling (%s JDBC batch insert, %d rows/commit): %s "
                    + "rows/s", db, rowsPerCommit, Stats.count(batch.rowsPerSecond()));
            if (!Double.isNaN(batchEventsPerSecond)) {
                double share = batchEventsPerSecond / batch.rowsPerSecond();
                line += String.format(Locale.ROOT, " | batch ingestion appends %s events/s (%s) — target %.0f%% %s",
                                      Stats.count(batchEventsPerSecond),
                                      Stats.percent(batchEventsPerSecond, batch.rowsPerSecond()),
                                      TARGET_BATCH_SHARE * 100, share >= TARGET_BATCH_SHARE ? "met" : "MISSED");
            }
            System.out.println(line);
            summary.add(line);
            line = String.format(Locale.ROOT, "storage ceiling (%s JDBC, %d rows/commit, %d connections): %s "
                                         + "commits/s = %s rows/s", db, perTouchpoint, concurrency,
                                 Stats.count(small.transactionsPerSecond()), Stats.count(small.rowsPerSecond()));
            if (!Double.isNaN(singleEventsPerSecond)) {
                line += String.format(Locale.ROOT, " | single-touchpoint ingestion appends %s events/s (%s)",
                                      Stats.count(singleEventsPerSecond),
                                      Stats.percent(singleEventsPerSecond, small.rowsPerSecond()));
            }
            System.out.println(line);
            summary.add(line);
        }
    }

    private HttpLoad.Result runLoad(String name, String path, List<String> bodies, int itemsPerBody, int inFlight,
                                    Duration limit, HttpLoad.Expect expect) throws InterruptedException {
        return runLoad(name, path, bodies, itemsPerBody, inFlight, limit, expect, http);
    }

    private HttpLoad.Result runLoad(String name, String path, List<String> bodies, int itemsPerBody, int inFlight,
                                    Duration limit, HttpLoad.Expect expect, HttpLoad http)
            throws InterruptedException {
        double[] before = cpuNow();
        long start = System.nanoTime();
        HttpLoad.Result result = http.run(path, bodies, itemsPerBody, inFlight, limit, expect);
        double seconds = result.elapsedNanos / 1e9;
        String cpu = cpu(before, start, result.items(), "touchpoint");
        boolean warmUp = name.startsWith("warm-up");
        System.out.printf(Locale.ROOT, "  %-22s %,7d requests %,8d touchpoints in %5.1f s: %s/s p50 %s p99 %s | "
                                  + "%s OK, %s failed | %s%s%n",
                          name, result.requests, result.items(), seconds, Stats.count(result.itemsPerSecond()),
                          Stats.millis(result.percentileMillis(50)), Stats.millis(result.percentileMillis(99)),
                          Stats.count(result.okItems()), Stats.count(result.failedItems()), cpu,
                          result.requests < bodies.size() ? " (time limit)" : "");
        if (!warmUp && result.elapsedNanos > 20_000_000_000L && path.startsWith("/api/touchpoints")) {
            System.out.println("    per 10 s: " + result.timeline(Duration.ofSeconds(10)) + " touchpoints/s");
        }
        if (result.failedItems() > 0) {
            result.failures().forEach((kind, n) -> System.out.printf(Locale.ROOT, "    FAILED %,d × %s%n", n, kind));
            result.samples().forEach(sample -> System.out.println("    e.g. " + sample));
            if (warmUp) {
                System.out.println("    (failures in a warm-up: the engine has a problem, the run is not clean)");
            }
            failedTouchpoints += result.failedItems();
        }
        return result;
    }

    /**
     * The no-op stores nothing, so its batch bodies can be sent again: a few hundred batches take a fraction of a
     * second, too short to measure.
     */
    private static List<String> atLeast(List<String> bodies, int count) {
        List<String> repeated = new ArrayList<>(bodies);
        while (!bodies.isEmpty() && repeated.size() < count) {
            repeated.addAll(bodies.subList(0, Math.min(bodies.size(), count - repeated.size())));
        }
        return repeated;
    }

    /** CPU cores used by the engine, this generator and everything else since {@code before}. */
    private String cpu(double[] before, long startNanos) {
        return cpu(before, startNanos, 0, "");
    }

    /** As {@link #cpu(double[], long)}, plus the engine's CPU time per unit when {@code units > 0}. */
    private String cpu(double[] before, long startNanos, long units, String unit) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double serverCores = server == null ? Double.NaN : (server.serverSeconds() - before[0]) / seconds;
        double clientCores = (ServerCpu.clientSeconds() - before[1]) / seconds;
        double otherCores = (ServerCpu.machineSeconds() - before[2]) / seconds - clientCores
                - (Double.isNaN(serverCores) ? 0 : serverCores);
        otherMax = Math.max(otherMax, otherCores);
        lastEngineMicrosPerUnit = units > 0 && !Double.isNaN(serverCores)
                ? serverCores * seconds * 1e6 / units : Double.NaN;
        String perUnit = units > 0 && !Double.isNaN(serverCores)
                ? String.format(Locale.ROOT, " (engine %s µs CPU per %s)",
                                Stats.count(serverCores * seconds * 1e6 / units), unit)
                : "";
        return String.format(Locale.ROOT, "CPU cores: engine %s, generator %.2f, others %.2f%s",
                             Double.isNaN(serverCores) ? "?" : String.format(Locale.ROOT, "%.2f", serverCores),
                             clientCores, Math.max(0, otherCores), perUnit);
    }

    /** The engine's CPU per touchpoint (µs) of the last load run, NaN without {@code --server-pid}. */
    private double lastEngineMicrosPerUnit = Double.NaN;

    private double[] cpuNow() {
        return new double[]{server == null ? Double.NaN : server.serverSeconds(), ServerCpu.clientSeconds(),
                ServerCpu.machineSeconds()};
    }

    /**
     * With {@code --record=<file.jfr>} and {@code --server-pid}: the engine's flight recording (started with the
     * engine, {@code -XX:StartFlightRecording=name=bench,...}; bench/run.sh does that with PROFILE=1) is dumped for
     * exactly the measured ingestion run with {@code jcmd JFR.dump begin= end=}. The window is also written next to
     * the file ({@code .window}) for {@link JfrHotSpots}, since a dump holds whole chunks. Starting a recording in a
     * running engine instead costs it half its throughput for the rest of the run (measured on JDK 17), which would
     * profile a different engine.
     */
    private void startRecording() {
        recordingBegin = Instant.now();
    }

    private void stopRecording() throws Exception {
        String file = option("record", "");
        if (file.isBlank() || server == null || recordingBegin == null) {
            return;
        }
        Instant end = Instant.now();
        Path path = Path.of(file).toAbsolutePath();
        jcmd("JFR.dump", "name=" + option("record-name", "bench"), "begin=" + recordingBegin, "end=" + end,
             "filename=" + path);
        Files.writeString(Path.of(path + ".window"), recordingBegin + " " + end + "\n");
        System.out.println("  (flight recording of the measured run: " + path + ", " + recordingBegin + " .. " + end
                                   + ")");
    }

    private void jcmd(String... command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new ArrayList<>();
        line.add(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd");
        line.add(String.valueOf(server.pid()));
        line.addAll(Arrays.asList(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            System.out.println("  (jcmd " + String.join(" ", command) + " failed: " + output.trim() + ")");
        }
    }

    private void settle() throws InterruptedException {
        if (server != null) {
            double waited = server.waitUntilIdle(intOption("settle-seconds", 60));
            if (waited > 1.5) {
                System.out.printf(Locale.ROOT, "  (waited %.1f s for the engine to go idle: projections and JIT "
                        + "catching up)%n", waited);
            }
        }
    }

    private static String target(double perSecond, double target, long failed) {
        String verdict = perSecond >= target ? "met" : "MISSED";
        return String.format(Locale.ROOT, " — target %s/s %s%s", Stats.count(target), verdict,
                             failed > 0 ? String.format(Locale.ROOT, ", WITH %,d FAILURES", failed) : "");
    }

    private static String defaultDdl() {
        String relative = "journey-api/src/main/resources/db/migration/h2/V1__event_store.sql";
        for (Path candidate : List.of(Path.of(relative), Path.of("..").resolve(relative),
                                      Path.of("/work/main").resolve(relative))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toString();
            }
        }
        return relative;
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }
}
