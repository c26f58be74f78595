package io.journeyengine.api.simulation;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Generates the workload, sends it request by request, and reports what came back. */
public final class Simulator {

    private static final int UNEXPECTED_SHOWN = 20;

    private Simulator() {
    }

    /**
     * What a run sent and got.
     *
     * @param outcomes one per touchpoint sent, in sending order
     */
    public record Report(Simulation.Settings settings, List<Outcome> outcomes, int batches, int singles,
                         Duration took) {

        public List<Outcome> unexpected() {
            return outcomes.stream().filter(o -> !o.asExpected()).toList();
        }

        public List<Outcome> applied() {
            return outcomes.stream().filter(Outcome::applied).toList();
        }

        /** The highest global position the answers carry, or null when the engine does not report positions. */
        public Long lastPosition() {
            return outcomes.stream().map(Outcome::position).filter(Objects::nonNull).max(Long::compare).orElse(null);
        }

        public void print(PrintStream out) {
            Simulation.Settings s = settings;
            out.printf("Simulation run %s: seed %d, %d customers, start %s%n", s.run(), s.seed(), s.customers(),
                       s.start());
            long late = outcomes.stream().filter(o -> o.planned().late()).count();
            long resends = outcomes.stream().filter(o -> o.planned().isResend()).count();
            out.printf("Sent %d touchpoints in %d batches and %d single requests in %.1f s (%d reported late, "
                               + "%d resends)%n", outcomes.size(), batches, singles, took.toMillis() / 1000.0, late,
                       resends);
            out.printf("%-26s %7s %8s %10s %9s%n", "type", "sent", "applied", "duplicate", "rejected");
            Map<String, List<Outcome>> byType = outcomes.stream().collect(
                    Collectors.groupingBy(o -> o.planned().type(), TreeMap::new, Collectors.toList()));
            byType.forEach((type, list) -> out.printf("%-26s %7d %8d %10d %9d%n", type, list.size(),
                                                      count(list, "APPLIED"), count(list, "DUPLICATE"),
                                                      count(list, "REJECTED")));
            Map<String, Long> refusals = outcomes.stream().filter(o -> "REJECTED".equals(o.status())).collect(
                    Collectors.groupingBy(o -> String.valueOf(o.code()), TreeMap::new, Collectors.counting()));
            out.println("Refusals by code: " + (refusals.isEmpty() ? "none" : refusals.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
            out.println("Customers with an applied touchpoint: "
                                + applied().stream().map(Outcome::customerId).distinct().count());
            Long position = lastPosition();
            out.println("Last position answered: " + (position == null ? "not reported" : position));
            List<Outcome> unexpected = unexpected();
            out.println("Unexpected answers: " + unexpected.size());
            unexpected.stream().limit(UNEXPECTED_SHOWN).forEach(o -> out.printf(
                    "  %s %s: expected %s, got %s%n", o.planned().touchpointId(), o.planned().type(),
                    o.planned().expected(), o.answer()));
            if (unexpected.stream().anyMatch(o -> "DUPLICATE".equals(o.status()) && !o.planned().isResend())) {
                out.println("Touchpoints of this run were sent before: use an empty engine or another --run.");
            }
        }

        private static long count(List<Outcome> outcomes, String status) {
            return outcomes.stream().filter(o -> status.equals(o.status())).count();
        }
    }

    public static Report run(Simulation.Settings settings, EngineClient client, int batchSize, double singleShare) {
        List<Simulation.Request> requests = Simulation.requests(Simulation.touchpoints(settings), batchSize,
                                                                singleShare, settings.seed());
        long started = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        requests.forEach(request -> outcomes.addAll(client.send(request)));
        int singles = (int) requests.stream().filter(Simulation.Request::single).count();
        return new Report(settings, List.copyOf(outcomes), requests.size() - singles, singles,
                          Duration.ofNanos(System.nanoTime() - started));
    }
}
