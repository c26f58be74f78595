package io.journeyengine.api.readside;

import java.time.Instant;

/** An analytics time range on occurredAt: {@code from} inclusive, {@code to} exclusive; null bounds are open. */
record Window(Instant from, Instant to) {

    static final Window ALL = new Window(null, null);

    boolean contains(Instant at) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    String query() {
        String q = (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
        return q.isEmpty() ? "" : "?" + q.substring(1);
    }

    @Override
    public String toString() {
        return this == ALL ? "all time" : "[" + from + ", " + to + ")";
    }
}
