package io.journeyengine.api.simulation;

import java.util.List;

/**
 * The engine's answer to one planned touchpoint.
 *
 * @param planned    what was sent and what it had to get
 * @param httpStatus the HTTP status of the request (a batch answers 200 for every item)
 * @param status     {@code APPLIED}, {@code DUPLICATE}, {@code REJECTED}, or null when the answer was no result
 * @param customerId the customer the engine applied it to (it names new customers of identity-only touchpoints)
 * @param code       the problem code of a refusal
 * @param position   the global position the answer carries, or null when the engine does not say
 * @param events     the event names recorded
 */
public record Outcome(PlannedTouchpoint planned, int httpStatus, String status, String customerId, String code,
                      Long position, List<String> events) {

    /** Whether this is the answer the simulation predicted. */
    public boolean asExpected() {
        return switch (planned.expected()) {
            case "APPLIED", "DUPLICATE" -> planned.expected().equals(status);
            default -> "REJECTED".equals(status) && planned.expected().equals(code);
        };
    }

    public boolean applied() {
        return "APPLIED".equals(status);
    }

    /** What was answered, for reports: the status, and the code of a refusal. */
    public String answer() {
        return status == null ? "HTTP " + httpStatus + (code == null ? "" : " " + code)
                : "REJECTED".equals(status) ? "REJECTED " + code : status;
    }
}
