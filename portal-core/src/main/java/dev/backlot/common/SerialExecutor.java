package dev.backlot.common;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks one at a time, in the order they were submitted, on threads of a shared executor:
 * a lane of work such as "every write to the catalog" that must never run two tasks at once, but
 * needs no thread of its own while it is idle.
 *
 * <pre>{@code
 * SerialExecutor lane = new SerialExecutor(scheduler, "catalog");
 * lane.submit(() -> store(run));        // runs after everything submitted before it
 * lane.schedule(() -> sweep(), 5, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p>A task that throws does not stop the lane; its exception goes to its future. After
 * {@link #close()} new tasks are refused and queued ones are dropped (their futures cancelled);
 * the task running then finishes.
 */
public final class SerialExecutor implements Executor, AutoCloseable {

    private final ScheduledExecutorService threads;
    private final String name;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;
    private boolean closed;

    /**
     * @param threads the shared executor the tasks run on
     * @param name the lane's name, for messages
     */
    public SerialExecutor(ScheduledExecutorService threads, String name) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public void execute(Runnable task) {
        submit(task);
    }

    /** Queues a task; its future completes when it has run. */
    public Future<?> submit(Runnable task) {
        return submit(java.util.concurrent.Executors.callable(task));
    }

    /** Queues a task with a result. */
    public <T> Future<T> submit(Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        synchronized (queue) {
            if (closed) {
                throw new RejectedExecutionException("The " + name + " lane is closed");
            }
            queue.add(future);
            if (!running) {
                running = true;
                threads.execute(this::drain);
            }
        }
        return future;
    }

    /** Queues a task after a delay (it then waits its turn like any other). */
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return threads.schedule(() -> {
            try {
                submit(task);
            } catch (RejectedExecutionException closing) {
                // the lane closed while the delay ran
            }
        }, delay, unit);
    }

    /** Runs queued tasks until the queue is empty, then gives the thread back. */
    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            next.run(); // a FutureTask: its exception is kept in its future
        }
    }

    /** Refuses new tasks and cancels the queued ones. */
    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
            for (Runnable queued : queue) {
                if (queued instanceof Future<?> f) {
                    f.cancel(false);
                }
            }
            queue.clear();
        }
    }
}
