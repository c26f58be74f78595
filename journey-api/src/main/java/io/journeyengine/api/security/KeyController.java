package io.journeyengine.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.journey.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Key management for administrators: create (the secret is shown once), list (never a secret), revoke. */
@RestController
@Tag(name = "Admin", description = "Keys and audit")
public class KeyController {

    private final ApiKeys keys;
    private final ApiKeyRepository repository;
    private final AuditLog audit;

    public KeyController(ApiKeys keys, ApiKeyRepository repository, AuditLog audit) {
        this.keys = keys;
        this.repository = repository;
        this.audit = audit;
    }

    /** A key as listed: everything but the secret. */
    public record KeyView(String id, String name, Set<Role> roles, Set<Channel> channels, Integer rateLimitPerSecond,
                          Instant createdAt, Instant revokedAt, boolean bootstrap) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.name(), key.roles(), key.channels(), key.rateLimitPerSecond(),
                               key.createdAt(), key.revokedAt(), key.bootstrap());
        }
    }

    /** A new key with its secret, which the engine does not keep. */
    public record CreatedKey(String id, String name, Set<Role> roles, Set<Channel> channels,
                             Integer rateLimitPerSecond, Instant createdAt, String key) {
    }

    @Operation(summary = "Create a key",
               description = "Body: {name, roles: [CHANNEL|ANALYST|AGENT|DEVELOPER|ADMIN|OPERATIONS], channels: [...] "
                       + "(required with CHANNEL), rateLimitPerSecond?}. The answer holds the secret, shown once.")
    @PostMapping(path = "/api/admin/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public CreatedKey create(@RequestBody JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = body.path("name").isTextual() ? body.get("name").textValue().trim() : null;
        if (name == null || name.isEmpty() || name.length() > 100) {
            errors.add(new Problem.FieldError("name", "must be a name of 1 to 100 characters"));
        }
        Set<Role> roles = enums(body.path("roles"), Role.class, "roles", errors);
        Set<Channel> channels = enums(body.path("channels"), Channel.class, "channels", errors);
        if (roles.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("roles"))) {
            errors.add(new Problem.FieldError("roles", "must name at least one role"));
        }
        if (roles.contains(Role.CHANNEL) && channels.isEmpty()) {
            errors.add(new Problem.FieldError("channels", "a CHANNEL key must name the channels it speaks for"));
        }
        Integer rate = null;
        if (body.hasNonNull("rateLimitPerSecond")) {
            JsonNode value = body.get("rateLimitPerSecond");
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1
                    || value.intValue() > 1_000_000) {
                errors.add(new Problem.FieldError("rateLimitPerSecond", "must be a whole number from 1 to 1000000"));
            } else {
                rate = value.intValue();
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(errors));
        }
        ApiKeys.Created created = keys.create(name, roles, channels, rate);
        ApiKey key = created.key();
        audit.record("KEY_CREATED", key.id(), "name=" + key.name() + " roles=" + key.roles()
                + (key.channels().isEmpty() ? "" : " channels=" + key.channels()));
        return new CreatedKey(key.id(), key.name(), key.roles(), key.channels(), key.rateLimitPerSecond(),
                              key.createdAt(), created.secret());
    }

    @Operation(summary = "List keys", description = "Names, roles, channels and state; never a secret.")
    @GetMapping("/api/admin/keys")
    public List<KeyView> list() {
        return repository.all().stream().map(KeyView::of).toList();
    }

    @Operation(summary = "Revoke a key", description = "Takes effect on the next request, on every node.")
    @DeleteMapping("/api/admin/keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@PathVariable String id) {
        ApiKey key = repository.find(id).orElseThrow(() -> ProblemException.of(
                404, "KEY_NOT_FOUND", "Key not found", "There is no key " + id));
        boolean otherAdmin = repository.all().stream().anyMatch(
                k -> !k.id().equals(id) && k.revokedAt() == null && k.has(Role.ADMIN));
        if (key.revokedAt() == null && key.has(Role.ADMIN) && !otherAdmin) {
            throw ProblemException.of(409, "LAST_ADMIN_KEY", "Last admin key",
                                      "Create another ADMIN key before revoking the last one");
        }
        if (keys.revoke(id)) {
            audit.record("KEY_REVOKED", id, "name=" + key.name());
        }
    }

    @Operation(summary = "Audit log", description = "Admin actions, newest first: who (key name), what, when.")
    @GetMapping("/api/admin/audit")
    public List<AuditLog.Entry> audit(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.of(400, "INVALID_PARAMETER", "Invalid parameter", "limit must be 1 to 1000");
        }
        return audit.newest(limit);
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode node, Class<E> type, String field,
                                                    List<Problem.FieldError> errors) {
        Set<E> values = EnumSet.noneOf(type);
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            errors.add(new Problem.FieldError(field, "must be a list"));
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            try {
                values.add(Enum.valueOf(type, node.get(i).asText()));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants())));
            }
        }
        return values;
    }
}
