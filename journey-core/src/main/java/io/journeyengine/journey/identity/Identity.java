package io.journeyengine.journey.identity;

import io.journeyengine.journey.privacy.PersonalData;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One way of recognising a customer, in normal form: phone numbers in E.164, e-mail addresses lower-cased, other
 * identifiers trimmed. Two channels that know the same person by the same phone number therefore name the same
 * identity, however each of them formats it.
 */
public record Identity(IdentityType type, @PersonalData String value) {

    public static final int MAX_LENGTH = 200;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().\\-/]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Identity {
        Objects.requireNonNull(type, "identity type");
        Objects.requireNonNull(value, "identity value");
    }

    /**
     * Normalises a raw value as a channel sent it.
     *
     * @throws IllegalArgumentException saying what is wrong with the value
     */
    public static Identity of(IdentityType type, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        String value = raw.trim();
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        return switch (type) {
            case PHONE -> new Identity(type, phone(value));
            case EMAIL -> new Identity(type, email(value));
            default -> new Identity(type, value);
        };
    }

    private static String phone(String value) {
        String digits = PHONE_SEPARATORS.matcher(value).replaceAll("");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (!E164.matcher(digits).matches()) {
            throw new IllegalArgumentException("must be a phone number in international format, e.g. +31612345678");
        }
        return digits;
    }

    private static String email(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(lower).matches()) {
            throw new IllegalArgumentException("must be an e-mail address");
        }
        return lower;
    }
}
