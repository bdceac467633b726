package dev.backlot.plugins.internal;

import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * What a plugin jar must pass before anything changes: read from the bytes alone, without the
 * framework. Each failure is a {@link PluginRefusedException} naming what is wrong and where.
 *
 * <p>Whether its imports resolve depends on what is installed and is checked by {@link ImportCheck};
 * the framework's own resolve, when the bundle is started beside the running version, is the final judge.
 */
final class PluginChecks {

    /** The system bundle's names a framework extension fragment would attach to. */
    private static final Set<String> SYSTEM_BUNDLE = Set.of("system.bundle", "org.apache.felix.framework");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    /** Inflated content beyond this many times the size limit is a zip bomb, not a plugin. */
    private static final long INFLATION_FACTOR = 20;

    private final long maxBytes;
    private final Set<String> hostPackages;

    /**
     * @param maxBytes the largest jar accepted
     * @param hostPackages the packages the portal exports to bundles (no bundle may export them again)
     */
    PluginChecks(long maxBytes, Set<String> hostPackages) {
        this.maxBytes = maxBytes;
        this.hostPackages = Set.copyOf(hostPackages);
    }

    long maxBytes() {
        return maxBytes;
    }

    /** @throws PluginRefusedException TOO_LARGE or INVALID */
    CheckedJar check(byte[] jar) {
        if (jar == null || jar.length == 0) {
            throw invalid("The upload is empty: expected a bundle jar");
        }
        if (jar.length > maxBytes) {
            throw new PluginRefusedException(Reason.TOO_LARGE, "The jar has " + jar.length
                    + " bytes, more than the limit of " + maxBytes + " (PORTAL_PLUGINS_MAX_UPLOAD_BYTES)");
        }
        Manifest manifest = readEntries(jar);
        if (!hasCentralDirectory(jar)) {
            throw invalid("The upload is not a readable jar: its zip directory is missing or cut short"
                    + " (an incomplete upload?)");
        }
        if (manifest == null) {
            throw invalid("The jar has no META-INF/MANIFEST.MF: it is not an OSGi bundle");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        manifest.getMainAttributes().forEach((k, v) -> headers.put(k.toString(), String.valueOf(v)));
        return checkManifest(headers, PluginDeployer.sha256(jar));
    }

    private CheckedJar checkManifest(Map<String, String> headers, String sha256) {
        if (!"2".equals(trim(headers.get("Bundle-ManifestVersion")))) {
            throw invalid("Bundle-ManifestVersion must be 2 (an OSGi R4+ bundle), was "
                    + (headers.get("Bundle-ManifestVersion") == null ? "missing" : "'" + headers.get("Bundle-ManifestVersion") + "'"));
        }
        String symbolicName = symbolicName(headers.get("Bundle-SymbolicName"));
        Version version = version(headers.get("Bundle-Version"));
        List<HeaderClauses.Clause> imports = clauses(headers, "Import-Package");
        List<HeaderClauses.Clause> exports = clauses(headers, "Export-Package");
        for (String header : List.of("DynamicImport-Package", "Require-Bundle", "Fragment-Host", "Require-Capability")) {
            clauses(headers, header);
        }
        List<HeaderClauses.Clause> capabilities = clauses(headers, "Provide-Capability");
        for (HeaderClauses.Clause clause : imports) {
            range(clause, "Import-Package");
        }
        for (HeaderClauses.Clause clause : exports) {
            exportVersion(clause);
            for (String pkg : clause.paths()) {
                if (pkg.equals("dev.backlot") || pkg.startsWith("dev.backlot.") || hostPackages.contains(pkg)) {
                    throw invalid("Export-Package names " + pkg + ", a package the portal itself provides: the bundle"
                            + " would shadow the host. Import it instead");
                }
            }
        }
        for (HeaderClauses.Clause host : clauses(headers, "Fragment-Host")) {
            if (SYSTEM_BUNDLE.contains(host.paths().get(0))) {
                throw invalid("Fragment-Host " + host.paths().get(0) + ": the bundle is a framework extension, which"
                        + " would change the portal itself; plugins must be ordinary bundles");
            }
        }
        return new CheckedJar(symbolicName, version, sha256, headers, imports, exports, promisedServices(capabilities));
    }

    /** The extension interfaces a {@code Provide-Capability: osgi.service} promises. */
    static List<String> promisedServices(List<HeaderClauses.Clause> capabilities) {
        List<String> out = new ArrayList<>();
        for (HeaderClauses.Clause clause : capabilities) {
            if (clause.paths().contains("osgi.service") && clause.attributes().containsKey("objectClass")) {
                for (String type : clause.attributes().get("objectClass").split(",")) {
                    String name = type.trim();
                    if (name.startsWith("dev.backlot.spi.") && !out.contains(name)) {
                        out.add(name);
                    }
                }
            }
        }
        return out;
    }

    static VersionRange range(HeaderClauses.Clause clause, String header) {
        String value = clause.attributes().getOrDefault("version", clause.attributes().get("specification-version"));
        try {
            return value == null ? new VersionRange("0.0.0") : new VersionRange(value);
        } catch (IllegalArgumentException e) {
            throw invalid(header + " clause '" + clause.text() + "': '" + value + "' is not a version range");
        }
    }

    static Version exportVersion(HeaderClauses.Clause clause) {
        String value = clause.attributes().getOrDefault("version", clause.attributes().get("specification-version"));
        try {
            return value == null ? Version.emptyVersion : Version.parseVersion(value);
        } catch (IllegalArgumentException e) {
            throw invalid("Export-Package clause '" + clause.text() + "': '" + value + "' is not a version");
        }
    }

    private static String symbolicName(String header) {
        if (header == null || header.isBlank()) {
            throw invalid("The manifest has no Bundle-SymbolicName");
        }
        String name = parse("Bundle-SymbolicName", header).get(0).paths().get(0);
        if (!SYMBOLIC_NAME.matcher(name).matches()) {
            throw invalid("Bundle-SymbolicName '" + name + "' is not a valid symbolic name");
        }
        return name;
    }

    private static Version version(String header) {
        try {
            return header == null ? Version.emptyVersion : Version.parseVersion(header.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("Bundle-Version '" + header + "' is not a version (" + e.getMessage() + ")");
        }
    }

    private static List<HeaderClauses.Clause> clauses(Map<String, String> headers, String name) {
        return parse(name, headers.get(name));
    }

    private static List<HeaderClauses.Clause> parse(String name, String value) {
        try {
            return HeaderClauses.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid("The manifest header " + name + " cannot be parsed: " + e.getMessage());
        }
    }

    /**
     * Walks every entry (refusing unsafe names) and returns the manifest wherever it sits; a
     * {@code JarInputStream} would only find it among the first two entries.
     */
    private Manifest readEntries(byte[] jar) {
        Manifest manifest = null;
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries++;
                checkEntryName(entry.getName());
                ByteArrayOutputStream content = entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")
                        ? new ByteArrayOutputStream() : null;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (inflated > maxBytes * INFLATION_FACTOR) {
                        throw invalid("The jar expands to more than " + maxBytes * INFLATION_FACTOR
                                + " bytes: refused as a zip bomb");
                    }
                    if (content != null) {
                        content.write(buffer, 0, n);
                    }
                }
                if (content != null) {
                    manifest = new Manifest(new ByteArrayInputStream(content.toByteArray()));
                }
            }
        } catch (ZipException e) {
            throw invalid("The upload is not a readable jar (zip): " + e.getMessage());
        } catch (IOException e) {
            throw invalid("The upload is not a readable jar: " + e.getMessage());
        }
        if (entries == 0) {
            throw invalid("The upload is not a jar: it has no zip entries");
        }
        return manifest;
    }

    /**
     * Whether the zip ends with an intact end-of-central-directory record whose directory lies inside
     * the bytes. The entry walk reads local headers front to back and would accept a jar cut short
     * at the end, which the framework (reading the directory) then fails to open.
     */
    static boolean hasCentralDirectory(byte[] zip) {
        int lowest = Math.max(0, zip.length - 22 - 0xFFFF);
        for (int at = zip.length - 22; at >= lowest; at--) {
            if (zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 5 && zip[at + 3] == 6) {
                long size = uint32(zip, at + 12);
                long offset = uint32(zip, at + 16);
                return offset + size <= at;
            }
        }
        return false;
    }

    private static long uint32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static void checkEntryName(String name) {
        String why = null;
        if (name.startsWith("/")) {
            why = "an absolute path";
        } else if (name.contains("\\")) {
            why = "a backslash";
        } else if (DRIVE.matcher(name).matches()) {
            why = "a drive letter";
        } else if (List.of(name.split("/")).contains("..")) {
            why = "a '..' segment";
        }
        if (why != null) {
            throw invalid("The jar entry '" + name + "' has " + why + ": entry names must stay inside the jar");
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static PluginRefusedException invalid(String message) {
        return new PluginRefusedException(Reason.INVALID, message);
    }
}
