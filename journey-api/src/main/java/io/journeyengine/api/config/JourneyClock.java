package io.journeyengine.api.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's one notion of "now": the system clock, shifted by an offset that starts at
 * {@code journey.clock.start} (when set) and that tests and simulations may move forward with {@link #advance} or
 * {@link #setTo} when {@code journey.clock.adjustable=true}.
 * <p>
 * Time keeps running between adjustments (an offset, not a frozen instant), so timeouts and polling still work.
 * Deadlines are due on this clock: db-scheduler reads it too (deadline/DeadlineConfiguration), and every
 * adjustment tells the listeners (the scheduler checks for due deadlines at once instead of at its next poll).
 */
public final class JourneyClock extends Clock {

    private final Clock system;
    private final boolean adjustable;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Duration offset;

    public JourneyClock(Clock system, Instant start, boolean adjustable) {
        this.system = Objects.requireNonNull(system);
        this.adjustable = adjustable;
        this.offset = start == null ? Duration.ZERO : Duration.between(system.instant(), start);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the engine's clock is UTC");
    }

    public boolean adjustable() {
        return adjustable;
    }

    /** Moves "now" forward by {@code amount}. Only time's direction is allowed: deadlines already fired stay fired. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        requireAdjustable();
        offset = offset.plus(amount);
        listeners.forEach(Runnable::run);
    }

    /** Moves "now" to {@code instant}, which must not lie before the current time. */
    public void setTo(Instant instant) {
        advance(Duration.between(instant(), instant));
    }

    /** Called after every adjustment. */
    public void onAdjust(Runnable listener) {
        listeners.add(listener);
    }

    private void requireAdjustable() {
        if (!adjustable) {
            throw new IllegalStateException("the engine's clock is not adjustable (journey.clock.adjustable=false)");
        }
    }

    @Override
    public String toString() {
        return "JourneyClock[" + instant() + (adjustable ? ", adjustable" : "") + "]";
    }
}
