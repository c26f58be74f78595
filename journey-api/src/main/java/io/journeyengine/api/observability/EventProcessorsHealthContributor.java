package io.journeyengine.api.observability;

import io.journeyengine.api.admin.ViewStatuses;
import io.journeyengine.api.admin.ViewStatuses.ViewStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/health/eventProcessors/<view>}: one health indicator per view (event processor), as this node
 * runs it (docs/operations.md, Observability):
 * <ul>
 *     <li>{@code DOWN} when a segment this node processes failed and waits to be retried: events stop reaching the
 *     view for the customers of that segment, and someone has to look (the error is in the details);</li>
 *     <li>{@code OUT_OF_SERVICE} when its processor does not run on this node: an operator stopped it
 *     ({@code POST /api/admin/projections/{name}/stop}) or the node is starting or shutting down;</li>
 *     <li>{@code UP} otherwise, dead letters or not: a parked event stops one customer's events in that view and
 *     every other customer's go on, so the view still works. Dead letters and lag are in the details, and in the
 *     metrics for alerts.</li>
 * </ul>
 * The views are not part of the readiness probe: every node shares one database and the same views, so a failing
 * view would take every node out of the load balancer at once, and touchpoints (the write side) are still taken.
 */
@Component
public class EventProcessorsHealthContributor implements CompositeHealthContributor {

    private final ViewStatuses statuses;
    private final Map<String, HealthContributor> views = new LinkedHashMap<>();

    public EventProcessorsHealthContributor(ViewStatuses statuses) {
        this.statuses = statuses;
        for (String name : statuses.names()) {
            views.put(name, new ViewHealth(name));
        }
    }

    @Override
    public HealthContributor getContributor(String name) {
        return views.get(name);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return views.entrySet().stream()
                    .map(view -> NamedContributor.of(view.getKey(), view.getValue()))
                    .iterator();
    }

    /** One view; a failure to read its status (the database is down) is DOWN with the cause. */
    private final class ViewHealth extends AbstractHealthIndicator {

        private final String name;

        ViewHealth(String name) {
            super("View " + name + " health check failed");
            this.name = name;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            ViewStatus view = statuses.recent().view(name).orElse(null);
            if (view == null) {
                builder.unknown();
                return;
            }
            if (view.errorState()) {
                builder.down().withDetail("error", view.error());
            } else if (!view.running()) {
                builder.outOfService();
            } else {
                builder.up();
            }
            builder.withDetail("running", view.running())
                   .withDetail("errorState", view.errorState())
                   .withDetail("replaying", view.replaying())
                   .withDetail("segments", view.segments())
                   .withDetail("segmentsClaimedHere", view.segmentsClaimedHere())
                   .withDetail("position", view.position())
                   .withDetail("head", view.head())
                   .withDetail("lag", view.lag())
                   .withDetail("lagSeconds", view.lagSeconds())
                   .withDetail("deadLetters", view.deadLetters())
                   .withDetail("parkedCustomers", view.parkedCustomers());
        }
    }
}
