package io.journeyengine.views.journey;

import io.journeyengine.views.support.CounterTable;

import java.util.List;

/**
 * Converted customers counted by their time to first purchase, in {@value #COUNT} log-scale buckets
 * ({@code journey_purchase_time_bucket}), so the median is found without reading half the customers: the bucket
 * counts (at most {@value #COUNT} small rows) say which bucket holds the middle value and at which rank, and only that
 * bucket's range of the indexed {@code journey_customer.time_to_first_purchase_ms} is read to the rank.
 * <p>
 * Bucket 0 holds 0 ms; above that, each power of two from 2^e to 2^(e+1) ms is split into 16 equal parts, so a
 * bucket spans at most 1/16 of its values: 1,000 converted customers per bucket around the median would need over
 * 16,000 customers within a span of a few minutes. Bucket keys are zero-padded text so that text order is numeric
 * order (the counter tables have text keys); every bucket row exists from the migration on, so concurrent segments
 * only ever add to rows, never race to create one.
 */
final class PurchaseTimeBuckets {

    static final int COUNT = 1009;
    static final CounterTable TABLE = new CounterTable("journey_purchase_time_bucket", List.of("bucket"),
                                                       List.of("customers"));

    private static final int SUB_BUCKET_BITS = 4;

    private PurchaseTimeBuckets() {
    }

    /** The bucket of a time to first purchase in milliseconds (≥ 0). */
    static int of(long millis) {
        if (millis <= 0) {
            return 0;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(millis);
        long below = millis - (1L << exponent);
        long sub = exponent >= SUB_BUCKET_BITS ? below >>> (exponent - SUB_BUCKET_BITS)
                                               : below << (SUB_BUCKET_BITS - exponent);
        return 1 + exponent * (1 << SUB_BUCKET_BITS) + (int) sub;
    }

    /** The smallest time in milliseconds that falls in {@code bucket}. */
    static long lowerBound(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        int exponent = (bucket - 1) >>> SUB_BUCKET_BITS;
        long sub = (bucket - 1) & ((1 << SUB_BUCKET_BITS) - 1);
        long base = 1L << exponent;
        return exponent >= SUB_BUCKET_BITS ? base + (sub << (exponent - SUB_BUCKET_BITS))
                                           : base + ((sub + (1L << (SUB_BUCKET_BITS - exponent)) - 1)
                                                     >>> (SUB_BUCKET_BITS - exponent));
    }

    /** The first time in milliseconds past {@code bucket}: {@code lowerBound(bucket + 1)}. */
    static long upperBound(int bucket) {
        return bucket + 1 >= COUNT ? Long.MAX_VALUE : lowerBound(bucket + 1);
    }

    static String key(int bucket) {
        return String.format("%04d", bucket);
    }
}
