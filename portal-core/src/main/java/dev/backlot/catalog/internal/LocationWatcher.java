package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogLocation;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the folders of the files a {@code file} location read, and asks for a new read of that
 * location when something in them changes: this is what makes an edited {@code catalog-info.yaml}
 * visible within a second or two, without waiting for the periodic refresh.
 *
 * <p>Events are debounced ({@link #DEBOUNCE_MS}): an editor's save, which writes, renames and
 * touches, gives one read.
 */
final class LocationWatcher implements AutoCloseable {

    static final long DEBOUNCE_MS = 300;
    static final long POLL_MS = 250;
    private static final Logger LOG = Logger.getLogger(LocationWatcher.class.getName());

    private final WatchService service;
    private final Consumer<CatalogLocation> refresh;
    private final Map<Path, WatchKey> keys = new ConcurrentHashMap<>();
    private final Map<Path, Set<CatalogLocation>> byFolder = new ConcurrentHashMap<>();
    private final Map<String, CatalogLocation> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ScheduledFuture<?> polling;

    /**
     * Watches on the runtime's scheduler: the watch service is polled every {@link #POLL_MS}
     * (never blocking a shared thread in {@code take()}), and refreshes are debounced there too.
     */
    LocationWatcher(Consumer<CatalogLocation> refresh, ScheduledExecutorService scheduler) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.refresh = refresh;
        this.scheduler = scheduler;
        this.polling = scheduler.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** Watches the folders holding {@code files} for {@code location}, in addition to earlier ones. */
    void watch(CatalogLocation location, Collection<Path> files) {
        Set<Path> folders = new HashSet<>();
        for (Path file : files) {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                folders.add(folder);
            }
        }
        if ("file".equals(location.type())) {
            Path target = Path.of(location.target()).toAbsolutePath();
            folders.add(target.toFile().isDirectory() ? target : target.getParent());
        }
        for (Path folder : folders) {
            byFolder.computeIfAbsent(folder, f -> ConcurrentHashMap.newKeySet()).add(location);
            keys.computeIfAbsent(folder, f -> {
                try {
                    return f.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Cannot watch " + f, e);
                    return null;
                }
            });
        }
    }

    /** Stops watching for a location (it was unregistered). */
    void forget(String locationId) {
        byFolder.values().forEach(set -> set.removeIf(l -> l.id().equals(locationId)));
    }

    /** Takes every key that has events now, without waiting. */
    private void poll() {
        try {
            for (WatchKey key = service.poll(); key != null; key = service.poll()) {
                Path folder = (Path) key.watchable();
                key.pollEvents();
                key.reset();
                for (CatalogLocation location : byFolder.getOrDefault(folder, Set.of())) {
                    if (pending.putIfAbsent(location.id(), location) == null) {
                        scheduler.schedule(() -> {
                            pending.remove(location.id());
                            refresh.accept(location);
                        }, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
                    }
                }
            }
        } catch (ClosedWatchServiceException e) {
            // closing
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the watch service", e);
        }
        polling.cancel(false);
    }
}
