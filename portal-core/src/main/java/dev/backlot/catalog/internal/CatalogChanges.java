package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogListener;
import dev.backlot.common.SerialExecutor;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces committed entity changes to {@link CatalogListener}s on a lane of its own, so that a
 * slow listener never holds up the catalog's writes. The engine calls {@link #committed} after
 * each transaction that stitched or deleted entities.
 */
final class CatalogChanges implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CatalogChanges.class.getName());

    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
    private final SerialExecutor lane;

    CatalogChanges(ScheduledExecutorService scheduler) {
        this.lane = new SerialExecutor(scheduler, "catalog-events");
    }

    AutoCloseable add(CatalogListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** These entities' changes have committed: tell the listeners (nothing when there are none). */
    void committed(Collection<String> refs) {
        if (refs.isEmpty() || listeners.isEmpty()) {
            return;
        }
        Set<String> copy = Set.copyOf(new LinkedHashSet<>(refs));
        try {
            lane.execute(() -> {
                for (CatalogListener listener : listeners) {
                    try {
                        listener.entitiesChanged(copy);
                    } catch (RuntimeException | LinkageError e) {
                        LOG.log(Level.WARNING, "A catalog listener failed", e);
                    }
                }
            });
        } catch (RejectedExecutionException closing) {
            // the catalog is stopping
        }
    }

    @Override
    public void close() {
        lane.close();
    }
}
