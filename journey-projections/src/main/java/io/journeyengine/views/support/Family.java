package io.journeyengine.views.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer and every profile merged into it, directly or along a chain, as a view records merges in a table
 * {@code (customer_id, merged_id)}: the profiles whose rows make up the survivor's answer. The survivor comes first.
 * <p>
 * Views that read a family's rows at query time (rather than copying them at the merge) need no ordering between the
 * segments that wrote them: a row of the merged profile is found whenever it is written.
 */
public final class Family {

    private Family() {
    }

    public static List<String> of(JdbcTemplate jdbc, String mergeTable, String customerId) {
        Set<String> family = new LinkedHashSet<>();
        Deque<String> open = new ArrayDeque<>(List.of(customerId));
        while (!open.isEmpty() && family.size() < 10_000) {
            String next = open.pop();
            if (family.add(next)) {
                open.addAll(jdbc.queryForList("SELECT merged_id FROM " + mergeTable + " WHERE customer_id = ? "
                                                      + "ORDER BY merged_id", String.class, next));
            }
        }
        return new ArrayList<>(family);
    }

    /** {@code ?, ?, ?} for an IN list of {@code values}. */
    public static String placeholders(List<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }
}
