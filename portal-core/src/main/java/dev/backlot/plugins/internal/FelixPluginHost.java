package dev.backlot.plugins.internal;

import dev.backlot.plugins.BundleSource;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginHost;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.spi.catalog.EntityProcessor;
import dev.backlot.spi.catalog.EntityProvider;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import dev.backlot.spi.search.SearchCollator;
import dev.backlot.spi.techdocs.DocsRenderer;
import dev.backlot.spi.ui.UiContribution;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;
import dev.backlot.plugins.ExtensionListener;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Apache Felix embedded in the portal: starts and stops the framework, installs, updates and removes
 * bundles, and tracks the extension services they register.
 *
 * <p>The framework cache is wiped at every start ({@code storage.clean=onFirstInit}): what runs is
 * always rebuilt from the desired state in the database and the drop-in folder, never from a cache
 * that another portal version wrote.
 *
 * <p>Bundle operations are serialised on this object; service look-ups are lock-free.
 *
 * <p>Several bundles of one symbolic name may be installed at once ({@code bsnversion=multiple}):
 * an update starts the new revision as a bundle of its own beside the old one. Which of them
 * <em>serves</em> is decided by {@link #hidden()}: {@link #extensions(Class)} leaves out the services
 * of hidden bundles, and a switch changes the set in one write, so that callers see either the old
 * services or the new ones, never neither and never both.
 */
public final class FelixPluginHost implements PluginHost, ExtensionRegistry, AutoCloseable {

    /** The extension interfaces the portal tracks, in {@code dev.backlot.spi.*}. */
    public static final List<Class<?>> EXTENSION_TYPES = List.of(EntityProcessor.class, EntityProvider.class,
            ScaffolderAction.class, SearchCollator.class, UiContribution.class,
            DocsRenderer.class);

    private static final Logger LOG = Logger.getLogger(FelixPluginHost.class.getName());
    private static final long REFRESH_TIMEOUT_MS = 30_000;

    private final Path cacheDir;
    private final String exports;
    private final Map<Class<?>, ServiceTracker<Object, LazyServices.Held>> trackers = new ConcurrentHashMap<>();
    private final Map<Class<?>, LazyServices> lazy = new ConcurrentHashMap<>();
    /** Types whose last look-up met a registered service that could not be got yet. */
    private final Set<Class<?>> incomplete = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private final ExtensionEvents events;
    /** Why a location is not active, by location; cleared when it starts or goes away. */
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final GuardedPluginCalls calls = new GuardedPluginCalls();
    private final HiddenBundles hidden = new HiddenBundles();
    private volatile Felix felix;

    /**
     * A host whose extension events run on the runtime's scheduler.
     *
     * @param scheduler the runtime's scheduler; the host does not stop it
     */
    public FelixPluginHost(Path cacheDir, String exports, ScheduledExecutorService scheduler) {
        this(cacheDir, exports, scheduler, false);
    }

    /** A host with a small scheduler of its own for its extension events (tests, the plugin test host). */
    public FelixPluginHost(Path cacheDir, String exports) {
        this(cacheDir, exports, java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backlot-plugin-events");
            t.setDaemon(true);
            return t;
        }), true);
    }

    private FelixPluginHost(Path cacheDir, String exports, ScheduledExecutorService scheduler, boolean ownScheduler) {
        this.cacheDir = cacheDir;
        this.exports = exports;
        this.scheduler = scheduler;
        this.ownScheduler = ownScheduler;
        this.events = new ExtensionEvents(scheduler, this::serving, type -> !incomplete.contains(type));
        hidden.onChange(() -> events.changedAll(EXTENSION_TYPES));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<? extends Extension<?>> serving(Class<?> type) {
        return (List) extensions((Class) type);
    }

    @Override
    public <S> Subscription addListener(Class<S> type, ExtensionListener<S> listener) {
        if (!EXTENSION_TYPES.contains(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a portal extension interface");
        }
        return events.add(type, listener);
    }

    /**
     * Starts the framework and the framework's own service bundles (Declarative Services and its
     * dependencies), which are installed from {@code infrastructure} in the given order.
     */
    public synchronized void start(List<BundleSource> infrastructure) throws BundleException {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cacheDir.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, exports);
        // Keep Felix away from the JVM-wide URL handler factory: it belongs to the application server.
        config.put("felix.service.urlhandlers", "false");
        config.put("felix.log.level", "1");
        // Blue-green updates run two bundles of one symbolic name (possibly of one version) side by side.
        config.put(Constants.FRAMEWORK_BSNVERSION, Constants.FRAMEWORK_BSNVERSION_MULTIPLE);
        Felix framework = new Felix(config);
        framework.init();
        framework.start();
        felix = framework;
        List<Bundle> installed = new ArrayList<>();
        for (BundleSource source : infrastructure) {
            installed.add(framework.getBundleContext().installBundle("system:" + source.fileName(),
                    new ByteArrayInputStream(source.bytes())));
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        for (Class<?> type : EXTENSION_TYPES) {
            LazyServices services = new LazyServices(framework.getBundleContext(), () -> events.changed(type));
            lazy.put(type, services);
            ServiceTracker<Object, LazyServices.Held> tracker = new ServiceTracker<>(framework.getBundleContext(),
                    type.getName(), services);
            tracker.open();
            trackers.put(type, tracker);
        }
        LOG.info(() -> "Plugin framework started with exports " + exports);
    }

    /**
     * Installs a bundle and, when asked, starts it. A bundle that installs but cannot start stays
     * installed, and {@link #plugins()} says why; a jar that cannot be installed at all is listed as
     * {@code FAILED} under its location.
     *
     * @return the bundle, or empty when it could not be installed
     */
    public synchronized Optional<Bundle> install(String location, byte[] jar, boolean start) {
        Felix framework = requireRunning();
        problems.remove(location);
        Bundle bundle;
        try {
            bundle = framework.getBundleContext().installBundle(location, new ByteArrayInputStream(jar));
        } catch (BundleException | RuntimeException e) {
            fail(location, e);
            return Optional.empty();
        }
        if (start) {
            startBundle(bundle);
        }
        return Optional.of(bundle);
    }

    /** Replaces the bundle at {@code location} with a new jar in place, then refreshes its wiring. */
    public synchronized boolean update(String location, byte[] jar, boolean start) {
        Optional<Bundle> existing = bundleAt(location);
        if (existing.isEmpty()) {
            return install(location, jar, start).isPresent();
        }
        Bundle bundle = existing.get();
        problems.remove(location);
        try {
            bundle.update(new ByteArrayInputStream(jar));
            refresh(bundle);
        } catch (BundleException | RuntimeException e) {
            fail(location, e);
            return false;
        }
        if (start) {
            startBundle(bundle);
        }
        return true;
    }

    /** Uninstalls the bundle at {@code location}, if any, and forgets its problems. */
    public synchronized void uninstall(String location) {
        problems.remove(location);
        Optional<Bundle> existing = bundleAt(location);
        if (existing.isEmpty()) {
            return;
        }
        try {
            existing.get().uninstall();
            hidden.unhide(existing.get().getBundleId());
            refresh(existing.get());
        } catch (BundleException | RuntimeException e) {
            LOG.log(Level.WARNING, "Uninstalling " + location + " failed", e);
        }
    }

    public Optional<Bundle> bundleAt(String location) {
        Felix framework = felix;
        return framework == null ? Optional.empty() : Optional.ofNullable(framework.getBundleContext().getBundle(location));
    }

    /** Records why a jar meant for {@code location} was not installed; listed as {@code FAILED}. */
    public void refuse(String location, String reason) {
        problems.put(location, reason);
    }

    /** The problem recorded for a location, if any. */
    public Optional<String> problem(String location) {
        return Optional.ofNullable(problems.get(location));
    }

    @Override
    public boolean isRunning() {
        Felix framework = felix;
        return framework != null && framework.getState() == Bundle.ACTIVE;
    }

    @Override
    public List<PluginInfo> plugins() {
        Felix framework = felix;
        if (framework == null) {
            return List.of();
        }
        Map<String, PluginInfo> byLocation = new LinkedHashMap<>();
        Arrays.stream(framework.getBundleContext().getBundles())
                .filter(b -> b.getBundleId() != 0)
                .sorted(Comparator.comparingLong(Bundle::getBundleId))
                .forEach(b -> byLocation.put(b.getLocation(), describe(b)));
        problems.forEach((location, problem) -> byLocation.putIfAbsent(location,
                new PluginInfo(-1, null, location, null, "FAILED", location, List.of(), problem)));
        return List.copyOf(byLocation.values());
    }

    @Override
    public ExtensionRegistry extensions() {
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> List<Extension<S>> extensions(Class<S> type) {
        LazyServices services = lazy.get(type);
        if (services == null) {
            if (!EXTENSION_TYPES.contains(type)) {
                throw new IllegalArgumentException(type.getName() + " is not a portal extension interface");
            }
            return List.of(); // the framework is not started (yet)
        }
        Map<ServiceReference<Object>, LazyServices.Held> tracked = services.tracked();
        @SuppressWarnings("rawtypes")
        ServiceReference[] refs = tracked.keySet().toArray(new ServiceReference[0]);
        // ServiceReference orders by ranking, then by age: the "greatest" is the one to prefer.
        Arrays.sort(refs, Comparator.reverseOrder());
        List<Extension<S>> out = new ArrayList<>(refs.length);
        Set<Long> hiddenNow = hidden.snapshot();
        boolean allGot = true;
        for (ServiceReference<?> ref : refs) {
            Bundle owner = ref.getBundle();
            if (owner == null || hiddenNow.contains(owner.getBundleId())) {
                continue;
            }
            LazyServices.Held held = tracked.get(ref);
            Object service = held == null ? null : services.service(held);
            allGot &= service != null;
            Bundle bundle = ref.getBundle();
            if (service != null && bundle != null) {
                Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
                out.add(new Extension<>(type.cast(service), bundle.getBundleId(), bundle.getSymbolicName(),
                        ranking instanceof Integer i ? i : 0));
            }
        }
        if (allGot) {
            incomplete.remove(type);
        } else {
            incomplete.add(type);
        }
        return out;
    }

    @Override
    public GuardedPluginCalls calls() {
        return calls;
    }

    @Override
    public Optional<URL> entry(long bundleId, String path) {
        if (path == null || path.isEmpty() || path.contains("..") || path.contains("\\")) {
            return Optional.empty();
        }
        return bundle(bundleId).map(b -> b.getEntry(path.startsWith("/") ? path : "/" + path));
    }

    @Override
    public Optional<Long> revision(long bundleId) {
        // Felix gives every revision of a bundle its own last-modified stamp; with the id it names
        // one revision uniquely.
        return bundle(bundleId).map(Bundle::getLastModified);
    }

    /**
     * Which bundles are left out of {@link #extensions(Class)}; {@link HiddenBundles#switchServing}
     * moves serving from one bundle to another so that a concurrent look-up sees one or the other.
     */
    public HiddenBundles hidden() {
        return hidden;
    }

    /**
     * Starts an installed bundle.
     *
     * @return why it did not start, empty when it did
     */
    public synchronized Optional<String> start(long bundleId) {
        Optional<Bundle> bundle = bundle(bundleId);
        if (bundle.isEmpty()) {
            return Optional.of("bundle " + bundleId + " is not installed");
        }
        problems.remove(bundle.get().getLocation());
        startBundle(bundle.get());
        return problem(bundle.get().getLocation());
    }

    /**
     * Resolves an installed bundle without starting it.
     *
     * @return why it does not resolve, empty when it does
     */
    public synchronized Optional<String> resolve(long bundleId) {
        Felix framework = requireRunning();
        Optional<Bundle> bundle = bundle(bundleId);
        if (bundle.isEmpty()) {
            return Optional.of("bundle " + bundleId + " is not installed");
        }
        if (framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle.get()))) {
            return Optional.empty();
        }
        // resolveBundles says only whether; a start attempt would say why, but would also run the bundle.
        return Optional.of("the framework cannot resolve it (an import, Require-Bundle or Require-Capability"
                + " is not satisfied)");
    }

    /** Stops a bundle; a failure of its own stop code is logged, the bundle is stopped anyway. */
    public synchronized void stop(long bundleId) {
        bundle(bundleId).ifPresent(b -> {
            try {
                b.stop();
            } catch (BundleException | RuntimeException e) {
                LOG.log(Level.WARNING, "Stopping " + b.getLocation() + " reported a failure", e);
            }
        });
    }

    /**
     * A service one bundle registers for an extension interface.
     *
     * @param type the extension interface it is registered under
     * @param serviceId its {@code service.id}, unique for the framework's lifetime
     */
    public record Registered(Class<?> type, Extension<?> extension, long serviceId) {
    }

    /**
     * Every extension service one bundle registers now, served or hidden: for the console's list of
     * contributions. Use the service objects through {@link #calls()} and within the current call only.
     */
    public List<Registered> extensionsOf(long bundleId) {
        Optional<Bundle> bundle = bundle(bundleId);
        ServiceReference<?>[] refs = bundle.map(Bundle::getRegisteredServices).orElse(null);
        Felix framework = felix;
        if (refs == null || framework == null) {
            return List.of();
        }
        List<Registered> out = new ArrayList<>();
        for (ServiceReference<?> ref : refs) {
            for (String name : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
                for (Class<?> type : EXTENSION_TYPES) {
                    if (!type.getName().equals(name)) {
                        continue;
                    }
                    Object service = framework.getBundleContext().getService(ref);
                    if (service != null) {
                        framework.getBundleContext().ungetService(ref);
                        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
                        out.add(new Registered(type, new Extension<>(service, bundleId, bundle.get().getSymbolicName(),
                                ranking instanceof Integer i ? i : 0), (Long) ref.getProperty(Constants.SERVICE_ID)));
                    }
                }
            }
        }
        return out;
    }

    /** Every package the system bundle and the installed bundles export, from their manifests. */
    public List<ImportCheck.PackageExport> packageExports() {
        Felix framework = felix;
        if (framework == null) {
            return List.of();
        }
        List<ImportCheck.PackageExport> out = new ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            BundleRevision revision = bundle.getState() == Bundle.UNINSTALLED ? null : bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                Object name = capability.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
                Object version = capability.getAttributes().get(Constants.VERSION_ATTRIBUTE);
                out.add(new ImportCheck.PackageExport(String.valueOf(name),
                        version instanceof Version v ? v : Version.emptyVersion,
                        bundle.getBundleId() == 0 ? null : bundle.getSymbolicName()));
            }
        }
        return out;
    }

    /** Every installed bundle except the framework itself. */
    public List<Bundle> bundles() {
        Felix framework = felix;
        return framework == null ? List.of() : Arrays.stream(framework.getBundleContext().getBundles())
                .filter(b -> b.getBundleId() != 0).toList();
    }

    Optional<Bundle> bundle(long bundleId) {
        Felix framework = felix;
        if (framework == null || bundleId <= 0) {
            return Optional.empty();
        }
        Bundle bundle = framework.getBundleContext().getBundle(bundleId);
        return bundle == null || bundle.getState() == Bundle.UNINSTALLED ? Optional.empty() : Optional.of(bundle);
    }

    @Override
    public synchronized void close() {
        Felix framework = felix;
        if (framework == null) {
            return;
        }
        events.close();
        trackers.values().forEach(ServiceTracker::close);
        trackers.clear();
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(30_000);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warning("Plugin framework did not stop within 30 s");
            }
        } catch (BundleException | InterruptedException e) {
            LOG.log(Level.WARNING, "Stopping the plugin framework failed", e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            felix = null;
            calls.close();
        }
    }

    private void startBundle(Bundle bundle) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return; // fragments attach to their host; they are never started
        }
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            fail(bundle.getLocation(), e);
        }
    }

    private void fail(String location, Throwable e) {
        String reason = BundleProblems.describe(e);
        problems.put(location, reason);
        LOG.warning(() -> "Plugin " + location + ": " + reason);
    }

    private void refresh(Bundle bundle) throws BundleException {
        Felix framework = requireRunning();
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            if (!done.await(REFRESH_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new BundleException("Refreshing " + bundle.getLocation() + " took over 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("Interrupted while refreshing " + bundle.getLocation(), e);
        }
    }

    private PluginInfo describe(Bundle bundle) {
        List<String> services = new ArrayList<>();
        ServiceReference<?>[] registered = bundle.getState() == Bundle.UNINSTALLED ? null : bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> ref : registered) {
                for (String name : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
                    if (name.startsWith("dev.backlot.spi.") && !services.contains(name)) {
                        services.add(name);
                    }
                }
            }
        }
        String name = bundle.getHeaders().get(Constants.BUNDLE_NAME);
        return new PluginInfo(bundle.getBundleId(), bundle.getSymbolicName(),
                name == null ? bundle.getSymbolicName() : name, bundle.getVersion().toString(), stateName(bundle),
                bundle.getLocation(), services, bundle.getState() == Bundle.ACTIVE ? null : problems.get(bundle.getLocation()));
    }

    static String stateName(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "UNKNOWN";
        };
    }

    private Felix requireRunning() {
        Felix framework = felix;
        if (framework == null) {
            throw new IllegalStateException("The plugin framework is not running");
        }
        return framework;
    }
}
