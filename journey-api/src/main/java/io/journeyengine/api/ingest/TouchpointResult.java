package io.journeyengine.api.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.journeyengine.api.problem.Problem;

import java.util.List;

/** The answer for one touchpoint: APPLIED, DUPLICATE (the original outcome, nothing appended) or REJECTED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TouchpointResult(String touchpointId, String customerId, Status status, List<String> events,
                               Problem problem) {

    public enum Status { APPLIED, DUPLICATE, REJECTED }

    static TouchpointResult applied(String touchpointId, String customerId, List<String> events) {
        return new TouchpointResult(touchpointId, customerId, Status.APPLIED, events, null);
    }

    static TouchpointResult duplicate(String touchpointId, String customerId, List<String> events) {
        return new TouchpointResult(touchpointId, customerId, Status.DUPLICATE, events, null);
    }

    static TouchpointResult rejected(String touchpointId, String customerId, Problem problem) {
        return new TouchpointResult(touchpointId, customerId, Status.REJECTED, List.of(), problem);
    }
}
