package dev.backlot.plugins.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings this node's framework to the desired plugin state in the database: at start, and whenever
 * the generation counter changes (polled every {@code PORTAL_PLUGINS_SYNC_MS}), so that a change
 * made on another node is followed here without anyone touching this one.
 *
 * <p>Converging compares each desired row with what runs locally (seq and started), so a change this
 * node made itself is found already applied and nothing happens. Changes the poll makes are audited
 * with the actor {@code sync}; a poll that changes nothing writes nothing. A plugin that fails to
 * converge is reported in its {@code problem} and audited once; it is tried again at the next change.
 */
public final class PluginSync implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PluginSync.class.getName());

    private final PluginStore store;
    private final LocalPlugins local;
    private final AuditLog audit;
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private volatile long seenGeneration = -1;
    private volatile ScheduledFuture<?> polling;

    PluginSync(PluginStore store, LocalPlugins local, AuditLog audit) {
        this.store = store;
        this.local = local;
        this.audit = audit;
    }

    /** Polls the generation every {@code syncMs} from now on, on the runtime's scheduler. */
    public void start(long syncMs, ScheduledExecutorService scheduler) {
        polling = scheduler.scheduleWithFixedDelay(this::pollSafely, syncMs, syncMs, TimeUnit.MILLISECONDS);
    }

    /** One poll: converges when the desired state changed since the last one. Public for tests. */
    public void poll() {
        if (store.generation() != seenGeneration) {
            converge(true);
        }
    }

    /** Why a desired plugin does not run on this node, when it failed to converge. */
    Optional<String> problem(String symbolicName) {
        return Optional.ofNullable(problems.get(symbolicName));
    }

    /**
     * Applies every difference between the desired state and this node.
     *
     * @param audited whether to audit each change (not at start, where the whole set is installed)
     * @return the symbolic names of the plugins that should now be active
     */
    List<String> converge(boolean audited) {
        synchronized (local) {
            long generation = store.generation();
            List<String> active = new ArrayList<>();
            Set<String> desiredNames = new HashSet<>();
            for (PluginStore.DesiredPlugin desired : store.all()) {
                if (!desired.installed()) {
                    continue;
                }
                desiredNames.add(desired.symbolicName());
                if (desired.started()) {
                    active.add(desired.symbolicName());
                }
                apply(desired, audited);
            }
            for (LocalPlugins.Local running : local.all()) {
                if (!desiredNames.contains(running.symbolicName())) {
                    local.remove(running.symbolicName());
                    problems.remove(running.symbolicName());
                    record(audited, "plugin.uninstall", running.symbolicName(), AuditEntry.SUCCESS, "uninstalled here too");
                }
            }
            seenGeneration = generation;
            return active;
        }
    }

    private void apply(PluginStore.DesiredPlugin desired, boolean audited) {
        String name = desired.symbolicName();
        Optional<LocalPlugins.Local> running = local.get(name);
        try {
            if (running.isEmpty() || running.get().seq() != desired.currentSeq()) {
                byte[] jar = store.jar(name, desired.currentSeq()).orElseThrow(() -> new IllegalStateException(
                        "version " + desired.currentSeq() + " of " + name + " is not in the database"));
                local.promote(local.stage(name, desired.currentSeq(), desired.sha256(), jar, desired.started()));
                record(audited, running.isEmpty() ? "plugin.install" : "plugin.update", name, AuditEntry.SUCCESS,
                        "now at version " + desired.version());
            } else if (running.get().started() != desired.started()) {
                if (desired.started()) {
                    local.start(name);
                } else {
                    local.stop(name);
                }
                record(audited, desired.started() ? "plugin.start" : "plugin.stop", name, AuditEntry.SUCCESS,
                        "version " + desired.version());
            }
            problems.remove(name);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!reason.equals(problems.put(name, reason))) {
                record(true, "plugin.sync", name, AuditEntry.FAILURE, "version " + desired.version() + ": " + reason);
            }
            LOG.log(Level.WARNING, "Plugin " + name + " could not be brought to version " + desired.version(), e);
        }
    }

    private void record(boolean audited, String action, String target, String outcome, String detail) {
        if (audited) {
            audit.record(new AuditEntry(Instant.now(), "sync", action, target, outcome, detail));
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // Every few seconds while the database is away: one line each, not a stack trace.
            LOG.warning(() -> "Polling the desired plugin state failed: " + e.getMessage());
        }
    }

    /** Stops polling and waits for a convergence in progress (it holds the local plugins' lock). */
    @Override
    public void close() {
        ScheduledFuture<?> running = polling;
        if (running != null) {
            running.cancel(false);
        }
        synchronized (local) {
            // nothing: entering means no convergence is running any more
        }
    }
}
