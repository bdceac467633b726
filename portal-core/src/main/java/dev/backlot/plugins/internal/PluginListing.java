package dev.backlot.plugins.internal;

import dev.backlot.plugins.PluginDetail;
import dev.backlot.plugins.PluginInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;

/**
 * The plugin list and detail view: the framework's view of each bundle, enriched with the desired
 * state (source, who changed it, what a rollback would bring back), health and contributions.
 * Of the bundles of one database-kept plugin only the current one is listed: a version being
 * staged or retired is machinery, not a plugin.
 */
final class PluginListing {

    private final PluginStore store;
    private final LocalPlugins local;
    private final FelixPluginHost host;
    private final PluginSync sync;
    private final Contributions contributions;

    PluginListing(PluginStore store, LocalPlugins local, FelixPluginHost host, PluginSync sync) {
        this.store = store;
        this.local = local;
        this.host = host;
        this.sync = sync;
        this.contributions = new Contributions(host);
    }

    List<PluginInfo> plugins() {
        Map<String, PluginStore.DesiredPlugin> desired = store.all().stream()
                .filter(PluginStore.DesiredPlugin::installed)
                .collect(Collectors.toMap(PluginStore.DesiredPlugin::symbolicName, Function.identity()));
        Map<String, List<PluginStore.StoredVersion>> versions = store.allVersions().stream()
                .collect(Collectors.groupingBy(PluginStore.StoredVersion::symbolicName));
        List<PluginInfo> framework = host.plugins();
        Map<String, PluginInfo> shown = shownBundles(framework);
        List<PluginInfo> out = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (PluginInfo base : framework) {
            if (!isKept(base)) {
                out.add(enrich(base, null, List.of()));
            } else if (shown.get(base.symbolicName()) == base) {
                out.add(enrich(base, desired.get(base.symbolicName()), versions.getOrDefault(base.symbolicName(), List.of())));
                listed.add(base.symbolicName());
            }
        }
        for (PluginStore.DesiredPlugin d : desired.values()) {
            if (!listed.contains(d.symbolicName())) {
                out.add(new PluginInfo(-1, d.symbolicName(), d.symbolicName(), d.version(), "FAILED",
                        LocalPlugins.location(d.symbolicName(), d.currentSeq()), List.of(),
                        sync.problem(d.symbolicName()).orElse("not installed on this node yet"), List.of(),
                        host.calls().health(d.symbolicName()), d.source(), d.changedBy(), d.changedAt(),
                        rollbackVersion(d, versions.getOrDefault(d.symbolicName(), List.of()))));
            }
        }
        return out;
    }

    /**
     * Per database-kept plugin, the one bundle to list: the current one. Listing is not serialised
     * with changes (it must not wait for an update to drain), so the snapshot may miss the bundle
     * that just became current; then the newest bundle of that name in the snapshot stands in.
     */
    private Map<String, PluginInfo> shownBundles(List<PluginInfo> framework) {
        Map<String, PluginInfo> shown = new LinkedHashMap<>();
        for (PluginInfo base : framework) {
            if (isKept(base)) {
                Optional<LocalPlugins.Local> current = local.get(base.symbolicName());
                PluginInfo before = shown.get(base.symbolicName());
                boolean isCurrent = current.isPresent() && current.get().bundleId() == base.id();
                boolean beforeIsCurrent = before != null && current.isPresent() && current.get().bundleId() == before.id();
                if (before == null || isCurrent || !beforeIsCurrent && base.id() > before.id()) {
                    shown.put(base.symbolicName(), base);
                }
            }
        }
        return shown;
    }

    private static boolean isKept(PluginInfo base) {
        return base.id() >= 0 && base.location() != null && base.location().startsWith(LocalPlugins.LOCATION_PREFIX);
    }

    Optional<PluginInfo> plugin(String symbolicName) {
        return plugins().stream().filter(p -> symbolicName.equals(p.symbolicName())).findFirst();
    }

    Optional<PluginDetail> detail(String symbolicName) {
        Optional<PluginInfo> info = plugin(symbolicName);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        Optional<PluginStore.DesiredPlugin> desired = store.find(symbolicName).filter(PluginStore.DesiredPlugin::installed);
        Map<String, String> headers = desired.flatMap(d -> store.jar(symbolicName, d.currentSeq()))
                .map(BundleManifest::headers)
                .orElseGet(() -> host.bundle(info.get().id()).map(PluginListing::headersOf).orElse(Map.of()));
        List<PluginDetail.KeptVersion> kept = store.versions(symbolicName).stream()
                .map(v -> new PluginDetail.KeptVersion(v.version(), v.sha256(), v.installedAt(), v.installedBy(),
                        desired.map(d -> d.currentSeq() == v.seq()).orElse(false)))
                .toList();
        return Optional.of(new PluginDetail(info.get(), headers, clauses(headers.get("Import-Package")),
                clauses(headers.get("Export-Package")), kept, host.calls().recentErrors(symbolicName)));
    }

    private PluginInfo enrich(PluginInfo base, PluginStore.DesiredPlugin desired,
            List<PluginStore.StoredVersion> versions) {
        String problem = base.problem();
        if (desired != null && problem == null && desired.started() && !"ACTIVE".equals(base.state())) {
            problem = sync.problem(desired.symbolicName()).orElse(null);
        }
        return new PluginInfo(base.id(), base.symbolicName(), base.name(), base.version(), base.state(),
                base.location(), base.services(), problem, contributions.of(base.id()),
                host.calls().health(base.symbolicName()), desired == null ? base.source() : desired.source(),
                desired == null ? null : desired.changedBy(), desired == null ? null : desired.changedAt(),
                desired == null ? null : rollbackVersion(desired, versions));
    }

    /** The version before the current one in the kept history (what a rollback brings back). */
    private static String rollbackVersion(PluginStore.DesiredPlugin desired, List<PluginStore.StoredVersion> versions) {
        return versions.stream().filter(v -> v.seq() < desired.currentSeq()).findFirst()
                .map(PluginStore.StoredVersion::version).orElse(null);
    }

    private static List<String> clauses(String header) {
        try {
            return HeaderClauses.perPath(header);
        } catch (IllegalArgumentException e) {
            return List.of(header);
        }
    }

    private static Map<String, String> headersOf(Bundle bundle) {
        Map<String, String> sorted = new TreeMap<>();
        Dictionary<String, String> headers = bundle.getHeaders();
        for (String key : Collections.list(headers.keys())) {
            sorted.put(key, headers.get(key));
        }
        return new LinkedHashMap<>(sorted);
    }
}
