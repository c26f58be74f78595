package io.journeyengine.api.cluster;

import io.journeyengine.api.simulation.EngineClient;
import io.journeyengine.api.simulation.Outcome;
import io.journeyengine.api.simulation.PlannedTouchpoint;
import io.journeyengine.api.simulation.Simulation;
import io.journeyengine.api.support.NodeProcess;
import io.journeyengine.api.support.RunningEngine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Channels sending a simulated month to several nodes at once, the way a channel behind a load balancer does: each
 * request goes to the next node, and one that fails (connection refused or reset, a 5xx) is sent again, unchanged and
 * with the same touchpointIds, to the next node until it is answered. Nothing is known about the order the engine
 * applies them in: several requests for one customer are in flight at once, on different nodes.
 */
final class ChannelLoad {

    /** A customer's story is interleaved with this many others, so its touchpoints race each other on the nodes. */
    private static final int INTERLEAVED = 4;
    private static final int WORKERS = 8;
    private static final int BATCH = 5;

    private final List<NodeProcess> nodes;
    private final List<List<PlannedTouchpoint>> requests;
    private final Map<String, Outcome> answers = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    /** Requests that failed on a node, per node name: the channel's retries went elsewhere. */
    private final Map<String, List<List<PlannedTouchpoint>>> failedOn = new ConcurrentHashMap<>();

    ChannelLoad(List<NodeProcess> nodes, Simulation.Settings settings) {
        this.nodes = nodes;
        this.requests = requests(Simulation.touchpoints(settings));
    }

    /**
     * The plan in racing order: customers in groups of {@link #INTERLEAVED}, their stories interleaved one touchpoint
     * at a time; every seventh request a batch of {@link #BATCH}, the rest single touchpoints.
     */
    private static List<List<PlannedTouchpoint>> requests(List<PlannedTouchpoint> plan) {
        Map<Integer, List<PlannedTouchpoint>> stories = new TreeMap<>();
        plan.forEach(t -> stories.computeIfAbsent(t.customer(), c -> new ArrayList<>()).add(t));
        List<List<PlannedTouchpoint>> groups = new ArrayList<>(stories.values());
        List<PlannedTouchpoint> ordered = new ArrayList<>();
        for (int g = 0; g < groups.size(); g += INTERLEAVED) {
            List<List<PlannedTouchpoint>> group = groups.subList(g, Math.min(groups.size(), g + INTERLEAVED));
            int longest = group.stream().mapToInt(List::size).max().orElse(0);
            for (int i = 0; i < longest; i++) {
                for (List<PlannedTouchpoint> story : group) {
                    if (i < story.size()) {
                        ordered.add(story.get(i));
                    }
                }
            }
        }
        List<List<PlannedTouchpoint>> requests = new ArrayList<>();
        for (int i = 0; i < ordered.size(); ) {
            int size = requests.size() % 7 == 6 ? Math.min(BATCH, ordered.size() - i) : 1;
            requests.add(ordered.subList(i, i + size));
            i += size;
        }
        return requests;
    }

    int requestCount() {
        return requests.size();
    }

    /**
     * Sends every request with {@link #WORKERS} channels in parallel. {@code atRequest} is told when the request of
     * each index in {@code marks} is about to be taken; the channels wait meanwhile, so a test can kill or restart a
     * node at a known point of the load while requests already taken are in flight.
     */
    void run(List<Integer> marks, IntConsumer atRequest) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        Map<Integer, CountDownLatch> gates = new TreeMap<>();
        marks.forEach(m -> gates.put(m, new CountDownLatch(1)));
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(pool.submit(() -> {
                for (int index = next.getAndIncrement(); index < requests.size(); index = next.getAndIncrement()) {
                    CountDownLatch gate = gates.get(index);
                    if (gate != null) {
                        atRequest.accept(index);
                        gate.countDown();
                    }
                    for (Map.Entry<Integer, CountDownLatch> earlier : gates.entrySet()) {
                        if (earlier.getKey() < index) {
                            earlier.getValue().await();
                        }
                    }
                    send(index);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(15, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    /** One request, to the node its index points at, then to the next ones until some node answers it. */
    private void send(int index) {
        List<PlannedTouchpoint> request = requests.get(index);
        for (int attempt = 0; ; attempt++) {
            NodeProcess node = nodes.get((index + attempt) % nodes.size());
            List<Outcome> outcomes;
            try {
                outcomes = new EngineClient(node.base(), RunningEngine.ADMIN_KEY)
                        .send(new Simulation.Request(request, request.size() == 1));
            } catch (RuntimeException unreachable) {
                outcomes = null;
            }
            if (outcomes != null && outcomes.stream().allMatch(o -> o.status() != null)) {
                outcomes.forEach(o -> answers.merge(o.planned().touchpointId(), o, ChannelLoad::firstApplied));
                return;
            }
            failedAttempts.incrementAndGet();
            failedOn.computeIfAbsent(node.name(), n -> Collections.synchronizedList(new ArrayList<>())).add(request);
            if (attempt > 200) {
                throw new IllegalStateException("no node answered request " + index + " in 200 attempts");
            }
            pause(attempt);
        }
    }

    /** A resend of the same touchpointId answers DUPLICATE; the APPLIED answer is the one that names the events. */
    private static Outcome firstApplied(Outcome earlier, Outcome later) {
        return earlier.applied() ? earlier : later;
    }

    private static void pause(int attempt) {
        try {
            // A channel's back-off between retries; the node it retries on may be the one coming back.
            Thread.sleep(Math.min(1000, 50L * (attempt + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The final answer per touchpointId (APPLIED wins over the DUPLICATE of a resend). */
    Map<String, Outcome> answers() {
        return answers;
    }

    List<PlannedTouchpoint> planned() {
        return requests.stream().flatMap(List::stream).toList();
    }

    int failedAttempts() {
        return failedAttempts.get();
    }

    List<List<PlannedTouchpoint>> failedOn(String node) {
        return failedOn.getOrDefault(node, List.of());
    }
}
