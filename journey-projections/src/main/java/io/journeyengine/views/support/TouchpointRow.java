package io.journeyengine.views.support;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.lifecycle.AppliedTouchpoint;
import io.journeyengine.journey.order.Purchase;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * One applied touchpoint as the analytics views keep it. {@code sequence} is the event's sequence number in the
 * customer's stream (its arrival); journey order is {@code occurredAt}, then arrival ({@link #JOURNEY_ORDER}).
 * {@code occurredAt} is kept to the microsecond, as the database stores it, so a row compares the same before and
 * after it was written.
 */
public record TouchpointRow(long sequence, Instant occurredAt, Channel channel, boolean purchase) {

    public static final Comparator<TouchpointRow> JOURNEY_ORDER =
            Comparator.comparing(TouchpointRow::occurredAt).thenComparingLong(TouchpointRow::sequence);

    public TouchpointRow {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A merged profile's touchpoint, copied under the survivor with {@code sequence} (see TouchpointLog). */
    public static TouchpointRow of(AppliedTouchpoint touchpoint, long sequence) {
        return new TouchpointRow(sequence, touchpoint.touchpoint().occurredAt(), touchpoint.touchpoint().channel(),
                                 touchpoint.purchase());
    }

    /** The copies of a merged profile's history, numbered after the merge applied at {@code mergeSequence}. */
    public static java.util.List<TouchpointRow> copiesOf(java.util.List<AppliedTouchpoint> history,
                                                         long mergeSequence) {
        java.util.List<TouchpointRow> rows = new java.util.ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            rows.add(of(history.get(i), TouchpointLog.copySequence(mergeSequence, i)));
        }
        return rows;
    }

    public static TouchpointRow of(TouchpointEvent event, long sequence) {
        return new TouchpointRow(sequence, event.touchpoint().occurredAt(), event.touchpoint().channel(),
                                 event instanceof Purchase);
    }
}
