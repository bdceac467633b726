package dev.backlot.plugins.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Tracks service references and gets each service object on its first use, not when it is
 * registered.
 *
 * <p>Why: the default {@code ServiceTracker} gets the service inside the registration event. For a
 * Declarative Services component that is still being registered, that can answer {@code null}, and
 * the tracker then ignores the service until some later event: a catalog run right after a plugin
 * started could miss its processor. Here a reference is always tracked, and a service object that
 * is not available yet is simply asked for again at the next use.
 */
final class LazyServices implements ServiceTrackerCustomizer<Object, LazyServices.Held> {

    private final BundleContext context;
    private final Runnable changed;
    /**
     * The tracked references, kept here rather than read from the tracker: the tracker records a
     * reference only after {@link #addingService} returns, so a listener told from inside it could
     * look before the reference is there and miss it.
     */
    private final Map<ServiceReference<Object>, Held> tracked = new ConcurrentHashMap<>();

    /** @param changed called after a reference of this type came, changed or went */
    LazyServices(BundleContext context, Runnable changed) {
        this.context = context;
        this.changed = changed;
    }

    /** One tracked reference and, once got, its service object. */
    static final class Held {
        final ServiceReference<Object> reference;
        private Object service;

        Held(ServiceReference<Object> reference) {
            this.reference = reference;
        }
    }

    /** The service object, got now if not yet; {@code null} when the framework has none to give (yet). */
    Object service(Held held) {
        synchronized (held) {
            if (held.service == null) {
                held.service = context.getService(held.reference);
            }
            return held.service;
        }
    }

    /** The references tracked now, in no particular order. */
    Map<ServiceReference<Object>, Held> tracked() {
        return tracked;
    }

    @Override
    public Held addingService(ServiceReference<Object> reference) {
        Held held = new Held(reference);
        tracked.put(reference, held);
        changed.run();
        return held;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Held held) {
        // the reference is live; properties (ranking) are read from it at each use
        changed.run();
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Held held) {
        tracked.remove(reference);
        synchronized (held) {
            if (held.service != null) {
                held.service = null;
                try {
                    context.ungetService(reference);
                } catch (IllegalStateException frameworkStopping) {
                    // the framework is stopping: it releases every service itself
                }
            }
        }
        changed.run();
    }
}
