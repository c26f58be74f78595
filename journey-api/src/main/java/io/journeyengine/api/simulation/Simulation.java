package io.journeyengine.api.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic omnichannel workload: the same settings always give the same touchpoints, in the same order, with
 * the same expected answers. Each customer's story depends only on the seed and its own number, so a run with more
 * customers keeps the stories of a run with fewer.
 */
public final class Simulation {

    /** Customers start within the first 12 days; stories stop starting episodes after this span. */
    static final Duration SPAN = Duration.ofDays(20);

    /**
     * @param seed      the random seed
     * @param customers how many customers
     * @param start     business time of the simulation's first day; codes expire relative to it
     * @param run       tag in every id (customers, touchpoints, identities), so that runs can share an engine
     */
    public record Settings(long seed, int customers, Instant start, String run) {
        public Settings {
            if (customers < 1) {
                throw new IllegalArgumentException("customers must be at least 1");
            }
            if (!run.matches("[a-z0-9]{1,20}")) {
                throw new IllegalArgumentException("run must be 1-20 lower-case letters or digits");
            }
        }
    }

    /** One HTTP request of the plan: a batch, or one touchpoint sent to the single endpoint. */
    public record Request(List<PlannedTouchpoint> touchpoints, boolean single) {
    }

    private Simulation() {
    }

    /** Every touchpoint of every customer, in the order the channels report them. */
    public static List<PlannedTouchpoint> touchpoints(Settings settings) {
        List<PlannedTouchpoint> all = new ArrayList<>();
        for (int customer = 0; customer < settings.customers(); customer++) {
            all.addAll(new CustomerStory(settings, customer).write());
        }
        all.sort(Comparator.comparing(PlannedTouchpoint::sendAt).thenComparing(PlannedTouchpoint::customer)
                           .thenComparing(PlannedTouchpoint::sequence));
        return all;
    }

    /**
     * Cuts the stream into requests: batches of up to {@code batchSize}, and about {@code singleShare} of the
     * touchpoints sent alone (a till or an agent desk that reports as things happen). A single goes ahead of the
     * batch being filled unless that batch holds a touchpoint of the same customer, so each customer's touchpoints
     * still arrive in story order.
     */
    public static List<Request> requests(List<PlannedTouchpoint> stream, int batchSize, double singleShare,
                                         long seed) {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batch size must be 1-1000");
        }
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<Request> requests = new ArrayList<>();
        List<PlannedTouchpoint> batch = new ArrayList<>();
        Set<Integer> inBatch = new HashSet<>();
        for (PlannedTouchpoint touchpoint : stream) {
            if (random.nextDouble() < singleShare) {
                if (inBatch.contains(touchpoint.customer())) {
                    flush(batch, inBatch, requests);
                }
                requests.add(new Request(List.of(touchpoint), true));
                continue;
            }
            batch.add(touchpoint);
            inBatch.add(touchpoint.customer());
            if (batch.size() == batchSize) {
                flush(batch, inBatch, requests);
            }
        }
        flush(batch, inBatch, requests);
        return requests;
    }

    private static void flush(List<PlannedTouchpoint> batch, Set<Integer> inBatch, List<Request> requests) {
        if (!batch.isEmpty()) {
            requests.add(new Request(List.copyOf(batch), false));
            batch.clear();
            inBatch.clear();
        }
    }
}
