package io.journeyengine.api.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.journeyengine.api.problem.Problem;

import java.util.List;

/**
 * The answer for one touchpoint: APPLIED, DUPLICATE (the original outcome, nothing appended) or REJECTED.
 * <p>
 * {@code position} is the global position in the event store of the customer's latest event once the touchpoint
 * was stored (APPLIED and DUPLICATE): a client that wants to read its own write passes it as {@code minPosition} to
 * a query, which then waits until the views have processed it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TouchpointResult(String touchpointId, String customerId, Status status, List<String> events,
                               Problem problem, Long position) {

    public enum Status { APPLIED, DUPLICATE, REJECTED }

    static TouchpointResult applied(String touchpointId, String customerId, List<String> events) {
        return new TouchpointResult(touchpointId, customerId, Status.APPLIED, events, null, null);
    }

    static TouchpointResult duplicate(String touchpointId, String customerId, List<String> events) {
        return new TouchpointResult(touchpointId, customerId, Status.DUPLICATE, events, null, null);
    }

    static TouchpointResult rejected(String touchpointId, String customerId, Problem problem) {
        return new TouchpointResult(touchpointId, customerId, Status.REJECTED, List.of(), problem, null);
    }

    TouchpointResult at(Long position) {
        return new TouchpointResult(touchpointId, customerId, status, events, problem, position);
    }
}
