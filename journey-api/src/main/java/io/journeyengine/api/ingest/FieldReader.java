package io.journeyengine.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.problem.Problem.FieldError;
import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * Reads typed fields out of a JSON object and collects every problem it meets, so one answer names all the fields
 * a channel got wrong, not just the first. Each read returns {@code null} when the field is missing or invalid.
 */
final class FieldReader {

    private final List<FieldError> errors;
    private final String prefix;

    FieldReader(List<FieldError> errors, String prefix) {
        this.errors = errors;
        this.prefix = prefix;
    }

    FieldReader nested(String name) {
        return new FieldReader(errors, prefix + name + ".");
    }

    int errorCount() {
        return errors.size();
    }

    void error(String field, String message) {
        String path = field.isEmpty() && prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1)
                : prefix + field;
        errors.add(new FieldError(path, message));
    }

    String text(JsonNode node, String field, int maxLength, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String text = value.textValue();
        if (text.isBlank()) {
            error(field, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    Integer integer(JsonNode node, String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            error(field, "is required");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(field, "must be a whole number between " + min + " and " + max);
            return null;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            error(field, "is required");
            return null;
        }
        if (!value.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    <E extends Enum<E>> E oneOf(JsonNode node, String field, Class<E> type, boolean required) {
        String text = text(node, field, 40, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            error(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    Channel channel(JsonNode node, String field, boolean required) {
        return oneOf(node, field, Channel.class, required);
    }

    Instant instant(JsonNode node, String field, boolean required) {
        String text = text(node, field, 40, required);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            error(field, "must be an ISO-8601 instant with an offset, e.g. 2026-11-20T09:15:00Z");
            return null;
        }
    }

    String currency(JsonNode node, String field) {
        String code = text(node, field, 3, true);
        if (code == null) {
            return null;
        }
        try {
            if (!code.equals(Currency.getInstance(code).getCurrencyCode())) {
                throw new IllegalArgumentException(code);
            }
            return code;
        } catch (IllegalArgumentException e) {
            error(field, "must be an ISO 4217 currency code, e.g. EUR");
            return null;
        }
    }

    /**
     * A non-negative decimal amount given as a string ("89.90"), or as a JSON number, with no more decimals than the
     * currency has ({@code currency} may be null when it was itself invalid).
     */
    BigDecimal amount(JsonNode node, String field, String currency, boolean positive) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            error(field, "is required");
            return null;
        }
        BigDecimal amount;
        try {
            amount = value.isNumber() ? value.decimalValue() : value.isTextual() ? new BigDecimal(value.textValue())
                    : null;
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null || amount.abs().compareTo(new BigDecimal("1E12")) >= 0) {
            error(field, "must be a decimal amount such as \"24.95\"");
            return null;
        }
        if (amount.signum() < 0 || (positive && amount.signum() == 0)) {
            error(field, positive ? "must be greater than zero" : "must not be negative");
            return null;
        }
        if (currency != null && amount.stripTrailingZeros().scale() > Money.fractionDigits(currency)) {
            error(field, "has more decimals than " + currency + " allows");
            return null;
        }
        return amount;
    }

    List<String> textList(JsonNode node, String field, int maxItems, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.isEmpty() || value.size() > maxItems) {
            error(field, "must be a list of 1 to " + maxItems + " strings");
            return null;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > maxLength) {
                error(field + "[" + i + "]", "must be a non-blank string of at most " + maxLength + " characters");
                return null;
            }
            items.add(item.textValue());
        }
        return items;
    }
}
