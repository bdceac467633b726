package dev.backlot.plugins.internal;

import dev.backlot.common.SerialExecutor;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionListener;
import dev.backlot.plugins.ExtensionRegistry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers {@link ExtensionListener} events by comparing what the registry serves now with what
 * each listener was last told, whenever a tracker or the hidden set says something changed.
 *
 * <p>Why compare instead of forwarding tracker events: a tracker event names a registration, not
 * what the registry serves (a staged bundle is registered but hidden; the switch of an update
 * changes nothing a tracker sees), and a Declarative Services component can still answer
 * {@code null} inside its own registration event. Comparing on the scheduler, shortly after, gives
 * listeners exactly what {@link ExtensionRegistry#extensions} would, with callable services. A type
 * whose registered service could not be got yet is looked at again a little later.
 */
final class ExtensionEvents implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExtensionEvents.class.getName());
    private static final long RETRY_MS = 100;
    private static final int MAX_RETRIES = 100;

    private final ScheduledExecutorService scheduler;
    private final SerialExecutor lane;
    private final Function<Class<?>, List<? extends Extension<?>>> serving;
    private final Function<Class<?>, Boolean> complete;
    private final Map<Class<?>, List<Listening<?>>> listeners = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Class<?>> dirty = new LinkedHashSet<>();
    private final Map<Class<?>, Integer> retries = new java.util.HashMap<>();
    private boolean queued;

    /**
     * @param serving what the registry serves now for a type
     * @param complete whether every registered service of a type could be got (no retry needed)
     */
    ExtensionEvents(ScheduledExecutorService scheduler, Function<Class<?>, List<? extends Extension<?>>> serving,
            Function<Class<?>, Boolean> complete) {
        this.scheduler = scheduler;
        this.lane = new SerialExecutor(scheduler, "plugin-events");
        this.serving = serving;
        this.complete = complete;
    }

    /** One listener and what it was last told, by service object. */
    private static final class Listening<S> {
        final ExtensionListener<S> listener;
        final Map<Object, Extension<S>> told = new IdentityHashMap<>();
        volatile boolean open = true;

        Listening(ExtensionListener<S> listener) {
            this.listener = listener;
        }
    }

    <S> ExtensionRegistry.Subscription add(Class<S> type, ExtensionListener<S> listener) {
        Listening<S> entry = new Listening<>(listener);
        listeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(entry);
        changed(type);
        return () -> {
            entry.open = false;
            List<Listening<?>> of = listeners.get(type);
            if (of != null) {
                of.remove(entry);
            }
        };
    }

    /** Something about {@code type} may have changed: deliver the differences soon. */
    void changed(Class<?> type) {
        synchronized (dirty) {
            dirty.add(type);
            if (!queued) {
                queued = true;
                try {
                    lane.execute(this::deliver);
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    queued = false;
                }
            }
        }
    }

    /** Every type may have changed (the hidden set moved). */
    void changedAll(Iterable<Class<?>> types) {
        types.forEach(this::changed);
    }

    private void deliver() {
        List<Class<?>> types;
        synchronized (dirty) {
            types = new ArrayList<>(dirty);
            dirty.clear();
            queued = false;
        }
        for (Class<?> type : types) {
            List<Listening<?>> of = listeners.getOrDefault(type, List.of());
            if (!of.isEmpty()) {
                List<? extends Extension<?>> now = serving.apply(type);
                of.forEach(entry -> tell(entry, now));
            }
            if (!complete.apply(type)) {
                int tries = retries.merge(type, 1, Integer::sum);
                if (tries <= MAX_RETRIES) {
                    scheduler.schedule(() -> changed(type), RETRY_MS, TimeUnit.MILLISECONDS);
                }
            } else {
                retries.remove(type);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> void tell(Listening<S> entry, List<? extends Extension<?>> now) {
        Map<Object, Extension<S>> current = new IdentityHashMap<>();
        now.forEach(e -> current.put(e.service(), (Extension<S>) e));
        for (Extension<?> any : now) {
            Extension<S> extension = (Extension<S>) any;
            Extension<S> before = entry.told.put(extension.service(), extension);
            if (before == null) {
                call(entry, () -> entry.listener.added(extension));
            } else if (before.ranking() != extension.ranking()) {
                call(entry, () -> entry.listener.modified(extension));
            }
        }
        // Removals after additions: when an update switches revisions, the new service is there
        // before the old one goes (a provider's entities never disappear in between).
        for (Extension<S> gone : new ArrayList<>(entry.told.values())) {
            if (!current.containsKey(gone.service())) {
                entry.told.remove(gone.service());
                call(entry, () -> entry.listener.removed(gone));
            }
        }
    }

    private static void call(Listening<?> entry, Runnable event) {
        if (!entry.open) {
            return;
        }
        try {
            event.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "An extension listener failed", e);
        }
    }

    @Override
    public void close() {
        lane.close();
        listeners.clear();
    }
}
