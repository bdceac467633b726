package dev.backlot.plugins.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Version;

/**
 * A bundle jar that passed {@link PluginChecks}: its identity and the manifest headers the portal
 * acts on, parsed.
 *
 * @param symbolicName {@code Bundle-SymbolicName} without directives
 * @param version {@code Bundle-Version}
 * @param sha256 of the jar's bytes, in hex
 * @param headers the manifest's main attributes, in order
 * @param imports {@code Import-Package}
 * @param exports {@code Export-Package}
 * @param promisedServices the extension interfaces ({@code dev.backlot.spi.*}) its
 *     {@code Provide-Capability: osgi.service} promises to register
 */
record CheckedJar(String symbolicName, Version version, String sha256, Map<String, String> headers,
        List<HeaderClauses.Clause> imports, List<HeaderClauses.Clause> exports, List<String> promisedServices) {

    CheckedJar {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        promisedServices = List.copyOf(promisedServices);
    }

    /** "dev.backlot.example-hello 0.1.0", for messages. */
    String label() {
        return symbolicName + " " + version;
    }
}
