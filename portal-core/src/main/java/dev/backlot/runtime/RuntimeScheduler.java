package dev.backlot.runtime;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runtime's one scheduler: every engine's timers, periodic work and lanes of background work
 * run on its few threads ({@code backlot-1} ...), so that the portal's threads are known, named and
 * stopped in one place when it stops.
 *
 * <p>Long work runs in {@link dev.backlot.common.SerialExecutor} lanes, which take at most one
 * thread each; the other threads stay free for timers. The one pool kept apart is the plugin call
 * guard's: a plugin call that hangs past its time limit leaves its thread behind, and such threads
 * must never be taken from this scheduler.
 */
final class RuntimeScheduler extends ScheduledThreadPoolExecutor {

    private static final Logger LOG = Logger.getLogger(RuntimeScheduler.class.getName());
    static final int THREADS = 4;

    RuntimeScheduler() {
        super(THREADS, new Named());
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** A periodic task that throws would silently stop repeating: log the failure and keep the period. */
    @Override
    public java.util.concurrent.ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
        return super.scheduleWithFixedDelay(survives(command), initialDelay, delay, unit);
    }

    @Override
    public java.util.concurrent.ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
            TimeUnit unit) {
        return super.scheduleAtFixedRate(survives(command), initialDelay, period, unit);
    }

    private static Runnable survives(Runnable command) {
        return () -> {
            try {
                command.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "A periodic background task failed; it runs again at its next time", e);
            }
        };
    }

    /** Stops the timers and waits a little for running tasks. */
    void stop() {
        shutdownNow();
        try {
            if (!awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning("Background tasks still running 10 s after the portal stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "backlot-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
