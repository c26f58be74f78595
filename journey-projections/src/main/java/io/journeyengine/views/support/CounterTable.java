package io.journeyengine.views.support;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table of pre-aggregated figures: text key columns and {@code BIGINT} counter columns. Its rows are shared by
 * every customer, so they are only ever changed by adding to them ({@link Counters#addTo}).
 */
public record CounterTable(String name, List<String> keys, List<String> counters) {

    public CounterTable {
        keys = List.copyOf(keys);
        counters = List.copyOf(counters);
    }

    public int column(String counter) {
        int index = counters.indexOf(counter);
        if (index < 0) {
            throw new IllegalArgumentException(name + " has no counter " + counter);
        }
        return index;
    }

    String increment() {
        return "UPDATE " + name + " SET "
                + counters.stream().map(c -> c + " = " + c + " + ?").collect(Collectors.joining(", "))
                + " WHERE " + keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
    }

    String insert() {
        return "INSERT INTO " + name + " (" + String.join(", ", keys) + ", " + String.join(", ", counters)
                + ") VALUES (" + "?, ".repeat(keys.size() + counters.size() - 1) + "?)";
    }

    String select(String condition) {
        return "SELECT " + String.join(", ", keys) + ", " + String.join(", ", counters) + " FROM " + name
                + " WHERE 1 = 1" + condition;
    }

    public String zero() {
        return "UPDATE " + name + " SET "
                + counters.stream().map(c -> c + " = 0").collect(Collectors.joining(", "));
    }
}
