package io.journeyengine.api.problem;

import io.journeyengine.journey.RuleCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem code the API answers with, its status and when it happens: the business rules of the journey
 * ({@link RuleCode}) and the codes of the HTTP layer. Published in the OpenAPI document and docs/api.md.
 */
public final class ErrorCatalogue {

    /** One code: its HTTP status and when a client meets it. */
    public record Entry(String code, int status, String when) {
    }

    private ErrorCatalogue() {
    }

    public static List<Entry> all() {
        List<Entry> entries = new ArrayList<>(List.of(
                new Entry("VALIDATION_FAILED", 400, "a field is missing, malformed or out of range; errors[] names each"),
                new Entry("MALFORMED_JSON", 400, "the body is not JSON, or names a field twice"),
                new Entry("INVALID_PARAMETER", 400, "a query or path parameter is malformed"),
                new Entry("MALFORMED_IMPORT", 400,
                          "a line of an imported file is not an exported event, or its journey cannot be applied; "
                                  + "line names it, nothing is imported"),
                new Entry("INVALID_REQUEST", 400, "the path holds characters the firewall refuses (encoded / ; %)"),
                new Entry("UNAUTHENTICATED", 401, "no API key, or an unknown or revoked one"),
                new Entry("FORBIDDEN", 403, "the key has no role that may use this endpoint"),
                new Entry("CHANNEL_NOT_ALLOWED", 403, "a channel key sent a touchpoint for a channel not its own"),
                new Entry("CUSTOMER_NOT_FOUND", 404, "no customer has this id"),
                new Entry("KEY_NOT_FOUND", 404, "no API key has this id"),
                new Entry("PROJECTION_NOT_FOUND", 404, "no view has this name (see GET /api/admin/projections)"),
                new Entry("SEQUENCE_NOT_FOUND", 404,
                          "time travel to an event the customer's stream does not have (past its end, or before its "
                                  + "first event)"),
                new Entry("PROMOTION_NOT_FOUND", 404, "no code of this promotion has been issued"),
                new Entry("CLOCK_NOT_ADJUSTABLE", 409,
                          "the engine's clock cannot be moved (start it with journey.clock.adjustable=true)"),
                new Entry("CUSTOMER_EXISTS", 409, "an imported customer already has events in this instance"),
                new Entry("IDENTITY_CONFLICT", 409,
                          "an identity of an import belongs to another customer in this instance (imports never merge)"),
                new Entry("DRY_RUN_WOULD_MERGE", 409,
                          "the dry-run touchpoint links an identity of another customer: ingesting it would merge the "
                                  + "two profiles, which a dry run does not simulate"),
                new Entry("IMPORT_CONFLICT", 409,
                          "an imported event or touchpoint already exists in this instance"),
                new Entry("LAST_ADMIN_KEY", 409, "revoking it would leave no ADMIN key"),
                new Entry("REPLAY_IN_PROGRESS", 409, "the view is being rebuilt already; wait for it to finish"),
                new Entry("REPLAY_NOT_SUPPORTED", 409, "the view cannot be reset"),
                new Entry("REPLAY_SEGMENTS_HELD", 503,
                          "other nodes did not release the view's segments in time; nothing was reset, try again"),
                new Entry("WEBHOOK_NOT_FOUND", 404, "no webhook has this id"),
                new Entry("LIVE_UPDATES_FULL", 503,
                          "this node serves its maximum of live-update streams; try again later or another node"),
                new Entry("RATE_LIMITED", 429, "the key sent more requests per second than it may; see Retry-After"),
                new Entry("NOT_FOUND", 404, "no endpoint at this path"),
                new Entry("METHOD_NOT_ALLOWED", 405, "the endpoint does not support this HTTP method"),
                new Entry("NOT_ACCEPTABLE", 406, "the client does not accept JSON"),
                new Entry("CUSTOMER_MERGED", 409,
                          "the customer was merged into another (survivorCustomerId); act on the survivor"),
                new Entry("PAYLOAD_TOO_LARGE", 413, "the body is over the configured limit (1 MiB, batch 4 MiB, import 50 MiB)"),
                new Entry("BATCH_TOO_LARGE", 413, "a batch holds more than 1000 touchpoints"),
                new Entry("UNSUPPORTED_MEDIA_TYPE", 415, "the body is not sent as application/json (an import: application/x-ndjson)"),
                new Entry("INTERNAL_ERROR", 500, "a fault of the engine; nothing was written"),
                new Entry("CONCURRENT_UPDATE", 503, "the journey kept changing concurrently; send it again"),
                new Entry("STORE_UNAVAILABLE", 503, "the database could not store the touchpoints; send them again"),
                new Entry("VIEW_NOT_CAUGHT_UP", 503,
                          "the views did not reach the requested minPosition in time; ask again (Retry-After)")));
        for (RuleCode rule : RuleCode.values()) {
            entries.add(new Entry(rule.name(), rule.conflict ? 409 : 422, rule.title));
        }
        return entries;
    }
}
