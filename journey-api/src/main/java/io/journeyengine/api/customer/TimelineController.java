package io.journeyengine.api.customer;

import io.journeyengine.api.identity.Aliases;
import io.journeyengine.api.problem.QueryParameters;
import io.journeyengine.views.timeline.CustomerTimeline;
import io.journeyengine.views.timeline.FindTimeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every applied touchpoint of a customer, in business-time order, each with a one-line summary. */
@RestController
@Tag(name = "Customers")
public class TimelineController {

    /** A journey is hundreds of touchpoints at most; the answer never holds more than this many. */
    public static final int MAX_TOUCHPOINTS = 1000;

    private final QueryGateway queries;
    private final Aliases aliases;

    public TimelineController(QueryGateway queries, Aliases aliases) {
        this.queries = queries;
        this.aliases = aliases;
    }

    @Operation(summary = "The customer's timeline",
               description = "Applied touchpoints ordered by occurredAt, then arrival: the latest `limit` of them "
                       + "(1-" + MAX_TOUCHPOINTS + ", default " + MAX_TOUCHPOINTS + "). 404 for an unknown customer. "
                       + "A survivor's timeline holds the touchpoints of the profiles merged into it; a merged "
                       + "profile's id answers with its survivor's.")
    @GetMapping("/api/customers/{customerId}/timeline")
    public CustomerTimeline timeline(@PathVariable String customerId,
                                     @RequestParam(required = false) String limit) {
        QueryParameters parameters = new QueryParameters();
        int max = parameters.integer("limit", limit, MAX_TOUCHPOINTS, 1, MAX_TOUCHPOINTS);
        parameters.check();
        return queries.query(new FindTimeline(aliases.canonical(customerId), max), ResponseTypes.optionalInstanceOf(CustomerTimeline.class))
                      .join()
                      .orElseThrow(() -> CustomerNotFound.of(customerId));
    }
}
