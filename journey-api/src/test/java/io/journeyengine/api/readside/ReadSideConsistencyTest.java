package io.journeyengine.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.simulation.EngineClient;
import io.journeyengine.api.simulation.Outcome;
import io.journeyengine.api.simulation.Simulation;
import io.journeyengine.api.simulation.Simulator;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The read side against an independent model: the journey simulator sends a few thousand touchpoints of several
 * hundred customers over HTTP (every touchpoint type, late and out-of-order occurredAt, resends, refusals); the
 * test keeps the touchpoints answered APPLIED, folds them in memory with its own reading of DESIGN.md, and then
 * every analytics figure (for all time and for two time ranges) and every customer's 360, timeline, cart and place in
 * the listing must equal what it computed. Not a sample: all customers, all figures.
 */
class ReadSideConsistencyTest {

    private static final long SEED = 20_261_125L;
    private static final int CUSTOMERS = 400;

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        // The comparison reads about 1,300 views per pass: far above a channel key's default rate. No cart may be
        // abandoned and no conversation closed for inactivity while the test runs: the simulator sends a month of
        // business time in minutes without moving the engine's clock, so the delays would run out between two
        // touchpoints of one story. Codes do expire by themselves, and the model expects exactly that.
        engine = RunningEngine.start("journey.security.channel-rate-per-second=1000000",
                                     "journey.security.other-rate-per-second=1000000",
                                     "journey.cart.abandon-after=P3650D",
                                     "journey.conversation.idle-close-after=P3650D");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void everyFigureAndEveryCustomerEqualTheAppliedTouchpointsFoldedInMemory() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(30, ChronoUnit.DAYS);
        Simulator.Report report = Simulator.run(new Simulation.Settings(SEED, CUSTOMERS, start, "rs"),
                                                new EngineClient(api.base(), api.key()), 250, 0.03);
        assertThat(report.unexpected()).as("answers other than the simulation predicted").isEmpty();
        assertWorkloadCoversTheDesign(report);

        Map<String, CustomerFold> customers = fold(report.outcomes());
        ReadSide read = new ReadSide(api, report.lastPosition());
        awaitViewsCaughtUp(read, customers, report);

        List<Window> windows = windows(customers);
        await("the views to equal the model (" + read + ")").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Differences differences = new ViewComparison(read, customers).run(windows);
                    if (!differences.isEmpty()) {
                        fail(differences.report());
                    }
                });
    }

    /** The applied touchpoints per customer, in arrival order (the order of sending, one request at a time). */
    private static Map<String, CustomerFold> fold(List<Outcome> outcomes) {
        Map<String, List<Touch>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.applied()) {
                byCustomer.computeIfAbsent(outcome.customerId(), c -> new ArrayList<>()).add(Touch.of(outcome, i));
            }
        }
        Map<String, CustomerFold> customers = new TreeMap<>();
        byCustomer.forEach((id, touches) -> customers.put(id, new CustomerFold(id, touches)));
        return customers;
    }

    private static void assertWorkloadCoversTheDesign(Simulator.Report report) {
        Map<String, Long> appliedByType = report.applied().stream()
                .collect(Collectors.groupingBy(o -> o.planned().type(), Collectors.counting()));
        assertThat(appliedByType).as("applied touchpoints per type").hasSize(15);
        assertThat(report.applied()).as("applied touchpoints").hasSizeGreaterThan(4000);
        assertThat(report.applied().stream().filter(o -> o.planned().late()))
                .as("touchpoints reported after later ones").hasSizeGreaterThan(100);
        assertThat(report.outcomes().stream().filter(o -> "DUPLICATE".equals(o.status()))).as("resends")
                .hasSizeGreaterThan(50);
        assertThat(report.outcomes().stream().filter(o -> "REJECTED".equals(o.status()))).as("refusals")
                .hasSizeGreaterThan(100);
        assertThat(report.singles()).as("touchpoints sent alone").isGreaterThan(50);
    }

    /**
     * Waits until the views have seen everything: at once when the answers carried a position (the reads wait for
     * it), else by polling figures that only the last events complete.
     */
    private static void awaitViewsCaughtUp(ReadSide read, Map<String, CustomerFold> customers,
                                           Simulator.Report report) {
        long touchpoints = customers.values().stream().mapToLong(c -> c.ordered().size()).sum();
        Outcome last = report.applied().get(report.applied().size() - 1);
        CustomerFold lastCustomer = customers.get(last.customerId());
        await("the views to catch up (" + read + ")").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    JsonNode funnel = ok(read, "/api/analytics/funnel");
                    assertThat(funnel.path("customers").asLong()).as("funnel customers").isEqualTo(customers.size());
                    JsonNode channels = ok(read, "/api/analytics/channels");
                    long counted = 0;
                    for (JsonNode channel : channels.path("channels")) {
                        counted += channel.path("touchpoints").asLong();
                    }
                    assertThat(counted).as("touchpoints counted by the channel analytics").isEqualTo(touchpoints);
                    JsonNode timeline = ok(read, "/api/customers/" + lastCustomer.customerId() + "/timeline");
                    assertThat(timeline.path("touchpoints").size()).as("last customer's timeline")
                            .isEqualTo(lastCustomer.ordered().size());
                });
    }

    private static JsonNode ok(ReadSide read, String path) {
        Api.Answer answer = read.get(path);
        assertThat(answer.status()).as("GET " + path + " answered " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    /**
     * All time, a closed range whose bounds are two touchpoints' own instants (so {@code from} must include one and
     * {@code to} exclude the other), and an open-ended range.
     */
    private static List<Window> windows(Map<String, CustomerFold> customers) {
        List<Instant> instants = customers.values().stream().flatMap(c -> c.ordered().stream())
                                          .map(Touch::occurredAt).sorted(Comparator.naturalOrder()).toList();
        Instant from = instants.get(instants.size() * 3 / 10);
        Instant to = instants.get(instants.size() * 7 / 10);
        Instant later = instants.get(instants.size() * 11 / 20);
        return List.of(Window.ALL, new Window(from, to), new Window(later, null));
    }
}
