package io.journeyengine.api.readside;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Where what the engine shows differs from what the test computed, one line per difference, each naming the figure
 * or customer, the JSON path, the expected and the actual value.
 * <p>
 * Objects are compared on the fields the test expects (a view may show more); the fields named in {@code MAPS} are
 * maps keyed by channel, which must hold exactly the expected keys. Numbers compare by value (0.5 = 0.5000), and two
 * strings that are the same instant or the same duration are equal.
 */
final class Differences {

    private static final Set<String> MAPS = Set.of("consents", "issuedByChannel", "redeemedByChannel",
                                                   "recoveredByChannel");
    private static final int SHOWN = 60;

    private final List<String> lines = new ArrayList<>();

    boolean isEmpty() {
        return lines.isEmpty();
    }

    int size() {
        return lines.size();
    }

    void add(String subject, String what) {
        lines.add(subject + ": " + what);
    }

    void compare(String subject, JsonNode expected, JsonNode actual) {
        compare(subject, "$", expected, actual, false);
    }

    private void compare(String subject, String path, JsonNode expected, JsonNode actual, boolean exactKeys) {
        boolean absent = actual == null || actual.isMissingNode() || actual.isNull();
        if (expected == null || expected.isNull()) {
            if (!absent) {
                add(subject, path + " expected null, was " + actual);
            }
        } else if (absent) {
            add(subject, path + " expected " + expected + ", was " + (actual == null ? "missing" : actual));
        } else if (expected.isObject()) {
            compareObject(subject, path, expected, actual, exactKeys);
        } else if (expected.isArray()) {
            compareArray(subject, path, expected, actual);
        } else if (!sameValue(expected, actual)) {
            add(subject, path + " expected " + expected + ", was " + actual);
        }
    }

    private void compareObject(String subject, String path, JsonNode expected, JsonNode actual, boolean exactKeys) {
        if (!actual.isObject()) {
            add(subject, path + " expected an object, was " + actual);
            return;
        }
        expected.fieldNames().forEachRemaining(field -> compare(subject, path + "." + field, expected.get(field),
                                                                actual.get(field), MAPS.contains(field)));
        if (exactKeys) {
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!expected.has(field)) {
                    add(subject, path + "." + field + " expected absent, was " + actual.get(field));
                }
            }
        }
    }

    private void compareArray(String subject, String path, JsonNode expected, JsonNode actual) {
        if (!actual.isArray()) {
            add(subject, path + " expected an array, was " + actual);
            return;
        }
        if (expected.size() != actual.size()) {
            add(subject, path + " expected " + expected.size() + " entries " + expected + ", was " + actual.size()
                    + " " + actual);
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            compare(subject, path + "[" + i + "]", expected.get(i), actual.get(i), false);
        }
    }

    static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() || actual.isNumber()) {
            return expected.isNumber() && actual.isNumber()
                    && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.equals(actual)) {
            return true;
        }
        if (!expected.isTextual() || !actual.isTextual()) {
            return false;
        }
        return sameInstant(expected.asText(), actual.asText()) || sameDuration(expected.asText(), actual.asText());
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return Instant.parse(a).equals(Instant.parse(b));
        } catch (RuntimeException notInstants) {
            return false;
        }
    }

    private static boolean sameDuration(String a, String b) {
        try {
            return Duration.parse(a).equals(Duration.parse(b));
        } catch (RuntimeException notDurations) {
            return false;
        }
    }

    /** The first differences and how many there are, for the failure message. */
    String report() {
        StringBuilder report = new StringBuilder(lines.size() + " differences between the views and the test's "
                                                         + "model of the applied touchpoints:\n");
        lines.stream().limit(SHOWN).forEach(line -> report.append("  ").append(line).append('\n'));
        if (lines.size() > SHOWN) {
            report.append("  ... and ").append(lines.size() - SHOWN).append(" more\n");
        }
        return report.toString();
    }
}
