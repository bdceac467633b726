package dev.backlot.plugins.internal;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.plugins.PluginCalls;
import dev.backlot.plugins.PluginHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * {@link PluginCalls} with per-plugin counters kept in memory (they describe this node since it
 * started) and an in-flight count per bundle id, which an update waits on before it removes the
 * old revision.
 *
 * <p>Calls run on a cached pool of daemon threads: a plugin that never returns keeps one thread,
 * interrupted, and the caller goes on after its limit.
 */
public final class GuardedPluginCalls implements PluginCalls, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GuardedPluginCalls.class.getName());
    private static final int RECENT_ERRORS = 20;

    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "backlot-plugin-call");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> T call(Extension<?> extension, String operation, Duration limit, Callable<T> call)
            throws PluginCallException {
        Stats s = stats(extension.symbolicName());
        s.calls.incrementAndGet();
        AtomicInteger running = inFlight.computeIfAbsent(extension.bundleId(), id -> new AtomicInteger());
        running.incrementAndGet();
        // Released once: when the call returns, or when the caller gives up on it. A call left
        // behind after its time limit no longer counts as in flight: nobody waits for its result,
        // so a stop or an update need not wait for a plugin that loops.
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                running.decrementAndGet();
            }
        };
        Future<T> future;
        try {
            future = threads.submit(() -> {
                try {
                    return call.call();
                } finally {
                    release.run();
                }
            });
        } catch (RuntimeException e) {
            release.run();
            throw failure(extension, operation, e, false);
        }
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            release.run();
            throw failure(extension, operation,
                    new TimeoutException("no answer within " + limit.toMillis() + " ms"), true);
        } catch (ExecutionException e) {
            throw failure(extension, operation, e.getCause() == null ? e : e.getCause(), false);
        } catch (InterruptedException e) {
            future.cancel(true);
            release.run();
            Thread.currentThread().interrupt();
            throw failure(extension, operation, e, false);
        }
    }

    @Override
    public InFlight enter(Extension<?> extension) {
        stats(extension.symbolicName()).calls.incrementAndGet();
        AtomicInteger running = inFlight.computeIfAbsent(extension.bundleId(), id -> new AtomicInteger());
        running.incrementAndGet();
        return running::decrementAndGet;
    }

    @Override
    public void failed(Extension<?> extension, String operation, Throwable failure) {
        record(extension.symbolicName(), operation, failure, false);
    }

    @Override
    public PluginHealth health(String symbolicName) {
        Stats s = symbolicName == null ? null : stats.get(symbolicName);
        if (s == null) {
            return PluginHealth.NONE;
        }
        synchronized (s) {
            return new PluginHealth(s.calls.get(), s.failures.get(), s.timeouts.get(), s.lastError, s.lastErrorAt);
        }
    }

    /** The last failures of one plugin, newest first, each prefixed with its time. */
    public List<String> recentErrors(String symbolicName) {
        Stats s = stats.get(symbolicName);
        if (s == null) {
            return List.of();
        }
        synchronized (s) {
            return List.copyOf(s.recent);
        }
    }

    /** Calls into one bundle that have not returned yet. */
    public int inFlight(long bundleId) {
        AtomicInteger running = inFlight.get(bundleId);
        return running == null ? 0 : running.get();
    }

    /**
     * Waits until no call into the bundle is in flight, or {@code maxWaitMs} passed.
     *
     * @return whether the bundle is idle
     */
    public boolean awaitIdle(long bundleId, long maxWaitMs) {
        long deadline = System.currentTimeMillis() + maxWaitMs;
        while (inFlight(bundleId) > 0) {
            if (System.currentTimeMillis() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        inFlight.remove(bundleId);
        return true;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private PluginCallException failure(Extension<?> extension, String operation, Throwable cause, boolean timedOut) {
        String message = record(extension.symbolicName(), operation, cause, timedOut);
        return new PluginCallException(extension.symbolicName(), message, timedOut, cause);
    }

    private String record(String symbolicName, String operation, Throwable cause, boolean timedOut) {
        String message = operation + ": " + (timedOut ? cause.getMessage()
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        Stats s = stats(symbolicName);
        Instant now = Instant.now();
        synchronized (s) {
            s.failures.incrementAndGet();
            if (timedOut) {
                s.timeouts.incrementAndGet();
            }
            s.lastError = message;
            s.lastErrorAt = now;
            s.recent.addFirst(now + " " + message);
            while (s.recent.size() > RECENT_ERRORS) {
                s.recent.removeLast();
            }
        }
        LOG.warning(() -> "Plugin " + symbolicName + " failed: " + message);
        return message;
    }

    private Stats stats(String symbolicName) {
        return stats.computeIfAbsent(symbolicName == null ? "?" : symbolicName, n -> new Stats());
    }

    private static final class Stats {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();
        final Deque<String> recent = new ArrayDeque<>();
        String lastError;
        Instant lastErrorAt;
    }
}
