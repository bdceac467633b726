package dev.backlot.plugins.internal;

import dev.backlot.plugins.internal.fixture.RankedActionActivator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small bundle jars in memory for host tests. */
public final class TestBundles {

    private TestBundles() {
    }

    /** A bundle whose activator registers a ScaffolderAction {@code actionId} with {@code ranking}. */
    public static byte[] action(String symbolicName, String version, String actionId, int ranking) {
        return action(symbolicName, version, actionId, ranking, Map.of());
    }

    /** {@link #action(String, String, String, int)} with extra manifest headers. */
    public static byte[] action(String symbolicName, String version, String actionId, int ranking,
            Map<String, String> extra) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("X-Action-Id", actionId,
                "X-Ranking", String.valueOf(ranking), "Bundle-Activator", RankedActionActivator.class.getName(),
                "Import-Package", "org.osgi.framework,dev.backlot.spi.scaffolder"));
        headers.putAll(extra);
        return jar(symbolicName, version, headers, true);
    }

    /** A bundle whose activator throws {@code message}. */
    public static byte[] failingActivator(String symbolicName, String message) {
        return jar(symbolicName, "1.0.0", Map.of("X-Fail", message, "Bundle-Activator",
                RankedActionActivator.class.getName(), "Import-Package", "org.osgi.framework,dev.backlot.spi.scaffolder"),
                true);
    }

    /** A bundle whose activator registers an EntityProcessor behaving as {@code mode} (see ProcessorActivator). */
    public static byte[] processor(String symbolicName, String version, String mode) {
        return jar(symbolicName, version, Map.of("X-Mode", mode, "Bundle-Activator",
                dev.backlot.plugins.internal.fixture.ProcessorActivator.class.getName(),
                "Import-Package", "org.osgi.framework,dev.backlot.spi.catalog,dev.backlot.model"), true);
    }

    /** A bundle registering a UiContribution per {@code slot:id} in {@code contributions} (comma-separated). */
    public static byte[] ui(String symbolicName, String version, String contributions) {
        return jar(symbolicName, version, Map.of("X-Ui", contributions, "Bundle-Activator",
                dev.backlot.plugins.internal.fixture.UiActivator.class.getName(),
                "Import-Package", "org.osgi.framework,dev.backlot.spi.ui"), true);
    }

    /** A bundle registering an EntityProvider {@code providerName} that pushes one component when connected. */
    public static byte[] provider(String symbolicName, String version, String providerName) {
        return jar(symbolicName, version, Map.of("X-Provider", providerName, "Bundle-Activator",
                dev.backlot.plugins.internal.fixture.ProviderActivator.class.getName(),
                "Import-Package", "org.osgi.framework,dev.backlot.spi.catalog,dev.backlot.model"), true);
    }

    /** A bundle with only a manifest, carrying the given extra headers. */
    public static byte[] plain(String symbolicName, String version, Map<String, String> headers) {
        return jar(symbolicName, version, headers, false);
    }

    /** A zip with exactly these entries, in order, and no manifest unless one is among them. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A manifest file's bytes with exactly these main attributes (plus Manifest-Version). */
    public static byte[] manifest(Map<String, String> headers) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            manifest.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] jar(String symbolicName, String version, Map<String, String> headers, boolean withFixture) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            if (withFixture) {
                add(jar, RankedActionActivator.class);
                add(jar, RankedActionActivator.Action.class);
                add(jar, dev.backlot.plugins.internal.fixture.ProcessorActivator.class);
                add(jar, dev.backlot.plugins.internal.fixture.ProcessorActivator.Processor.class);
                add(jar, dev.backlot.plugins.internal.fixture.UiActivator.class);
                add(jar, dev.backlot.plugins.internal.fixture.ProviderActivator.class);
                add(jar, dev.backlot.plugins.internal.fixture.ProviderActivator.Provider.class);
                add(jar, dev.backlot.plugins.internal.fixture.UiActivator.Contribution.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(JarOutputStream jar, Class<?> type) throws IOException {
        String path = type.getName().replace('.', '/') + ".class";
        jar.putNextEntry(new JarEntry(path));
        try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }
}
