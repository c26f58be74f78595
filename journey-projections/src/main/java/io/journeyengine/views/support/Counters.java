package io.journeyengine.views.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sums of counters per row of one or more {@link CounterTable}s: the changes a batch of events makes to the shared
 * figures, or the figures themselves (read from the tables, or computed for a time range).
 * <p>
 * Why changes are collected per batch: many customers, handled concurrently in different segments, change the
 * same rows (the WEB channel, the one totals row). Writing each event's change at once would hold those row locks
 * from the first event of a batch to its commit, in event order — segments would wait on each other and could
 * deadlock. Collected, they are added at the end of the batch's transaction with one atomic
 * {@code UPDATE ... SET n = n + ?} per row, always in the same order (table name, then key), so segments never
 * deadlock and hold the locks only for the commit.
 */
public final class Counters {

    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final SortedMap<String, Rows> tables = new TreeMap<>();

    private record Rows(CounterTable table, SortedMap<List<String>, long[]> sums) {
    }

    /**
     * The changes of the batch being processed, added to the tables when its transaction commits. {@code view}
     * names the view (a batch belongs to one processing group, but keep the resource names apart anyway).
     */
    public static Counters ofCurrentBatch(JdbcTemplate jdbc, String view) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        String key = Counters.class.getName() + "." + view;
        Counters batchChanges = batch.getOrComputeResource(key, name -> {
            Counters changes = new Counters();
            batch.onPrepareCommit(u -> changes.addTo(jdbc));
            return changes;
        });
        // Within a handler, its changes join the batch's only if it succeeds (see HandlerScope).
        return HandlerScope.local(key, Counters::new, mine -> batchChanges.addAll(mine, 1), batchChanges);
    }

    /** The rows of {@code table} matching {@code condition} (" AND ..."), as counters. */
    public static Counters read(JdbcTemplate jdbc, CounterTable table, String condition, Object... arguments) {
        Counters figures = new Counters();
        jdbc.query(table.select(condition), rs -> {
            List<String> key = new ArrayList<>(table.keys().size());
            for (int i = 1; i <= table.keys().size(); i++) {
                key.add(rs.getString(i));
            }
            long[] sums = figures.row(table, key);
            for (int i = 0; i < sums.length; i++) {
                sums[i] += rs.getLong(table.keys().size() + 1 + i);
            }
        }, arguments);
        return figures;
    }

    public void add(CounterTable table, List<String> key, String counter, long n) {
        if (n != 0) {
            row(table, key)[table.column(counter)] += n;
        }
    }

    public void add(CounterTable table, String key, String counter, long n) {
        add(table, List.of(key), counter, n);
    }

    /** Adds every counter of {@code other}, times {@code sign} (-1 takes a contribution back out). */
    public void addAll(Counters other, int sign) {
        other.tables.values().forEach(rows -> rows.sums().forEach((key, sums) -> {
            long[] mine = row(rows.table(), key);
            for (int i = 0; i < sums.length; i++) {
                mine[i] += sign * sums[i];
            }
        }));
    }

    public long get(CounterTable table, List<String> key, String counter) {
        Rows rows = tables.get(table.name());
        long[] sums = rows == null ? null : rows.sums().get(key);
        return sums == null ? 0 : sums[table.column(counter)];
    }

    /** The keys of {@code table} that have a row here, in key order. */
    public List<List<String>> keys(CounterTable table) {
        Rows rows = tables.get(table.name());
        return rows == null ? List.of() : List.copyOf(rows.sums().keySet());
    }

    /** Σ of one counter over every row of {@code table}. */
    public long total(CounterTable table, String counter) {
        Rows rows = tables.get(table.name());
        int column = table.column(counter);
        return rows == null ? 0 : rows.sums().values().stream().mapToLong(s -> s[column]).sum();
    }

    /**
     * Adds these sums to the tables' rows, in table-name and key order. Rows whose changes cancel out are not
     * touched. A row missing from the table is inserted: the views whose segments run concurrently have all their
     * rows created by their migration, so two segments never race to insert the same row.
     */
    public void addTo(JdbcTemplate jdbc) {
        for (Rows rows : tables.values()) {
            CounterTable table = rows.table();
            for (Map.Entry<List<String>, long[]> row : rows.sums().entrySet()) {
                if (isZero(row.getValue())) {
                    continue;
                }
                List<Object> arguments = new ArrayList<>();
                for (long n : row.getValue()) {
                    arguments.add(n);
                }
                arguments.addAll(row.getKey());
                if (jdbc.update(table.increment(), arguments.toArray()) == 0) {
                    List<Object> values = new ArrayList<>(row.getKey());
                    values.addAll(arguments.subList(0, row.getValue().length));
                    jdbc.update(table.insert(), values.toArray());
                }
            }
        }
    }

    private long[] row(CounterTable table, List<String> key) {
        Rows rows = tables.computeIfAbsent(table.name(), n -> new Rows(table, new TreeMap<>(KEY_ORDER)));
        return rows.sums().computeIfAbsent(List.copyOf(key), k -> new long[table.counters().size()]);
    }

    private static boolean isZero(long[] sums) {
        for (long n : sums) {
            if (n != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        tables.forEach((name, rows) -> rows.sums().forEach(
                (key, sums) -> text.append(name).append(key).append(java.util.Arrays.toString(sums)).append('\n')));
        return text.toString();
    }
}
