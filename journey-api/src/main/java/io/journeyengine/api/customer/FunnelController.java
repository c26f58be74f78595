package io.journeyengine.api.customer;

import io.journeyengine.api.problem.QueryParameters;
import io.journeyengine.views.support.TimeRange;
import io.journeyengine.views.lifecycle.FindFunnel;
import io.journeyengine.views.lifecycle.Funnel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How far customers have come through the lifecycle stages. */
@RestController
@Tag(name = "Analytics", description = "Figures for analysts")
public class FunnelController {

    private final QueryGateway queries;

    public FunnelController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The lifecycle funnel",
               description = "Customers now in each stage, customers that reached it, and the rate to the next stage. "
                       + "With from (inclusive) and/or to (exclusive) on occurredAt: as if only the touchpoints in "
                       + "that range existed.")
    @GetMapping("/api/analytics/funnel")
    public Funnel funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        TimeRange range = QueryParameters.rangeOnly(from, to);
        return queries.query(new FindFunnel(range.from(), range.to()), ResponseTypes.instanceOf(Funnel.class)).join();
    }
}
