package io.journeyengine.views.journey;

import java.time.Duration;

/**
 * The median time to first purchase as analysts get it: the middle value of the millisecond durations, the mean of
 * the two middle ones for an even count, rounded half-up to whole seconds, as an ISO-8601 duration.
 */
final class MedianTime {

    private MedianTime() {
    }

    /** From the two middle values (the same value twice for an odd count). */
    static String of(long lowerMiddle, long upperMiddle) {
        long sum = lowerMiddle + upperMiddle;
        // (sum / 2) ms in seconds, half-up: sum / 2000 rounded half-up; durations are never negative.
        return Duration.ofSeconds((sum + 1000) / 2000).toString();
    }

    /** From all the values, sorted ascending; null when there are none. */
    static String ofSorted(long[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        return of(sorted[(sorted.length - 1) / 2], sorted[sorted.length / 2]);
    }
}
