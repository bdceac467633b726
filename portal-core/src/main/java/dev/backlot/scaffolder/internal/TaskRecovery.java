package dev.backlot.scaffolder.internal;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Which node runs which task, and what becomes of the tasks of a node that is gone.
 *
 * <p>Every start of the engine is a node with a fresh id and a row in {@code scaffolder_node}. A node
 * claims a task when it moves it to {@code processing} ({@code claimed_by}), and writes a heartbeat
 * every {@link NodeLiveness#heartbeat()}. At start and at every heartbeat, a node fails the
 * processing tasks of other nodes that are gone: stopped cleanly, or silent for longer than
 * {@link NodeLiveness#timeout()} (crashed, killed, cut off from the database). The tasks of a live
 * node are never touched, whatever their age, so a node starting beside running ones kills nothing.
 * A failed task keeps its reason and can be retried.
 *
 * <p>A node that was only slow (a pause longer than the timeout) and comes back finds its tasks
 * failed: its writes to them are refused ({@link TaskStore#saveClaimedSteps}), and it stops them
 * between steps. That is the price of recovering a crashed node's tasks without a coordinator.
 */
final class TaskRecovery {

    /** How long the row of a node that is gone is kept for the reasons of its tasks. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    static final String RETRY_HINT = "; nothing after the last finished step was done. Retry it to run it again from"
            + " the start.";

    private final NodeStore nodes;
    private final TaskStore tasks;
    private final NodeLiveness liveness;
    private final LongSupplier clock;
    private final String nodeId = UUID.randomUUID().toString();
    private long lastForget;

    /** @param clock wall-clock milliseconds; written as this node's heartbeat and compared with others' */
    TaskRecovery(NodeStore nodes, TaskStore tasks, NodeLiveness liveness, LongSupplier clock) {
        this.nodes = nodes;
        this.tasks = tasks;
        this.liveness = liveness;
        this.clock = clock;
    }

    String nodeId() {
        return nodeId;
    }

    NodeLiveness liveness() {
        return liveness;
    }

    void join() {
        nodes.join(nodeId, liveness.nodeName(), clock.getAsLong());
    }

    /** One heartbeat: this node's, then a look for tasks of nodes that are gone. */
    void tick(BiConsumer<String, String> failed) {
        long now = clock.getAsLong();
        if (!nodes.beat(nodeId, now)) {
            join(); // the row was removed while this node looked dead for a day; it is back
        }
        sweep(failed);
        if (now - lastForget > Duration.ofHours(1).toMillis()) {
            lastForget = now;
            nodes.forget(now - FORGET_AFTER.toMillis());
        }
    }

    /**
     * Fails the processing tasks of nodes that are gone.
     *
     * @param failed told the id and reason of each task failed here (for its log and completion event)
     * @return how many were failed
     */
    int sweep(BiConsumer<String, String> failed) {
        long now = clock.getAsLong();
        int count = 0;
        for (NodeStore.Abandoned a : nodes.abandoned(nodeId, now - liveness.timeout().toMillis(), 1000)) {
            String reason = reason(a, now);
            if (tasks.failAbandoned(a.taskId(), a.nodeId(), reason)) {
                failed.accept(a.taskId(), reason);
                count++;
            }
        }
        return count;
    }

    /** A clean stop: this node's unfinished tasks are recognised as abandoned at once. */
    void leave() {
        nodes.leave(nodeId, clock.getAsLong());
    }

    String reason(NodeStore.Abandoned a, long now) {
        if (a.nodeId() == null) {
            return DefaultScaffolderService.INTERRUPTED_REASON;
        }
        String node = a.nodeName() == null ? "node " + a.nodeId() : a.nodeName();
        if (a.stoppedAt() != null) {
            return "The portal stopped while this task was running (on " + node + ")" + RETRY_HINT;
        }
        if (a.heartbeatAt() == null) {
            return "The portal node that ran this task (" + node + ") is gone" + RETRY_HINT;
        }
        return "The portal node that ran this task (" + node + ") has not been heard from for "
                + Math.max(0, (now - a.heartbeatAt()) / 1000) + " s (a node counts as gone after "
                + liveness.timeout().toSeconds() + " s without a heartbeat)" + RETRY_HINT;
    }
}
