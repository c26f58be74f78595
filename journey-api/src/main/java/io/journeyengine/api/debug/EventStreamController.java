package io.journeyengine.api.debug;

import io.journeyengine.api.customer.CustomerNotFound;
import io.journeyengine.api.problem.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The raw stream of one customer: every event the journey recorded, in order, with the metadata that explains it. */
@RestController
@Tag(name = "Debugging", description = "Event streams, time travel, export and import, dry runs")
public class EventStreamController {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final JourneyEvents events;

    public EventStreamController(JourneyEvents events) {
        this.events = events;
    }

    /** A page of the stream; {@code nextSequence} is where the next page starts, null after the last event. */
    public record EventPage(String customerId, List<StoredEvent> events, Long nextSequence) {
    }

    @Operation(summary = "A customer's raw event stream",
               description = "Events from `fromSequence` (default 0), at most `limit` (1-" + MAX_LIMIT + ", default "
                       + DEFAULT_LIMIT + "), each with sequence, position, type, occurredAt (business time), "
                       + "recordedAt (storage time), payload and metadata (touchpointId, channel, receivedAt, "
                       + "correlationId, causationId). 404 CUSTOMER_NOT_FOUND for a customer without events.")
    @GetMapping("/api/customers/{customerId}/events")
    public EventPage events(@PathVariable String customerId,
                            @RequestParam(required = false) String fromSequence,
                            @RequestParam(required = false) String limit) {
        QueryParameters parameters = new QueryParameters();
        int from = parameters.integer("fromSequence", fromSequence, 0, 0, Integer.MAX_VALUE);
        int max = parameters.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        parameters.check();
        if (events.lastSequence(customerId).isEmpty()) {
            throw CustomerNotFound.of(customerId);
        }
        JourneyEvents.Page page = events.page(customerId, from, max);
        Long next = page.more() ? page.events().get(page.events().size() - 1).sequence() + 1 : null;
        return new EventPage(customerId, page.events(), next);
    }
}
