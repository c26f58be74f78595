package io.journeyengine.api.deadline;

import io.journeyengine.api.problem.QueryParameters;
import io.journeyengine.journey.deadline.JourneyDeadlines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Scheduled work as operators see it: what the journeys wait for, what fails, what is parked. */
@RestController
@Tag(name = "Admin", description = "Keys, audit and views")
public class DeadlinesController {

    /** Kinds always listed, with 0 when none is pending. */
    public static final List<String> KINDS = List.of(JourneyDeadlines.CART_ABANDONMENT, JourneyDeadlines.PROMO_EXPIRY,
                                              JourneyDeadlines.CONVERSATION_IDLE);
    static final int MAX_LISTED = 1000;
    static final int DEFAULT_LISTED = 100;

    private final DeadlineOverview overview;

    public DeadlinesController(DeadlineOverview overview) {
        this.overview = overview;
    }

    @Operation(summary = "Pending, failing and parked deadlines",
               description = "Pending deadlines per kind (cart-abandonment, promo-expiry, conversation-idle) with "
                       + "the next due, on the engine's clock; deadlines whose delivery failed and that will be "
                       + "retried; deadlines parked after journey.deadlines.max-attempts failed attempts. Lists hold "
                       + "at most `limit` entries (1-" + MAX_LISTED + ", default " + DEFAULT_LISTED + "), the "
                       + "earliest first.")
    @GetMapping("/api/admin/deadlines")
    public DeadlineOverview.Report deadlines(@RequestParam(required = false) String limit) {
        QueryParameters parameters = new QueryParameters();
        int max = parameters.integer("limit", limit, DEFAULT_LISTED, 1, MAX_LISTED);
        parameters.check();
        return overview.report(max);
    }
}
