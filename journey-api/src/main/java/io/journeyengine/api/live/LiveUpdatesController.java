package io.journeyengine.api.live;

import io.journeyengine.api.customer.CustomerNotFound;
import io.journeyengine.api.debug.JourneyEvents;
import io.journeyengine.api.identity.Aliases;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.problem.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Set;

/** A customer's changes as they happen, for the channels' open screens (the app, the web shop, the agent desk). */
@RestController
@Tag(name = "Customers")
public class LiveUpdatesController {

    private final LiveUpdates live;
    private final JourneyEvents events;
    private final Aliases aliases;

    public LiveUpdatesController(LiveUpdates live, JourneyEvents events, Aliases aliases) {
        this.live = live;
        this.events = events;
        this.aliases = aliases;
    }

    @Operation(summary = "Live updates of one customer (Server-Sent Events)",
               description = "Every change of the customer's cart, promotions, lifecycle stage and conversations as "
                       + "an SSE event: `id` is the event's global position, `event` the topic, `data` a small JSON "
                       + "object. Reconnect with `Last-Event-ID` (or `?after=`) to receive exactly the updates after "
                       + "that position; without it, only what happens from now. `topics=cart,promotion,stage,"
                       + "conversation` narrows it. 404 for an unknown customer; 503 LIVE_UPDATES_FULL when this "
                       + "node serves its maximum of streams.")
    @GetMapping(path = "/api/customers/{customerId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter updates(@PathVariable("customerId") String requestedId,
                              @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                              @RequestParam(required = false) String after,
                              @RequestParam(required = false) String topics) {
        QueryParameters parameters = new QueryParameters();
        long fromHeader = parameters.position("Last-Event-ID", lastEventId);
        long fromQuery = parameters.position("after", after);
        Set<String> chosen = parameters.subset("topics", topics, UpdateTopics.ALL);
        parameters.check();
        String customerId = aliases.canonical(requestedId);
        if (events.lastSequence(customerId).isEmpty()) {
            throw CustomerNotFound.of(customerId);
        }
        // The header is what a reconnecting EventSource sends; it wins over the query of the original URL.
        long from = fromHeader >= 0 ? fromHeader : fromQuery;
        return live.subscribe(customerId, from, chosen).orElseThrow(() -> ProblemException.of(
                503, "LIVE_UPDATES_FULL", "Too many live streams",
                "This node serves its maximum of live streams (journey.live.max-subscribers); try again later or "
                        + "another node"));
    }
}
