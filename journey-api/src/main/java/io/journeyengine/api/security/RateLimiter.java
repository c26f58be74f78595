package io.journeyengine.api.security;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code rate} requests per second on average, bursts of up to one second's worth. Kept in
 * memory per node, so N nodes allow N times the rate; the limit protects each node, not a global quota.
 */
@Component
public class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @return 0 when the request may go on, else the seconds to wait (for Retry-After) */
    public long acquire(String keyId, int ratePerSecond, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(keyId, id -> new Bucket(ratePerSecond, nowNanos));
        return bucket.take(ratePerSecond, nowNanos);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(int rate, long now) {
            this.tokens = rate;
            this.refilledAt = now;
        }

        synchronized long take(int rate, long now) {
            tokens = Math.min(rate, tokens + (now - refilledAt) / 1e9 * rate);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
        }
    }
}
