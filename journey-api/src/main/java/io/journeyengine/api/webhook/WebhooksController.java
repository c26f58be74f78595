package io.journeyengine.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.problem.QueryParameters;
import io.journeyengine.api.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Webhooks for channel systems: register, list, remove, and look at and redeliver their deliveries. */
@RestController
@Tag(name = "Admin", description = "Keys, audit and views")
public class WebhooksController {

    /** What registering answers: the webhook, with its secret shown this once. */
    public record Registered(String id, String name, String url, List<String> eventTypes, long fromPosition,
                             Instant createdAt, String secret) {
    }

    /** A webhook as listed: no secret, and how many deliveries are in each state. */
    public record Listed(String id, String name, String url, List<String> eventTypes, long fromPosition,
                         Instant createdAt, Map<String, Long> deliveries) {
    }

    public record Delivery(long position, String customerId, long sequence, String eventType, String status,
                           int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt) {
    }

    private static final int MAX_LISTED = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public WebhooksController(Webhooks webhooks, JdbcTemplate jdbc, AuditLog audit) {
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Operation(summary = "Register a webhook",
               description = "`{name, url, eventTypes: [\"CartItemAdded\", …] or [\"*\"], secret?}`. Every event of "
                       + "those types stored after this call is POSTed to url as a CloudEvents JSON object, signed "
                       + "(X-Journey-Signature), at least once and in order per customer. Without a secret one is "
                       + "generated; the answer shows it this once. 400 VALIDATION_FAILED with the fields at fault.")
    @PostMapping(path = "/api/admin/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Registered register(@RequestBody JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ProblemException(Problem.validation("Invalid webhook", List.of(
                    new Problem.FieldError("", "must be a JSON object"))));
        }
        String name = text(body, "name");
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new Problem.FieldError("name", "is required (1-200 characters)"));
        }
        String url = text(body, "url");
        if (!validUrl(url)) {
            errors.add(new Problem.FieldError("url", "must be an absolute http or https URL (at most 2000 characters)"));
        }
        Set<String> types = new LinkedHashSet<>();
        JsonNode rawTypes = body.get("eventTypes");
        if (rawTypes == null || !rawTypes.isArray() || rawTypes.isEmpty()) {
            errors.add(new Problem.FieldError("eventTypes", "is required: event names, or [\"*\"] for all"));
        } else {
            for (JsonNode type : rawTypes) {
                String value = type.isTextual() ? type.asText() : null;
                if ("*".equals(value)) {
                    types.clear();
                    break;
                }
                if (value == null || !EventTypes.names().contains(value)) {
                    errors.add(new Problem.FieldError("eventTypes", "unknown event type " + type
                            + "; one of " + EventTypes.names() + " or *"));
                    break;
                }
                types.add(value);
            }
        }
        String secret = text(body, "secret");
        if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
            errors.add(new Problem.FieldError("secret", "must be 16-200 characters (or left out to get one)"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Invalid webhook", errors));
        }
        if (secret == null) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        Webhooks.Webhook webhook = new Webhooks.Webhook("wh-" + UUID.randomUUID(), name.trim(), url, secret, types,
                                                        head == null ? -1 : head, Instant.now());
        webhooks.add(webhook);
        audit.record("WEBHOOK_REGISTERED", webhook.id(), webhook.url());
        return new Registered(webhook.id(), webhook.name(), webhook.url(), typesOf(webhook), webhook.fromPosition(),
                              webhook.createdAt(), secret);
    }

    @Operation(summary = "Registered webhooks", description = "Without their secrets; deliveries counted per state "
            + "(PENDING, DELIVERED, PARKED).")
    @GetMapping("/api/admin/webhooks")
    public List<Listed> list() {
        return webhooks.all().stream().map(this::listed).toList();
    }

    @Operation(summary = "One webhook", description = "404 WEBHOOK_NOT_FOUND for an unknown id.")
    @GetMapping("/api/admin/webhooks/{id}")
    public Listed one(@PathVariable String id) {
        return listed(existing(id));
    }

    @Operation(summary = "Remove a webhook", description = "Its pending deliveries are dropped. Audited.")
    @DeleteMapping("/api/admin/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@PathVariable String id) {
        existing(id);
        webhooks.remove(id);
        audit.record("WEBHOOK_REMOVED", id, "");
    }

    @Operation(summary = "A webhook's deliveries",
               description = "Newest first, optionally of one status (PENDING, DELIVERED, PARKED); a parked one shows "
                       + "its last error. limit 1-" + MAX_LISTED + " (default 100).")
    @GetMapping("/api/admin/webhooks/{id}/deliveries")
    public List<Delivery> deliveries(@PathVariable String id, @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String limit) {
        QueryParameters parameters = new QueryParameters();
        int max = parameters.integer("limit", limit, 100, 1, MAX_LISTED);
        Set<String> statuses = parameters.subset("status", status == null ? null : status.toLowerCase(),
                                                 List.of("pending", "delivered", "parked"));
        parameters.check();
        existing(id);
        List<Object> args = new ArrayList<>(List.of(id));
        args.addAll(statuses.stream().map(String::toUpperCase).toList());
        String in = String.join(",", statuses.stream().map(s -> "?").toList());
        return jdbc.query("SELECT position, customer_id, sequence_number, event_type, status, attempts, "
                                  + "next_attempt_at, last_error, delivered_at FROM webhook_delivery "
                                  + "WHERE webhook_id = ? AND status IN (" + in + ") ORDER BY position DESC "
                                  + "FETCH FIRST " + max + " ROWS ONLY",
                          (rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                                  rs.getString(5), rs.getInt(6), instant(rs.getTimestamp(7)),
                                                  rs.getString(8), instant(rs.getTimestamp(9))),
                          args.toArray());
    }

    @Operation(summary = "Redeliver parked deliveries",
               description = "Every parked delivery of the webhook is sent again (attempts start over), in order per "
                       + "customer; answers how many. Audited.")
    @PostMapping("/api/admin/webhooks/{id}/redeliver")
    public Map<String, Object> redeliver(@PathVariable String id) {
        existing(id);
        int count = jdbc.update("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                                        + "claimed_by = NULL, claimed_until = NULL "
                                        + "WHERE webhook_id = ? AND status = 'PARKED'",
                                Timestamp.from(Instant.now()), id);
        audit.record("WEBHOOK_REDELIVERED", id, "deliveries=" + count);
        return Map.of("webhookId", id, "redelivered", count);
    }

    private Webhooks.Webhook existing(String id) {
        return webhooks.find(id).orElseThrow(() -> ProblemException.of(404, "WEBHOOK_NOT_FOUND",
                                                                       "Webhook not found",
                                                                       "There is no webhook " + id));
    }

    private Listed listed(Webhooks.Webhook webhook) {
        Map<String, Long> counts = new TreeMap<>(Map.of("PENDING", 0L, "DELIVERED", 0L, "PARKED", 0L));
        jdbc.query("SELECT status, COUNT(*) FROM webhook_delivery WHERE webhook_id = ? GROUP BY status",
                   rs -> {
                       counts.put(rs.getString(1), rs.getLong(2));
                   }, webhook.id());
        return new Listed(webhook.id(), webhook.name(), webhook.url(), typesOf(webhook), webhook.fromPosition(),
                          webhook.createdAt(), counts);
    }

    private static List<String> typesOf(Webhooks.Webhook webhook) {
        return webhook.eventTypes().isEmpty() ? List.of("*") : List.copyOf(webhook.eventTypes());
    }

    private static boolean validUrl(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
