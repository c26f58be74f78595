package io.journeyengine.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough JSON reading to check the engine's compact answers without a JSON library: quoted string fields and
 * arrays of strings. Names and values in these answers contain no escaped quotes.
 */
final class Json {

    private Json() {
    }

    /** The first {@code "name":"value"} of {@code body}, or an empty string. */
    static String stringField(String body, String name) {
        List<String> all = stringFields(body, name);
        return all.isEmpty() ? "" : all.get(0);
    }

    /** Every {@code "name":"value"} of {@code body}, in order (fields whose value is not a string are skipped). */
    static List<String> stringFields(String body, String name) {
        List<String> values = new ArrayList<>();
        String key = "\"" + name + "\":\"";
        int at = body.indexOf(key);
        while (at >= 0) {
            int from = at + key.length();
            int to = body.indexOf('"', from);
            if (to < 0) {
                break;
            }
            values.add(body.substring(from, to));
            at = body.indexOf(key, to);
        }
        return values;
    }

    /** The number of strings in all {@code "name":[...]} arrays of {@code body}. */
    static long countArrayStrings(String body, String name) {
        String key = "\"" + name + "\":[";
        long count = 0;
        int at = body.indexOf(key);
        while (at >= 0) {
            int end = body.indexOf(']', at);
            if (end < 0) {
                break;
            }
            int quotes = 0;
            for (int i = at + key.length(); i < end; i++) {
                if (body.charAt(i) == '"') {
                    quotes++;
                }
            }
            count += quotes / 2;
            at = body.indexOf(key, end);
        }
        return count;
    }
}
