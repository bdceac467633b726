package dev.backlot.plugins.internal;

import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The database-kept plugins this node runs, and which bundle serves each: the blue-green mechanics.
 *
 * <p>A new version is {@linkplain #stage staged} as a bundle of its own at
 * {@code backlot:<symbolic name>#<seq>}, hidden from the registry, started, and given time to register
 * the extension services its manifest promises. {@link #promote} then switches serving from the old
 * bundle to the new one in one step, waits for the old one's guarded calls in flight (capped) and
 * uninstalls it. Callers serialise every method on one lock (the manager and the sync share it).
 */
final class LocalPlugins {

    static final String LOCATION_PREFIX = "backlot:";
    private static final Logger LOG = Logger.getLogger(LocalPlugins.class.getName());
    /**
     * A caller may have looked up the old service just before the switch and not yet entered the
     * guard, where it would count as in flight; this pause lets such calls begin before the drain.
     */
    private static final long SWITCH_GRACE_MS = 100;

    /**
     * One plugin bundle on this node.
     *
     * @param seq the stored version it was installed from
     * @param started whether it should run (and, once promoted, serve)
     */
    record Local(String symbolicName, int seq, String sha256, long bundleId, String location, boolean started) {

        Local withStarted(boolean value) {
            return new Local(symbolicName, seq, sha256, bundleId, location, value);
        }
    }

    private final FelixPluginHost host;
    private final Duration serviceWait;
    private final Duration drainWait;
    private final Map<String, Local> current = new ConcurrentHashMap<>();

    /**
     * @param serviceWait how long a started bundle may take to register its promised services
     * @param drainWait how long a retired bundle's calls in flight are waited for before it goes anyway
     */
    LocalPlugins(FelixPluginHost host, Duration serviceWait, Duration drainWait) {
        this.host = host;
        this.serviceWait = serviceWait;
        this.drainWait = drainWait;
    }

    static String location(String symbolicName, int seq) {
        return LOCATION_PREFIX + symbolicName + "#" + seq;
    }

    Optional<Local> get(String symbolicName) {
        return Optional.ofNullable(current.get(symbolicName));
    }

    List<Local> all() {
        return new ArrayList<>(current.values());
    }

    /**
     * Installs a version beside the current one without serving it, and starts it when asked (else
     * only resolves it).
     *
     * @throws PluginRefusedException INVALID when the framework rejects the manifest, CONFLICT when
     *     the bundle does not resolve, its activator fails or its promised services do not appear;
     *     the staged bundle is gone again and the current one untouched
     */
    Local stage(String symbolicName, int seq, String sha256, byte[] jar, boolean start) {
        String location = location(symbolicName, seq);
        Local now = current.get(symbolicName);
        if (now != null && now.location().equals(location)) {
            throw new IllegalStateException(location + " is already the current bundle");
        }
        // A bundle left at this location by a retire that failed must not pass for the new one.
        host.bundleAt(location).ifPresent(leftover -> host.uninstall(location));
        Optional<Bundle> bundle = host.install(location, jar, false);
        if (bundle.isEmpty()) {
            String problem = host.problem(location).orElse("the framework refused it");
            host.uninstall(location);
            throw new PluginRefusedException(problem.startsWith("Invalid bundle manifest") ? Reason.INVALID
                    : Reason.CONFLICT, symbolicName + " cannot be installed: " + problem);
        }
        Local staged = new Local(symbolicName, seq, sha256, bundle.get().getBundleId(), location, start);
        host.hidden().hide(staged.bundleId());
        Optional<String> problem = start ? host.start(staged.bundleId()).or(() -> awaitServices(bundle.get()))
                : host.resolve(staged.bundleId());
        if (problem.isPresent()) {
            host.uninstall(location);
            throw new PluginRefusedException(Reason.CONFLICT, symbolicName + " " + bundle.get().getVersion()
                    + (start ? " did not start: " : " does not resolve: ") + problem.get());
        }
        return staged;
    }

    /** Makes a staged bundle the current one (serving when started) and retires the previous one. */
    void promote(Local staged) {
        Local old = current.get(staged.symbolicName());
        if (staged.started()) {
            host.hidden().switchServing(old == null ? -1 : old.bundleId(), staged.bundleId());
        } else if (old != null) {
            host.hidden().hide(old.bundleId());
        }
        current.put(staged.symbolicName(), staged);
        if (old != null) {
            retire(old);
        }
    }

    /** Removes a staged bundle that will not be promoted. */
    void discard(Local staged) {
        host.uninstall(staged.location());
    }

    /** Stops serving, lets calls in flight finish (capped), then stops the bundle. */
    void stop(String symbolicName) {
        Local local = current.get(symbolicName);
        if (local == null || !local.started()) {
            return;
        }
        host.hidden().hide(local.bundleId());
        drain(local);
        host.stop(local.bundleId());
        current.put(symbolicName, local.withStarted(false));
    }

    /**
     * Starts the current bundle and serves it once its promised services are registered.
     *
     * @throws PluginRefusedException CONFLICT when it does not start; it stays stopped
     */
    void start(String symbolicName) {
        Local local = current.get(symbolicName);
        if (local == null || local.started()) {
            return;
        }
        Optional<String> problem = host.start(local.bundleId())
                .or(() -> host.bundle(local.bundleId()).flatMap(this::awaitServices));
        if (problem.isPresent()) {
            host.stop(local.bundleId());
            throw new PluginRefusedException(Reason.CONFLICT, symbolicName + " did not start: " + problem.get());
        }
        host.hidden().unhide(local.bundleId());
        current.put(symbolicName, local.withStarted(true));
    }

    /** Stops serving and uninstalls the plugin's bundle. */
    void remove(String symbolicName) {
        Local local = current.remove(symbolicName);
        if (local != null) {
            retire(local);
        }
    }

    private void retire(Local old) {
        host.hidden().hide(old.bundleId());
        drain(old);
        host.uninstall(old.location());
    }

    private void drain(Local local) {
        try {
            Thread.sleep(SWITCH_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!host.calls().awaitIdle(local.bundleId(), drainWait.toMillis())) {
            LOG.warning(() -> local.location() + " still had calls in flight after " + drainWait.toMillis()
                    + " ms; going on without them");
        }
    }

    /** Waits until the bundle registers every extension service its manifest promises. */
    private Optional<String> awaitServices(Bundle bundle) {
        List<String> promised;
        try {
            promised = PluginChecks.promisedServices(HeaderClauses.parse(bundle.getHeaders().get(Constants.PROVIDE_CAPABILITY)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // checked before staging; an unreadable header promises nothing we can wait for
        }
        long deadline = System.nanoTime() + serviceWait.toNanos();
        while (true) {
            List<String> missing = new ArrayList<>(promised);
            missing.removeAll(registered(bundle));
            if (missing.isEmpty()) {
                return Optional.empty();
            }
            if (bundle.getState() != Bundle.ACTIVE || System.nanoTime() > deadline) {
                return Optional.of("it did not register " + String.join(", ", missing) + " within "
                        + serviceWait.toMillis() + " ms (state " + FelixPluginHost.stateName(bundle)
                        + "; is a Declarative Services reference unsatisfied or its activate method failing?)");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for its services");
            }
        }
    }

    private static List<String> registered(Bundle bundle) {
        List<String> out = new ArrayList<>();
        ServiceReference<?>[] refs = bundle.getState() == Bundle.UNINSTALLED ? null : bundle.getRegisteredServices();
        if (refs != null) {
            for (ServiceReference<?> ref : refs) {
                out.addAll(List.of((String[]) ref.getProperty(Constants.OBJECTCLASS)));
            }
        }
        return out;
    }
}
