package dev.backlot.web.plugins;

import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * Reading an uploaded plugin jar within the size limit, and the symbolic name it declares.
 *
 * <p>The full checks (manifest, imports, entry names, host packages) are the plugin manager's; this
 * class only does what has to happen before the bytes reach it: stop reading at the limit, and
 * compare the jar's name with the plugin an update is addressed to.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /**
     * Reads an upload, refusing it as soon as it is known to be larger than {@code limit}: at once when
     * the declared length says so, otherwise after {@code limit + 1} bytes, so a huge or endless body is
     * never held in memory.
     *
     * @param declaredLength the request's {@code Content-Length}, or {@code -1} when unknown
     * @throws PluginRefusedException TOO_LARGE, naming the limit
     */
    public static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            throw tooLarge(declaredLength + " bytes", limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 8192), limit + 1));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - total))) > 0) {
            total += n;
            if (total > limit) {
                throw tooLarge("more than " + limit + " bytes", limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The refusal for an upload over the limit, as both the API and the console word it. */
    public static PluginRefusedException tooLarge(String size, long limit) {
        return new PluginRefusedException(Reason.TOO_LARGE, "The upload is " + size + "; plugin jars may be at most "
                + limit + " bytes (PORTAL_PLUGINS_MAX_UPLOAD_BYTES)");
    }

    /**
     * The {@code Bundle-SymbolicName} of a jar without its directives ({@code ;singleton:=true}); empty
     * when the jar or its manifest cannot be read or names none (the plugin manager then says why).
     */
    public static Optional<String> symbolicName(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null) {
                return Optional.empty();
            }
            int directives = name.indexOf(';');
            name = (directives < 0 ? name : name.substring(0, directives)).trim();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Refuses a jar that declares another plugin than the one an update is addressed to: replacing
     * {@code a} with a bundle named {@code b} would silently install a second plugin.
     *
     * @throws PluginRefusedException CONFLICT, naming both
     */
    public static void requireName(String expected, byte[] jar) {
        symbolicName(jar).filter(actual -> !actual.equals(expected)).ifPresent(actual -> {
            throw new PluginRefusedException(Reason.CONFLICT, "The jar is the plugin " + actual + ", not " + expected
                    + "; install it with POST /api/admin/plugins or update " + actual + " instead");
        });
    }

    /**
     * What a jar says about itself before it is installed, for the console's confirmation.
     *
     * @param symbolicName {@code Bundle-SymbolicName}, or {@code null}
     * @param version {@code Bundle-Version}, or {@code null}
     * @param name {@code Bundle-Name}, or {@code null}
     * @param contributions the short names of the services its Declarative Services components
     *     provide ({@code EntityProcessor}, {@code UiContribution}, ...), as its {@code OSGI-INF} XML declares them
     */
    public record Summary(String symbolicName, String version, String name, List<String> contributions) {
        public Summary {
            contributions = List.copyOf(contributions);
        }
    }

    private static final java.util.regex.Pattern PROVIDE = java.util.regex.Pattern
            .compile("<provide\\s+interface\\s*=\\s*\"([\\w.$]+)\"");

    /** Reads the summary of a jar; fields stay {@code null} where the jar does not say (the install then refuses it). */
    public static Summary summary(byte[] jar) {
        String version = null;
        String name = null;
        java.util.Set<String> provided = new java.util.TreeSet<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest != null) {
                version = manifest.getMainAttributes().getValue("Bundle-Version");
                name = manifest.getMainAttributes().getValue("Bundle-Name");
            }
            for (java.util.jar.JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (entry.getName().startsWith("OSGI-INF/") && entry.getName().endsWith(".xml")) {
                    String xml = new String(in.readNBytes(256 * 1024), java.nio.charset.StandardCharsets.UTF_8);
                    java.util.regex.Matcher m = PROVIDE.matcher(xml);
                    while (m.find()) {
                        String type = m.group(1);
                        provided.add(type.substring(type.lastIndexOf('.') + 1));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // what was read so far; the install says what is wrong with the jar
        }
        return new Summary(symbolicName(jar).orElse(null), version, name, List.copyOf(provided));
    }
}
