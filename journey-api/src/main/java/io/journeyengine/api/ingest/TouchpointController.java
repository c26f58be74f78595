package io.journeyengine.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.observability.TouchpointMetrics;
import io.journeyengine.api.problem.ApiExceptionHandler;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.security.ApiKey;
import io.journeyengine.api.security.ApiKeyAuthentication;
import io.journeyengine.journey.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where channels send touchpoints: one at a time, or up to a thousand in a batch. */
@RestController
@Tag(name = "Ingest", description = "Channels send touchpoints")
public class TouchpointController {

    private final TouchpointParser parser;
    private final IngestionService ingestion;
    private final IngestProperties limits;
    private final TouchpointMetrics metrics;

    public TouchpointController(TouchpointParser parser, IngestionService ingestion, IngestProperties limits,
                                TouchpointMetrics metrics) {
        this.parser = parser;
        this.ingestion = ingestion;
        this.limits = limits;
        this.metrics = metrics;
    }

    @Operation(summary = "Send one touchpoint",
               description = "200 with status APPLIED or DUPLICATE; a refused touchpoint is answered with its "
                       + "problem status (400, 409, 413, 415, 422, 503) and a problem body. See docs/api.md.")
    @PostMapping(path = "/api/touchpoints", consumes = MediaType.APPLICATION_JSON_VALUE,
                 produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<?> one(@RequestBody JsonNode body,
                                 @RequestHeader(value = "X-Request-Id", required = false) String requestId) {
        long start = System.nanoTime();
        TouchpointResult result = answer(TouchpointMetrics.Endpoint.SINGLE, List.of(scoped(parser.parse(body))),
                                         requestId, start).get(0);
        if (result.status() != TouchpointResult.Status.REJECTED) {
            return ResponseEntity.ok(result);
        }
        // A refused touchpoint is a problem answer that still says which touchpoint and customer it was about.
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("touchpointId", result.touchpointId());
        context.put("customerId", result.customerId());
        return ApiExceptionHandler.answer(result.problem().with(nonNull(context)));
    }

    @Operation(summary = "Send up to 1000 touchpoints",
               description = "200 with one result per item, in order. Touchpoints of one customer are applied in "
                       + "array order; a refused item does not stop the others.")
    @PostMapping(path = "/api/touchpoints/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    public List<TouchpointResult> batch(@RequestBody JsonNode body,
                                        @RequestHeader(value = "X-Request-Id", required = false) String requestId) {
        if (!body.isArray()) {
            throw new ProblemException(Problem.validation(
                    List.of(new Problem.FieldError("$", "a batch must be a JSON array of touchpoints"))));
        }
        if (body.size() > limits.maxBatchSize()) {
            throw new ProblemException(Problem.of(413, "BATCH_TOO_LARGE", "Batch too large",
                                                  "A batch holds at most " + limits.maxBatchSize()
                                                          + " touchpoints; this one has " + body.size())
                                              .with(Map.of("maxItems", limits.maxBatchSize())));
        }
        long start = System.nanoTime();
        List<ParsedTouchpoint> items = new ArrayList<>(body.size());
        body.forEach(node -> items.add(scoped(parser.parse(node))));
        return answer(TouchpointMetrics.Endpoint.BATCH, items, requestId, start);
    }

    /** Applies the items and counts their answers: the one place both endpoints' touchpoints are counted. */
    private List<TouchpointResult> answer(TouchpointMetrics.Endpoint endpoint, List<ParsedTouchpoint> items,
                                          String requestId, long start) {
        List<TouchpointResult> results = ingestion.ingest(items, correlation(requestId));
        metrics.record(endpoint, items, results, start);
        return results;
    }

    /** A channel key speaks only for its own channels: an SMS gateway cannot report a till purchase. */
    private static ParsedTouchpoint scoped(ParsedTouchpoint item) {
        if (item instanceof ParsedTouchpoint.Valid valid) {
            Channel channel = valid.touchpoint().channel();
            ApiKey key = ApiKeyAuthentication.current().orElse(null);
            if (key == null || !key.maySpeakFor(channel)) {
                String who = key == null ? "This caller" : "Key '" + key.name() + "'";
                return new ParsedTouchpoint.Refused(valid.touchpointId(), valid.customerId(), channel, valid.type(),
                                                    Problem.of(403, "CHANNEL_NOT_ALLOWED", "Channel not allowed",
                                                               who + " may not send touchpoints for " + channel)
                                                           .with(Map.of("channel", channel.name())));
            }
        }
        return item;
    }

    private static String correlation(String requestId) {
        return requestId != null && !requestId.isBlank() && requestId.length() <= 100
                ? requestId
                : UUID.randomUUID().toString();
    }

    private static Map<String, Object> nonNull(Map<String, Object> map) {
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }
}
