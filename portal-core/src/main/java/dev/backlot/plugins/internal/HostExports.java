package dev.backlot.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Manifest;

/**
 * The packages the portal exports to plugin bundles, read from portal-core's own manifest.
 *
 * <p>bnd writes {@code Export-Package} into that manifest at build time from the {@code @Export} and
 * {@code @Version} annotations of each {@code package-info.java}; reading it here keeps one source of
 * truth for the SPI's versions, and its syntax is exactly what Felix accepts for
 * {@code org.osgi.framework.system.packages.extra}.
 */
public final class HostExports {

    static final String CORE_SYMBOLIC_NAME = "dev.backlot.portal.core";

    private HostExports() {
    }

    /** The {@code Export-Package} header of portal-core. */
    public static String exportPackage() {
        ClassLoader loader = HostExports.class.getClassLoader();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    var attributes = new Manifest(in).getMainAttributes();
                    String name = attributes.getValue("Bundle-SymbolicName");
                    if (name != null && name.startsWith(CORE_SYMBOLIC_NAME)) {
                        String exports = attributes.getValue("Export-Package");
                        if (exports == null || exports.isBlank()) {
                            break;
                        }
                        return exports;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read portal-core's manifest", e);
        }
        throw new IllegalStateException("portal-core's manifest with Export-Package was not found on the class path;"
                + " it is written by the bnd-maven-plugin during the Maven build");
    }
}
