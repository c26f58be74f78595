package io.journeyengine.api.observability;

import io.journeyengine.api.deadline.DeadlineOverview;
import io.journeyengine.api.deadline.DeadlinesController;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the scheduled work, from the same figures as {@code GET /api/admin/deadlines} (docs/operations.md,
 * Observability): {@code journey.deadlines.pending} per {@code kind}, {@code journey.deadlines.retrying} (delivery
 * failed, will be tried again) and {@code journey.deadlines.parked} (failed every attempt; fire no more until an
 * operator acts). One read of the figures serves every gauge of a scrape.
 */
@Component
public class DeadlineMetrics implements MeterBinder {

    private static final Duration RECENT = Duration.ofSeconds(1);

    private final DeadlineOverview overview;
    private volatile DeadlineOverview.Counts counts;
    private volatile long readAt;

    public DeadlineMetrics(DeadlineOverview overview) {
        this.overview = overview;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String kind : DeadlinesController.KINDS) {
            gauge(registry, "journey.deadlines.pending", "Deadlines waiting to fire (parked ones not included)",
                  c -> c.kinds().stream().filter(k -> k.kind().equals(kind)).mapToLong(DeadlineOverview.Kind::pending)
                        .sum(), kind);
        }
        gauge(registry, "journey.deadlines.retrying", "Deadlines whose delivery failed and that will be retried",
              DeadlineOverview.Counts::retrying, null);
        gauge(registry, "journey.deadlines.parked", "Deadlines parked after failing every attempt",
              DeadlineOverview.Counts::parked, null);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<DeadlineOverview.Counts> value, String kind) {
        Gauge.Builder<DeadlineMetrics> gauge = Gauge.builder(name, this, m -> value.applyAsDouble(m.recent()))
                                                    .description(description)
                                                    .strongReference(true);
        if (kind != null) {
            gauge.tag("kind", kind);
        }
        gauge.register(registry);
    }

    private synchronized DeadlineOverview.Counts recent() {
        if (counts == null || System.nanoTime() - readAt >= RECENT.toNanos()) {
            counts = overview.counts();
            readAt = System.nanoTime();
        }
        return counts;
    }
}
