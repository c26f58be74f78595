package io.journeyengine.api.simulation;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code java -jar journey-api.jar simulate --base=http://127.0.0.1:8080 --key=$KEY --customers=1000 --seed=42}:
 * runs the journey simulator against a running engine, without starting one. Exit status 0 when every answer was
 * the predicted one, 1 when some were not, 2 for a usage error or an engine that cannot be reached.
 */
public final class SimulatorCommand {

    public static final String NAME = "simulate";
    private static final Set<String> OPTIONS = Set.of("base", "key", "customers", "seed", "batch-size",
                                                      "single-share", "start", "run", "advance-clock");
    private static final String USAGE = """
            usage: java -jar journey-api.jar simulate --key=KEY [--base=http://127.0.0.1:8080] [--customers=1000]
                   [--seed=42] [--batch-size=200] [--single-share=0.08] [--start=<instant>] [--run=<tag>]
                   [--advance-clock=P30D]
              --key           an API key with the CHANNEL role for every channel (the admin key will do);
                              defaults to $JOURNEY_KEY
              --start         business time of the first simulated day (default: today 00:00 UTC minus 30 days)
              --run           tag in every id, so several runs can share one engine (default: s<seed>)
              --advance-clock after sending, move the engine's clock forward this much (an engine started with
                              journey.clock.adjustable=true, an admin key): the month's deadlines fire
                              (abandoned carts, reminders, expiries, idle closes) and the cart figures are printed""";

    private SimulatorCommand() {
    }

    /** Runs the command and answers its exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = options(args);
            String key = options.getOrDefault("key", System.getenv("JOURNEY_KEY"));
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("--key is required");
            }
            long seed = Long.parseLong(options.getOrDefault("seed", "42"));
            Instant start = options.containsKey("start") ? Instant.parse(options.get("start"))
                    : Instant.now().truncatedTo(ChronoUnit.DAYS).minus(30, ChronoUnit.DAYS);
            Simulation.Settings settings = new Simulation.Settings(
                    seed, Integer.parseInt(options.getOrDefault("customers", "1000")), start,
                    options.getOrDefault("run", "s" + Math.abs(seed)));
            EngineClient client = new EngineClient(options.getOrDefault("base", "http://127.0.0.1:8080"), key);
            Simulator.Report report = Simulator.run(settings, client,
                                                    Integer.parseInt(options.getOrDefault("batch-size", "200")),
                                                    Double.parseDouble(options.getOrDefault("single-share", "0.08")));
            report.print(out);
            if (options.containsKey("advance-clock")) {
                advanceClock(client, Duration.parse(options.get("advance-clock")), out);
            }
            return report.unexpected().isEmpty() ? 0 : 1;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("simulate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (UncheckedIOException | IllegalStateException e) {
            // An unreachable engine, or one that refused to move its clock.
            err.println("simulate: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Moves the engine's clock, waits until no deadline is due any more (they fire at once, each in its own
     * transaction) and prints what the engine did by itself.
     */
    private static void advanceClock(EngineClient client, Duration by, PrintStream out) {
        JsonNode clock = client.advanceClock(by);
        Instant now = Instant.parse(clock.get("now").asText());
        out.println("Engine clock moved forward " + by + " to " + now);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        JsonNode deadlines = client.get("/api/admin/deadlines?limit=1");
        while (dueBefore(deadlines, now) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            deadlines = client.get("/api/admin/deadlines?limit=1");
        }
        out.println("Deadlines still pending (due later): " + deadlines.path("pending").asLong()
                            + ", parked: " + deadlines.path("parked").asLong());
        // The views catch up with what the deadlines wrote before the figures are read.
        while (System.nanoTime() < deadline && viewsBehind(client.get("/api/admin/projections"))) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        out.println("Abandoned carts: " + client.get("/api/analytics/carts"));
    }

    private static boolean viewsBehind(JsonNode views) {
        for (JsonNode view : views) {
            if (view.path("lag").asLong() > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean dueBefore(JsonNode deadlines, Instant now) {
        JsonNode next = deadlines.get("nextDue");
        return next != null && !next.isNull() && !Instant.parse(next.asText()).isAfter(now);
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            options.put(name, arg.substring(eq + 1));
        }
        return options;
    }
}
