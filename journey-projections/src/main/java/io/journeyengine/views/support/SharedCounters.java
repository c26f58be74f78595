package io.journeyengine.views.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counter rows that many customers share (customers per stage). Pooled processors handle different customers in
 * different segments, each batch in its own transaction; if every event updated a shared row as it came, two batches
 * could lock two such rows in opposite orders and deadlock. So the changes of a batch are summed while it is handled
 * and written when it commits, each row once, in key order, as atomic {@code n = n + delta} updates: batches then
 * lock shared rows in one order, only at the end, and never lose each other's increments. The changes commit or roll
 * back together with the batch's other rows and its token.
 */
public final class SharedCounters {

    private final JdbcTemplate jdbc;
    private final String update;
    private final String resourceKey;

    /** Counters in {@code table}, one row per {@code keyColumn} value, the count in {@code countColumn}. */
    public SharedCounters(JdbcTemplate jdbc, String table, String keyColumn, String countColumn) {
        this.jdbc = jdbc;
        this.update = "UPDATE " + table + " SET " + countColumn + " = " + countColumn + " + ? WHERE " + keyColumn
                + " = ?";
        this.resourceKey = SharedCounters.class.getName() + "/" + table;
    }

    /** Adds {@code delta} to the row {@code key} when the current batch commits (at once outside a batch). */
    public void add(String key, long delta) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(update, delta, key);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Long> pending = batch.getOrComputeResource(resourceKey, k -> {
            Map<String, Long> changes = new TreeMap<>();
            batch.onPrepareCommit(u -> flush(changes));
            return changes;
        });
        // Only if the handler succeeds: a parked event's delta must not be written (see HandlerScope).
        HandlerScope.onSuccess(() -> pending.merge(key, delta, Long::sum));
    }

    private void flush(Map<String, Long> changes) {
        changes.forEach((key, delta) -> {
            if (delta != 0) {
                jdbc.update(update, delta, key);
            }
        });
    }
}
