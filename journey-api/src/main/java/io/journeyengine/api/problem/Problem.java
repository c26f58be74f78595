package io.journeyengine.api.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem answer: {@code status}, {@code title}, {@code detail}, the machine-readable {@code code},
 * for validation the failing fields, and facts a client can act on as extension members.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "code", "errors"})
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
                      Map<String, Object> extensions) {

    /** One field that failed validation, named by its JSON path ({@code data.quantity}). */
    public record FieldError(String field, String message) {
    }

    private static final java.util.Set<String> RESERVED =
            java.util.Set.of("type", "title", "status", "detail", "code", "errors", "instance");

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(typeOf(code), title, status, detail, code, null, Map.of());
    }

    public static Problem validation(List<FieldError> errors) {
        return validation("Invalid touchpoint", errors);
    }

    /** {@code 400 VALIDATION_FAILED} for input that is not a touchpoint, under its own title. */
    public static Problem validation(String title, List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(typeOf("VALIDATION_FAILED"), title, 400, detail, "VALIDATION_FAILED",
                           List.copyOf(errors), Map.of());
    }

    /** Adds extension members; the standard members (type, title, status, detail, code, errors) cannot be replaced. */
    public Problem with(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(extensions);
        more.forEach((key, value) -> {
            if (!RESERVED.contains(key)) {
                all.put(key, value);
            }
        });
        return new Problem(type, title, status, detail, code, errors, all);
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    private static String typeOf(String code) {
        return "urn:journey-engine:problem:" + code;
    }
}
