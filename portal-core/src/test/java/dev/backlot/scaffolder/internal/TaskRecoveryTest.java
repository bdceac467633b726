package dev.backlot.scaffolder.internal;

import static dev.backlot.scaffolder.internal.ScaffolderEngineTest.SLOW_TEMPLATE;
import static dev.backlot.scaffolder.internal.ScaffolderEngineTest.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.persistence.Database;
import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskRequest;
import dev.backlot.scaffolder.TaskStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task recovery on a cluster: engines sharing one H2 database are the nodes. A node whose heartbeat
 * is stale (its clock runs a minute behind, so every heartbeat it writes looks a minute old) loses its
 * tasks to the others; a live node's tasks are never touched by another node's start.
 */
class TaskRecoveryTest {

    private static final NodeLiveness FAST = new NodeLiveness("live node", Duration.ofMillis(200), Duration.ofSeconds(2));

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private EngineFixture node(String name, NodeLiveness liveness, long clockOffsetMs) throws Exception {
        // every node opens the same H2 file: one database shared inside this JVM, as nodes share PostgreSQL
        Database database = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null, List.of());
        EngineFixture node = new EngineFixture(dir.resolve(name), database, 100_000,
                new NodeLiveness(name, liveness.heartbeat(), liveness.timeout()), () -> System.currentTimeMillis() + clockOffsetMs);
        node.template("slow-svc", SLOW_TEMPLATE, Map.of());
        open.add(node);
        return node;
    }

    /**
     * A task of ten minutes' wait, once a node claimed it. On a dead node it may be failed by a live
     * one before it was ever seen processing, so "claimed" means: no longer open.
     */
    private static ScaffolderTask startSlowTask(EngineFixture node, String name) throws InterruptedException {
        ScaffolderTask task = node.service.create(new TaskRequest("template:default/slow-svc",
                Map.of("name", name, "wait", 600), Map.of()), "alice");
        long deadline = System.currentTimeMillis() + 20_000;
        while (node.service.task(task.id()).orElseThrow().status() == TaskStatus.OPEN) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("task " + task.id() + " was not claimed within 20 s");
            }
            Thread.sleep(20);
        }
        return task;
    }

    @Test
    void aStartingNodeFailsOnlyTheTasksOfANodeWhoseHeartbeatIsStale() throws Exception {
        // given a live node and a dead one (its heartbeats look a minute old), each running a task
        EngineFixture live = node("live-node", FAST, 0);
        EngineFixture dead = node("dead-node", FAST, -60_000);
        ScaffolderTask living = startSlowTask(live, "living");
        ScaffolderTask orphan = startSlowTask(dead, "orphan");

        // when a third node starts
        EngineFixture third = node("third-node", FAST, 0);

        // then the dead node's task is failed with the reason, and the live node's runs on
        ScaffolderTask failed = third.service.task(orphan.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error()).contains("dead-node", "has not been heard from for", "gone after 2 s", "Retry it");
        assertThat(third.messages(orphan.id())).anyMatch(m -> m.startsWith("Run failed: The portal node that ran"));
        assertThat(third.service.task(living.id()).orElseThrow().status()).isEqualTo(TaskStatus.PROCESSING);

        // and the live node's task still ends the way its user decides
        live.service.cancel(living.id(), "alice", false);
        assertThat(live.await(living.id()).status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void aLiveNodeFindsTheTasksOfANodeThatWentSilentAtItsNextHeartbeat() throws Exception {
        EngineFixture live = node("live-node", FAST, 0);
        EngineFixture dead = node("dead-node", FAST, -60_000);

        // the dead node claims a task after the live node started: only a heartbeat can find it
        ScaffolderTask orphan = startSlowTask(dead, "orphan");

        ScaffolderTask failed = live.await(orphan.id());
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error()).contains("dead-node", "has not been heard from");
    }

    @Test
    void aNodeThatWasOnlySlowWritesNothingMoreToATaskAnotherNodeFailed() throws Exception {
        EngineFixture live = node("live-node", FAST, 0);
        EngineFixture slow = node("slow-node", FAST, -60_000);
        ScaffolderTask task = slow.service.create(new TaskRequest("template:default/slow-svc",
                Map.of("name", "late", "wait", 3), Map.of()), "alice");
        assertThat(live.await(task.id()).status()).isEqualTo(TaskStatus.FAILED);

        // the slow node's wait ends; it finds the task is no longer its own and stops there
        long deadline = System.currentTimeMillis() + 20_000;
        while (slow.service.runningCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(slow.service.runningCount()).isZero();
        ScaffolderTask after = live.service.task(task.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(after.error()).contains("slow-node");
        assertThat(live.messages(task.id())).noneMatch(m -> m.contains("made late"));
    }

    @Test
    void aTaskFailedBecauseItsNodeWasGoneCanBeRetriedOnALiveNode() throws Exception {
        EngineFixture live = node("live-node", FAST, 0);
        EngineFixture dead = node("dead-node", FAST, -60_000);
        ScaffolderTask orphan = startSlowTask(dead, "orphan");
        live.await(orphan.id());
        long before = live.lastEvent(orphan.id());

        live.service.retry(orphan.id(), "alice", false);

        awaitStatus(live, orphan.id(), TaskStatus.PROCESSING);
        assertThat(live.service.runningCount()).isEqualTo(1);
        live.service.cancel(orphan.id(), "alice", false);
        assertThat(live.await(orphan.id(), before).status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void aCancelAskedOnAnotherNodeStopsTheTaskWhereItRuns() throws Exception {
        EngineFixture runner = node("runner-node", FAST, 0);
        EngineFixture other = node("other-node", FAST, 0);
        ScaffolderTask task = startSlowTask(runner, "cancel-me");

        other.service.cancel(task.id(), "alice", false);

        ScaffolderTask done = other.await(task.id());
        assertThat(done.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(done.steps()).extracting(step -> step.get("status")).containsExactly("cancelled", "cancelled");
    }

    @Test
    void aTaskLeftOpenLongerThanTheBoundIsStartedByALiveNodesHeartbeat() throws Exception {
        EngineFixture live = node("live-node", FAST, 0);
        ScaffolderTask task = startSlowTask(live, "left-open");
        live.service.cancel(task.id(), "alice", false);
        live.await(task.id());
        // as if a node queued it a minute ago and went away before starting it
        live.database.jdbc(c -> c.createStatement().executeUpdate("UPDATE scaffolder_task SET status = 'open',"
                + " last_heartbeat_at = NULL, created_at = created_at - 60000 WHERE id = '" + task.id() + "'"));

        awaitStatus(live, task.id(), TaskStatus.PROCESSING);
    }

    @Test
    void theHeartbeatBoundMustSpanThreeHeartbeats() {
        assertThatThrownBy(() -> new NodeLiveness("n", Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PORTAL_SCAFFOLDER_NODE_TIMEOUT_SECONDS", "three heartbeats");
        assertThat(NodeLiveness.from("n", name -> java.util.Optional.empty()).timeout()).isEqualTo(Duration.ofSeconds(30));
    }
}
