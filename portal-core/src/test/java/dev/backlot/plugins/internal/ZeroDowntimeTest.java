package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blue-green updates under a steady stream of calls: no call fails, none finds the plugin missing
 * or served twice while it is updated and rolled back, and every call that starts after a change
 * returned sees the new version.
 */
class ZeroDowntimeTest {

    private static final String NAME = DefaultPluginManagerTest.NAME;
    private static final int WORKERS = 4;

    @TempDir
    Path dir;
    private PlatformNode node;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();

    /** One call: when it started, and the version that answered ({@code null}: none served). */
    private record Call(long startedNanos, String version) {
    }

    /** One change: when it began and returned, and the version that must serve after it. */
    private record Step(long beganNanos, long returnedNanos, String version) {
    }

    @BeforeEach
    void start() throws Exception {
        node = PlatformNode.start(dir, PlatformNode.h2(dir), null, List.of());
    }

    @AfterEach
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        node.close();
    }

    @Test
    void updateUnderLoadServesEveryRequest() throws Exception {
        // given: version 1 serving and workers calling it in a loop through the registry and the guard
        DefaultPluginManager manager = node.manager();
        manager.install(DefaultPluginManagerTest.demo("1.0.0"), "alice");
        Queue calls = new Queue();
        Map<Integer, AtomicLong> done = new ConcurrentHashMap<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            AtomicLong count = done.computeIfAbsent(i, k -> new AtomicLong());
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    try {
                        calls.add(new Call(started, node.versionServing(NAME)));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    count.incrementAndGet();
                }
            }, "load-" + i);
            worker.start();
            workers.add(worker);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(0, System.nanoTime(), "1.0.0"));
        awaitCallsByEveryWorker(done);

        // when: updated, updated again, rolled back twice, updated, while the calls go on
        steps.add(change(() -> manager.update(NAME, DefaultPluginManagerTest.demo("2.0.0"), "bob"), "2.0.0", done));
        steps.add(change(() -> manager.update(NAME, DefaultPluginManagerTest.demo("3.0.0"), "bob"), "3.0.0", done));
        steps.add(change(() -> manager.rollback(NAME, "bob"), "2.0.0", done));
        steps.add(change(() -> manager.rollback(NAME, "bob"), "1.0.0", done));
        steps.add(change(() -> manager.update(NAME, DefaultPluginManagerTest.demo("4.0.0"), "bob"), "4.0.0", done));
        long uninstallBegan = System.nanoTime();
        steps.add(change(() -> manager.uninstall(NAME, "bob"), null, done));
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }

        // then: no failure, no gap before the uninstall, the new version for every call after each change
        assertThat(failures).isEmpty();
        List<Call> all = calls.all();
        assertThat(all).hasSizeGreaterThan(steps.size() * WORKERS);
        assertThat(all).filteredOn(c -> c.startedNanos() < uninstallBegan).noneMatch(c -> c.version() == null);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long nextBegan = i + 1 < steps.size() ? steps.get(i + 1).beganNanos() : Long.MAX_VALUE;
            assertThat(all).filteredOn(c -> c.startedNanos() > step.returnedNanos() && c.startedNanos() < nextBegan)
                    .as("calls after the change to %s", step.version())
                    .isNotEmpty().allMatch(c -> java.util.Objects.equals(c.version(), step.version()));
        }
        assertThat(node.host.bundles()).noneMatch(b -> NAME.equals(b.getSymbolicName()));
        printFigures(steps, all);
    }

    /** How long from the start of each change until a call first saw the new version (not asserted). */
    private static void printFigures(List<Step> steps, List<Call> calls) {
        List<String> figures = new ArrayList<>();
        for (Step step : steps.subList(1, steps.size() - 1)) {
            calls.stream().filter(c -> c.startedNanos() > step.beganNanos() && step.version().equals(c.version()))
                    .mapToLong(Call::startedNanos).min()
                    .ifPresent(first -> figures.add(step.version() + " " + (first - step.beganNanos()) / 1_000_000 + " ms"));
        }
        System.out.println("[figures] change to the new revision serving under load: " + String.join(", ", figures));
    }

    private Step change(Runnable change, String version, Map<Integer, AtomicLong> done) throws InterruptedException {
        long began = System.nanoTime();
        change.run();
        long returned = System.nanoTime();
        assertThat(node.versionServing(NAME)).isEqualTo(version);
        awaitCallsByEveryWorker(done);
        return new Step(began, returned, version);
    }

    /** Lets every worker finish a few more calls, so that each step is served for a while. */
    private static void awaitCallsByEveryWorker(Map<Integer, AtomicLong> done) throws InterruptedException {
        Map<Integer, Long> before = new ConcurrentHashMap<>();
        done.forEach((k, v) -> before.put(k, v.get()));
        while (done.entrySet().stream().anyMatch(e -> e.getValue().get() < before.get(e.getKey()) + 20)) {
            Thread.sleep(5);
        }
    }

    private static final class Queue {
        private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        void add(Call call) {
            calls.add(call);
        }

        List<Call> all() {
            return new ArrayList<>(calls);
        }
    }
}
