package dev.backlot.plugins.testing;

import dev.backlot.plugins.BundleSource;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.internal.FelixPluginHost;
import dev.backlot.plugins.internal.HostExports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portal's real plugin host for a plugin's own tests: the same Felix, the same exported SPI
 * and Declarative Services, with none of the rest of the portal.
 *
 * <pre>{@code
 * try (var host = PluginTestHost.start(tempDir)) {
 *     host.install(Path.of("target/my-plugin.jar"));
 *     ScaffolderAction action = host.extensions().services(ScaffolderAction.class).get(0);
 *     ...
 * }
 * }</pre>
 *
 * <p>Declarative Services comes from the test class path: add {@code org.apache.felix.scr},
 * {@code org.osgi.service.component}, {@code org.osgi.util.promise} and
 * {@code org.osgi.util.function} as test dependencies (versions in the portal's parent POM).
 */
public final class PluginTestHost implements AutoCloseable {

    /** A class from each bundle Declarative Services needs, in install order. */
    private static final List<String> DS_CLASSES = List.of("org.osgi.util.function.Function",
            "org.osgi.util.promise.Promise", "org.osgi.service.component.ComponentContext",
            "org.apache.felix.scr.impl.Activator");

    private final FelixPluginHost host;

    private PluginTestHost(FelixPluginHost host) {
        this.host = host;
    }

    /** Starts a framework whose cache lives under {@code workDir}. */
    public static PluginTestHost start(Path workDir) throws Exception {
        FelixPluginHost host = new FelixPluginHost(workDir.resolve("felix-cache"), HostExports.exportPackage());
        host.start(declarativeServicesFromClassPath());
        return new PluginTestHost(host);
    }

    /** Installs and starts a bundle jar; the location is the file's URI. */
    public Optional<PluginInfo> install(Path jar) {
        String location = jar.toAbsolutePath().toUri().toString();
        host.install(location, read(jar), true);
        return byLocation(location);
    }

    /** Replaces the bundle installed from {@code installedFrom} with {@code newJar}, in place. */
    public Optional<PluginInfo> update(Path installedFrom, Path newJar) {
        String location = installedFrom.toAbsolutePath().toUri().toString();
        host.update(location, read(newJar), true);
        return byLocation(location);
    }

    /** Uninstalls the bundle installed from {@code installedFrom}. */
    public void uninstall(Path installedFrom) {
        host.uninstall(installedFrom.toAbsolutePath().toUri().toString());
    }

    /** What the portal's console would list. */
    public List<PluginInfo> plugins() {
        return host.plugins();
    }

    /** The services plugins register now, as the portal sees them. */
    public ExtensionRegistry extensions() {
        return host;
    }

    @Override
    public void close() {
        host.close();
    }

    private Optional<PluginInfo> byLocation(String location) {
        return host.plugins().stream().filter(p -> location.equals(p.location())).findFirst();
    }

    private static List<BundleSource> declarativeServicesFromClassPath() {
        List<BundleSource> out = new ArrayList<>();
        for (String className : DS_CLASSES) {
            try {
                Class<?> type = Class.forName(className, false, PluginTestHost.class.getClassLoader());
                Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                out.add(new BundleSource(jar.getFileName().toString(), read(jar)));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(className + " is not on the test class path; add Declarative Services"
                        + " (org.apache.felix.scr and its three OSGi API bundles) as test dependencies", e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static byte[] read(Path jar) {
        try {
            return Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
