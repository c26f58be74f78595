package io.journeyengine.views.journey;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PurchaseTimeBucketsTest {

    @Test
    void everyTimeLiesWithinTheBoundsOfItsBucket() {
        Random random = new Random(7);
        LongStream times = LongStream.concat(LongStream.rangeClosed(0, 5_000),
                                             random.longs(200_000, 0, Long.MAX_VALUE).map(t -> t >>> random.nextInt(63)));
        times.forEach(t -> {
            int bucket = PurchaseTimeBuckets.of(t);
            assertThat(bucket).isBetween(0, PurchaseTimeBuckets.COUNT - 1);
            assertThat(PurchaseTimeBuckets.lowerBound(bucket)).as("lower bound of %d", t).isLessThanOrEqualTo(t);
            assertThat(PurchaseTimeBuckets.upperBound(bucket)).as("upper bound of %d", t).isGreaterThan(t);
        });
        assertThat(PurchaseTimeBuckets.of(Long.MAX_VALUE)).isEqualTo(PurchaseTimeBuckets.COUNT - 1);
    }

    @Test
    void bucketsFollowTheOrderOfTimesAndTheirKeysSortAsText() {
        long previousTime = -1;
        int previousBucket = 0;
        for (long t = 0; t < 1L << 40; t = t * 5 / 4 + 1) {
            int bucket = PurchaseTimeBuckets.of(t);
            assertThat(bucket).isGreaterThanOrEqualTo(previousBucket);
            if (bucket > previousBucket) {
                assertThat(PurchaseTimeBuckets.key(bucket)).isGreaterThan(PurchaseTimeBuckets.key(previousBucket));
                assertThat(PurchaseTimeBuckets.lowerBound(bucket)).isGreaterThan(previousTime);
            }
            previousBucket = bucket;
            previousTime = t;
        }
    }

    @Test
    void aBucketSpansAtMostASixteenthOfItsTimes() {
        for (int bucket = 1; bucket < PurchaseTimeBuckets.COUNT - 1; bucket++) {
            long lower = PurchaseTimeBuckets.lowerBound(bucket);
            long upper = PurchaseTimeBuckets.upperBound(bucket);
            assertThat(upper).isGreaterThanOrEqualTo(lower);
            assertThat(upper - lower).as("bucket %d", bucket).isLessThanOrEqualTo(Math.max(1, lower / 16));
        }
    }
}
