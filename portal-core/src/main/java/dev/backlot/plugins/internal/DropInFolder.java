package dev.backlot.plugins.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The watched folder {@code PORTAL_DATA/plugins}: a jar copied in is installed and started, a jar
 * overwritten is updated in place, a jar deleted is uninstalled.
 *
 * <p>The folder is polled rather than watched with {@code WatchService}, which misses events on
 * some file systems and says nothing about a copy still in progress. A jar is picked up once its
 * modification time is at least {@link #SETTLE_MS} old, so a half-copied file is not installed.
 * The folder is the source of truth for these bundles: they are installed again from it at start.
 */
public final class DropInFolder implements AutoCloseable {

    static final long SETTLE_MS = 500;
    private static final Logger LOG = Logger.getLogger(DropInFolder.class.getName());

    private final Path folder;
    private final FelixPluginHost host;
    private final AuditLog audit;
    private final Map<Path, Seen> seen = new HashMap<>();
    private volatile ScheduledFuture<?> polling;

    private record Seen(long modified, long size) {
    }

    public DropInFolder(Path folder, FelixPluginHost host, AuditLog audit) {
        this.folder = folder;
        this.host = host;
        this.audit = audit;
    }

    /** Creates the folder when missing and scans it every {@code pollMs} from now on, on the runtime's scheduler. */
    public void start(long pollMs, ScheduledExecutorService scheduler) throws IOException {
        Files.createDirectories(folder);
        polling = scheduler.scheduleWithFixedDelay(this::scanSafely, 0, pollMs, TimeUnit.MILLISECONDS);
    }

    /** One scan; public for tests that drive the folder step by step. */
    public synchronized void scan() throws IOException {
        long now = System.currentTimeMillis();
        Set<Path> present = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".jar"))::iterator) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                present.add(file);
                Seen now2 = new Seen(Files.getLastModifiedTime(file).toMillis(), Files.size(file));
                Seen before = seen.get(file);
                if (now2.equals(before) || now - now2.modified() < SETTLE_MS) {
                    continue;
                }
                apply(file, before == null);
                seen.put(file, now2);
            }
        }
        for (Path gone : Set.copyOf(seen.keySet())) {
            if (!present.contains(gone)) {
                seen.remove(gone);
                host.uninstall(location(gone));
                record("plugin.uninstall", gone, AuditEntry.SUCCESS, "jar deleted from the drop-in folder");
            }
        }
    }

    private void apply(Path file, boolean isNew) throws IOException {
        String location = location(file);
        byte[] jar = Files.readAllBytes(file);
        Optional<String> taken = takenElsewhere(location, jar);
        if (taken.isPresent()) {
            // Bundles of one symbolic name may run side by side (blue-green updates), so the
            // framework would not stop a drop-in copy of a plugin from serving twice: refuse it here.
            host.uninstall(location);
            host.refuse(location, taken.get());
            record(isNew ? "plugin.install" : "plugin.update", file, AuditEntry.REFUSED, taken.get());
            return;
        }
        boolean ok = isNew ? host.install(location, jar, true).isPresent() && host.problem(location).isEmpty()
                : host.update(location, jar, true) && host.problem(location).isEmpty();
        record(isNew ? "plugin.install" : "plugin.update", file, ok ? AuditEntry.SUCCESS : AuditEntry.FAILURE,
                host.problem(location).orElse(null));
    }

    /** Why the jar's symbolic name may not come from this file, when another location already has it. */
    private Optional<String> takenElsewhere(String location, byte[] jar) {
        String name;
        try {
            name = BundleManifest.read(jar).symbolicName();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the framework reports an unreadable jar in its own words
        }
        return host.bundles().stream().filter(b -> name.equals(b.getSymbolicName()) && !location.equals(b.getLocation()))
                .findFirst().map(b -> name + " is already installed from " + b.getLocation()
                        + "; a plugin has one source: remove it there first");
    }

    static String location(Path file) {
        return file.toAbsolutePath().normalize().toUri().toString();
    }

    private void record(String action, Path file, String outcome, String detail) {
        audit.record(new AuditEntry(Instant.now(), "drop-in", action, file.getFileName().toString(), outcome, detail));
    }

    private void scanSafely() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Scanning the plugin folder " + folder + " failed", e);
        }
    }

    /** Stops scanning and waits for a scan in progress. */
    @Override
    public void close() {
        ScheduledFuture<?> running = polling;
        if (running != null) {
            running.cancel(false);
        }
        synchronized (this) {
            // nothing: entering means no scan is running any more (scan() holds this lock)
        }
    }
}
