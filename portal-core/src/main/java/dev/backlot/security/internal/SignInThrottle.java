package dev.backlot.security.internal;

import dev.backlot.security.AccountService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per key (an account name or a client address) and says how long the
 * next attempt must wait: nothing for the first {@code free} failures, then 1 s, 2 s, 4 s, ... up to
 * {@link AccountService#MAX_DELAY}. Counts are forgotten {@link #FORGET_AFTER_MS} after the last
 * failure. At most {@link #MAX_KEYS} keys are remembered (the oldest go first), so a flood of
 * made-up names or addresses cannot grow the heap.
 */
final class SignInThrottle {

    static final long FORGET_AFTER_MS = Duration.ofHours(1).toMillis();
    static final int MAX_KEYS = 10_000;

    private final int free;
    private final LongSupplier clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_KEYS;
        }
    };

    private record Failures(int count, long lastAt) {
    }

    SignInThrottle(int free, LongSupplier clock) {
        this.free = free;
        this.clock = clock;
    }

    /** How long {@code key} must still wait; empty when an attempt may be checked now. */
    synchronized Optional<Duration> delay(String key) {
        Failures f = current(key);
        if (f == null || f.count() < free) {
            return Optional.empty();
        }
        long wait = f.lastAt() + delayAfter(f.count()) - clock.getAsLong();
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    /** Counts a failure; returns true when this failure is the one that starts slowing the key down. */
    synchronized boolean failed(String key) {
        Failures f = current(key);
        int count = f == null ? 1 : f.count() + 1;
        failures.put(key, new Failures(count, clock.getAsLong()));
        return count == free;
    }

    synchronized void succeeded(String key) {
        failures.remove(key);
    }

    /** The wait after {@code count} failures: 1 s after the {@code free}-th, doubling, capped. */
    long delayAfter(int count) {
        int doublings = Math.min(30, count - free);
        return Math.min(AccountService.MAX_DELAY.toMillis(), 1000L << doublings);
    }

    private Failures current(String key) {
        Failures f = failures.get(key);
        if (f != null && clock.getAsLong() - f.lastAt() > FORGET_AFTER_MS) {
            failures.remove(key);
            return null;
        }
        return f;
    }
}
