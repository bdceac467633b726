package dev.backlot.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarInputStream;
import org.osgi.framework.Version;

/**
 * The identity of a bundle jar read before it is installed.
 *
 * @param symbolicName {@code Bundle-SymbolicName} without directives
 * @param version {@code Bundle-Version}, {@code 0.0.0} when absent
 */
record BundleManifest(String symbolicName, Version version) {

    /** The main attributes of a jar's manifest, in the order written; empty when it has none. */
    static Map<String, String> headers(byte[] jar) {
        Map<String, String> out = new LinkedHashMap<>();
        try (var in = new JarInputStream(new ByteArrayInputStream(jar))) {
            var manifest = in.getManifest();
            if (manifest != null) {
                manifest.getMainAttributes().forEach((k, v) -> out.put(k.toString(), String.valueOf(v)));
            }
        } catch (IOException e) {
            // a stored jar was checked before it was stored; nothing to show otherwise
        }
        return out;
    }

    /** @throws IllegalArgumentException when the bytes are no jar or carry no symbolic name */
    static BundleManifest read(byte[] jar) {
        try (var in = new JarInputStream(new ByteArrayInputStream(jar))) {
            var manifest = in.getManifest();
            if (manifest == null) {
                throw new IllegalArgumentException("not a jar with a META-INF/MANIFEST.MF");
            }
            String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the manifest has no Bundle-SymbolicName");
            }
            String version = manifest.getMainAttributes().getValue("Bundle-Version");
            return new BundleManifest(name.split(";")[0].trim(),
                    version == null ? Version.emptyVersion : Version.parseVersion(version.trim()));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable jar: " + e.getMessage(), e);
        }
    }
}
