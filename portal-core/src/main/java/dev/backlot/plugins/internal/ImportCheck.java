package dev.backlot.plugins.internal;

import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Whether a jar's mandatory imports are satisfied by the packages the portal exports and the
 * packages installed bundles export, checked before the jar reaches the framework so that the
 * refusal names the exact package and version range. Optional and dynamic imports are not checked.
 */
final class ImportCheck {

    /**
     * A package someone exports.
     *
     * @param provider the exporting bundle's symbolic name, {@code null} for the portal (system bundle)
     */
    record PackageExport(String packageName, Version version, String provider) {
    }

    private ImportCheck() {
    }

    /** @throws PluginRefusedException CONFLICT listing each unsatisfied import */
    static void check(CheckedJar jar, List<PackageExport> available) {
        List<PackageExport> all = new ArrayList<>(available);
        for (HeaderClauses.Clause clause : jar.exports()) {
            // A bundle may import what it exports itself (bnd's substitutable exports).
            Version version = PluginChecks.exportVersion(clause);
            clause.paths().forEach(p -> all.add(new PackageExport(p, version, jar.symbolicName())));
        }
        List<String> missing = new ArrayList<>();
        for (HeaderClauses.Clause clause : jar.imports()) {
            if ("optional".equals(clause.directives().get("resolution"))) {
                continue;
            }
            VersionRange range = PluginChecks.range(clause, "Import-Package");
            for (String pkg : clause.paths()) {
                if (pkg.startsWith("java.")) {
                    continue; // always from the JVM; the framework decides whether importing it is allowed
                }
                List<PackageExport> candidates = all.stream().filter(e -> e.packageName().equals(pkg)).toList();
                if (candidates.stream().noneMatch(e -> range.includes(e.version()))) {
                    missing.add(describe(pkg, range, candidates));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new PluginRefusedException(Reason.CONFLICT, jar.label() + " would not resolve: "
                    + String.join("; ", missing));
        }
    }

    private static String describe(String pkg, VersionRange range, List<PackageExport> candidates) {
        String wanted = "package " + pkg + " " + range;
        if (candidates.isEmpty()) {
            return wanted + " is not exported by the portal or by any installed plugin";
        }
        if (candidates.stream().allMatch(e -> e.provider() == null)) {
            return wanted + " is not exported by the portal (it exports " + candidates.stream()
                    .map(e -> e.version().toString()).distinct().collect(Collectors.joining(", ")) + ")";
        }
        return wanted + " is not exported in that range by the portal or by any installed plugin (exported: "
                + candidates.stream().map(e -> e.version() + " by " + (e.provider() == null ? "the portal" : e.provider()))
                        .distinct().collect(Collectors.joining(", ")) + ")";
    }
}
