package org.corridor.api.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.core.Check;

/**
 * A token bucket per API key: {@code requestsPerSecond} on average, bursts up to {@code burst}. A request over
 * the limit is told how long to wait (429 with Retry-After). Buckets live in memory, per server.
 */
public final class RateLimiter {
    /** Default sustained rate per key: well above one client's honest use, far below what hurts the switch. */
    public static final int REQUESTS_PER_SECOND_DEFAULT = 10_000;
    /** Keys tracked at most; beyond this the oldest idle buckets are dropped (a dropped bucket starts full). */
    public static final int KEYS_TRACKED_MAX = 100_000;

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final double perNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int requestsPerSecond, int burst) {
        Check.that(requestsPerSecond > 0 && burst > 0, "a rate limit is positive");
        this.perNano = requestsPerSecond / 1e9;
        this.burst = burst;
    }

    /**
     * Takes one token for {@code keyId} at {@code nowNanos} (a monotonic clock); empty if admitted, otherwise
     * how long until a token is there.
     */
    public Optional<Duration> acquire(String keyId, long nowNanos) {
        if (buckets.size() > KEYS_TRACKED_MAX) buckets.clear();
        Bucket bucket = buckets.computeIfAbsent(keyId, id -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.refilledAt) * perNano);
            bucket.refilledAt = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perNano)));
        }
    }
}
