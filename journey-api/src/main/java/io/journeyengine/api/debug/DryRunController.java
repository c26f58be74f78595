package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.ingest.IngestProperties;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the current code would do with touchpoints for a real journey, without storing anything. */
@RestController
@Tag(name = "Debugging")
public class DryRunController {

    private final DryRuns dryRuns;
    private final IngestProperties limits;

    public DryRunController(DryRuns dryRuns, IngestProperties limits) {
        this.dryRuns = dryRuns;
        this.limits = limits;
    }

    @Operation(summary = "Dry run: touchpoints against a customer's journey, nothing stored",
               description = "Body {customerId, touchpoints: [touchpoint, ...], atSequence?}: each touchpoint (the "
                       + "ingestion format; customerId may be left out) is applied in order to the journey as it is "
                       + "now, or after event atSequence. Answers per touchpoint the status ingestion would give "
                       + "(APPLIED, DUPLICATE, REJECTED with its problem) and the events it would store, then the "
                       + "resulting state. Writes nothing. 400 VALIDATION_FAILED for a bad body; 404 "
                       + "CUSTOMER_NOT_FOUND or SEQUENCE_NOT_FOUND for an atSequence the customer does not have.")
    @PostMapping(path = "/api/debug/dry-run", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DryRuns.Result dryRun(@RequestBody JsonNode body,
                                 @RequestHeader(value = "X-Request-Id", required = false) String requestId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ProblemException(Problem.validation("Invalid dry run", List.of(
                    new Problem.FieldError("$", "must be an object {customerId, touchpoints, atSequence?}"))));
        }
        JsonNode customer = body.get("customerId");
        if (customer == null || !customer.isTextual() || customer.asText().isBlank()
                || !customer.asText().matches("[\\p{Alnum}._:@+\\-]{1,100}")) {
            errors.add(new Problem.FieldError("customerId", "must name the customer: up to 100 letters, digits "
                    + "and . _ : @ + -"));
        }
        JsonNode touchpoints = body.get("touchpoints");
        if (touchpoints == null || !touchpoints.isArray() || touchpoints.isEmpty()) {
            errors.add(new Problem.FieldError("touchpoints", "must be a non-empty array of touchpoints"));
        } else if (touchpoints.size() > limits.maxBatchSize()) {
            throw new ProblemException(Problem.of(413, "BATCH_TOO_LARGE", "Batch too large",
                                                  "A dry run holds at most " + limits.maxBatchSize()
                                                          + " touchpoints; this one has " + touchpoints.size())
                                              .with(Map.of("maxItems", limits.maxBatchSize())));
        }
        Long atSequence = null;
        JsonNode at = body.get("atSequence");
        if (at != null && !at.isNull()) {
            if (!at.isIntegralNumber() || !at.canConvertToLong() || at.asLong() < 0) {
                errors.add(new Problem.FieldError("atSequence", "must be a whole number from 0"));
            } else {
                atSequence = at.asLong();
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Invalid dry run", errors));
        }
        List<JsonNode> items = new ArrayList<>();
        touchpoints.forEach(items::add);
        String correlationId = requestId != null && !requestId.isBlank() && requestId.length() <= 100 ? requestId
                : "dry-run-" + UUID.randomUUID();
        return dryRuns.run(customer.asText(), atSequence, items, correlationId);
    }
}
