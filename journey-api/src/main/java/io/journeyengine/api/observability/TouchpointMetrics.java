package io.journeyengine.api.observability;

import io.journeyengine.api.ingest.ParsedTouchpoint;
import io.journeyengine.api.ingest.TouchpointResult;
import io.journeyengine.api.ingest.TouchpointType;
import io.journeyengine.journey.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The ingestion metrics (docs/operations.md, Observability), recorded where the answers of both ingestion endpoints
 * are made, so a touchpoint counts once whether it came alone or in a batch:
 * <ul>
 *     <li>{@value #TOUCHPOINTS}: every touchpoint answered, tagged {@code channel}, {@code type} and {@code outcome}
 *     ({@code applied}, {@code duplicate}, {@code rejected});</li>
 *     <li>{@value #REJECTED}: the rejected ones by problem {@code code} and {@code channel};</li>
 *     <li>{@value #LATENCY}: the time from the request's JSON (parsed by Spring) to its committed answer,
 *     validation included, per {@code endpoint}
 *     ({@code single}, {@code batch}), with histogram buckets for percentiles.</li>
 * </ul>
 * A channel or type that could not be read is tagged {@value #UNKNOWN}, so the tag values stay a closed set whatever
 * clients send. On the hot path a counter is an array lookup: each one is registered on first use and kept.
 */
@Component
public class TouchpointMetrics {

    public static final String TOUCHPOINTS = "journey.touchpoints";
    public static final String REJECTED = "journey.touchpoints.rejected";
    public static final String LATENCY = "journey.ingest.latency";
    static final String UNKNOWN = "unknown";

    /** The endpoint a request came through: the latency's tag. */
    public enum Endpoint { SINGLE, BATCH }

    private static final Channel[] CHANNELS = Channel.values();
    private static final TouchpointType[] TYPES = TouchpointType.values();
    private static final TouchpointResult.Status[] OUTCOMES = TouchpointResult.Status.values();

    private final MeterRegistry registry;
    /** By channel (the last index: unknown), type (likewise) and outcome; filled on first use. */
    private final Counter[][][] touchpoints = new Counter[CHANNELS.length + 1][TYPES.length + 1][OUTCOMES.length];
    /** By problem code, then channel (the last index: unknown). Codes are the engine's own: a bounded set. */
    private final Map<String, Counter[]> rejected = new ConcurrentHashMap<>();
    private final Timer[] latency = new Timer[Endpoint.values().length];

    public TouchpointMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Endpoint endpoint : Endpoint.values()) {
            latency[endpoint.ordinal()] = Timer.builder(LATENCY)
                    .description("Time from an ingestion request's JSON to its committed answer")
                    .tag("endpoint", endpoint.name().toLowerCase(Locale.ROOT))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
        }
    }

    /**
     * Counts the answers of one request ({@code results} in the order of {@code items}) and its latency since
     * {@code startNanos} ({@link System#nanoTime()}).
     */
    public void record(Endpoint endpoint, List<ParsedTouchpoint> items, List<TouchpointResult> results,
                       long startNanos) {
        latency[endpoint.ordinal()].record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        for (int i = 0; i < results.size(); i++) {
            ParsedTouchpoint item = items.get(i);
            TouchpointResult result = results.get(i);
            touchpoint(item.channel(), item.type(), result.status()).increment();
            if (result.status() == TouchpointResult.Status.REJECTED && result.problem() != null) {
                rejected(result.problem().code(), item.channel()).increment();
            }
        }
    }

    private Counter touchpoint(Channel channel, TouchpointType type, TouchpointResult.Status outcome) {
        int c = channel == null ? CHANNELS.length : channel.ordinal();
        int t = type == null ? TYPES.length : type.ordinal();
        Counter counter = touchpoints[c][t][outcome.ordinal()];
        if (counter == null) {
            // Two threads may both get here: the registry hands both the same counter.
            counter = Counter.builder(TOUCHPOINTS)
                             .description("Touchpoints answered, by channel, type and outcome")
                             .tag("channel", channel == null ? UNKNOWN : channel.name())
                             .tag("type", type == null ? UNKNOWN : type.name())
                             .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                             .register(registry);
            touchpoints[c][t][outcome.ordinal()] = counter;
        }
        return counter;
    }

    private Counter rejected(String code, Channel channel) {
        Counter[] byChannel = rejected.computeIfAbsent(code == null ? UNKNOWN : code,
                                                       k -> new Counter[CHANNELS.length + 1]);
        int c = channel == null ? CHANNELS.length : channel.ordinal();
        Counter counter = byChannel[c];
        if (counter == null) {
            counter = Counter.builder(REJECTED)
                             .description("Touchpoints rejected, by problem code and channel")
                             .tag("code", code == null ? UNKNOWN : code)
                             .tag("channel", channel == null ? UNKNOWN : channel.name())
                             .register(registry);
            byChannel[c] = counter;
        }
        return counter;
    }
}
