package io.journeyengine.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The views recomputed from what the event store holds, for tests whose touchpoints raced each other (several nodes,
 * a crash): the order of application is then known only to the store. Each applied touchpoint comes with the global
 * position of its first event, which is its place in its customer's order; the same independent fold as
 * {@link ReadSideConsistencyTest} then computes every figure and every customer, and the engine's views must equal
 * them.
 */
public final class Recomputation {

    /** A touchpoint the store holds: the body the channel sent, its customer, the position of its first event. */
    public record Applied(JsonNode body, String customerId, long firstPosition) {
    }

    private Recomputation() {
    }

    /** What the views (read over {@code api}) show differently from the fold; empty when they agree. */
    public static String differences(Api api, List<Applied> applied) {
        Map<String, List<Touch>> byCustomer = new LinkedHashMap<>();
        applied.stream().sorted(Comparator.comparingLong(Applied::firstPosition)).forEach(a -> {
            JsonNode body = a.body();
            byCustomer.computeIfAbsent(a.customerId(), c -> new ArrayList<>())
                      .add(new Touch(body.get("touchpointId").asText(), a.customerId(), body.get("type").asText(),
                                     body.get("channel").asText(), Instant.parse(body.get("occurredAt").asText()),
                                     a.firstPosition(), body.path("data"), body.get("identity")));
        });
        Map<String, CustomerFold> customers = new TreeMap<>();
        byCustomer.forEach((id, touches) -> customers.put(id, new CustomerFold(id, touches)));
        Differences differences = new ViewComparison(new ReadSide(api, null), customers).run(List.of(Window.ALL));
        return differences.isEmpty() ? "" : differences.report();
    }
}
