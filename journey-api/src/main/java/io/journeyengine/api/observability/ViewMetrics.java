package io.journeyengine.api.observability;

import io.journeyengine.api.admin.ViewStatuses;
import io.journeyengine.api.admin.ViewStatuses.ViewStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Gauges per view, tagged {@code view} (docs/operations.md, Observability), read from {@link ViewStatuses#recent()}
 * at each scrape: one snapshot serves every gauge of the scrape.
 * <ul>
 *     <li>{@code journey.view.lag.events}: events between the view's position and the event store's head;</li>
 *     <li>{@code journey.view.lag.seconds}: how long ago the oldest event it has not processed was stored (0 when
 *     caught up): what an alert on "the views are behind" wants, whatever the traffic;</li>
 *     <li>{@code journey.view.dead.letters}: events parked, {@code journey.view.parked.customers}: of how many
 *     customers;</li>
 *     <li>{@code journey.view.running}: 1 when its processor runs on this node; {@code journey.view.error}: 1 when a
 *     segment of it failed on this node and waits to be retried.</li>
 * </ul>
 */
@Component
public class ViewMetrics implements MeterBinder {

    private final ViewStatuses statuses;

    public ViewMetrics(ViewStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String view : statuses.names()) {
            gauge(registry, "journey.view.lag.events", view, "Events the view has still to process",
                  ViewStatus::lag, null);
            gauge(registry, "journey.view.lag.seconds", view,
                  "Age of the oldest event the view has not processed (0 when caught up)", ViewStatus::lagSeconds,
                  "seconds");
            gauge(registry, "journey.view.dead.letters", view, "Events the view parked", ViewStatus::deadLetters,
                  null);
            gauge(registry, "journey.view.parked.customers", view, "Customers with parked events in the view",
                  ViewStatus::parkedCustomers, null);
            gauge(registry, "journey.view.running", view, "1 when the view's processor runs on this node",
                  v -> v.running() ? 1 : 0, null);
            gauge(registry, "journey.view.error", view, "1 when a segment of the view failed on this node",
                  v -> v.errorState() ? 1 : 0, null);
        }
    }

    private void gauge(MeterRegistry registry, String name, String view, String description,
                       ToDoubleFunction<ViewStatus> value, String unit) {
        Gauge.builder(name, statuses, s -> s.recent().view(view).map(value::applyAsDouble).orElse(Double.NaN))
             .description(description)
             .tag("view", view)
             .baseUnit(unit)
             .strongReference(true)
             .register(registry);
    }
}
