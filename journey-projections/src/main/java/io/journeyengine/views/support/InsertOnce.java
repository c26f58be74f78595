package io.journeyengine.views.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Inserts a view row unless a row with the same key exists. Rows keyed by what an event is about (its sequence
 * number, an order id) thereby make the handler idempotent: an event delivered a second time finds its row.
 */
public final class InsertOnce {

    private final String table;
    private final Map<String, Object> key = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private InsertOnce(String table) {
        this.table = table;
    }

    public static InsertOnce into(String table) {
        return new InsertOnce(table);
    }

    public InsertOnce key(String column, Object value) {
        key.put(column, value);
        return this;
    }

    /** A non-key column; a null value is left out, so the column takes its default (NULL). */
    public InsertOnce value(String column, Object value) {
        if (value != null) {
            values.put(column, value);
        }
        return this;
    }

    /** Runs the insert; true when the row was new. */
    public boolean run(JdbcTemplate jdbc) {
        Map<String, Object> all = new LinkedHashMap<>(key);
        all.putAll(values);
        String columns = String.join(", ", all.keySet());
        String placeholders = all.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
        String match = key.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        List<Object> args = new ArrayList<>(all.values());
        args.addAll(key.values());
        return jdbc.update("INSERT INTO " + table + " (" + columns + ") SELECT " + placeholders
                                   + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + match + ")",
                           args.toArray()) == 1;
    }
}
