package dev.backlot.web.ui;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCalls;
import dev.backlot.spi.ui.UiContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Reads the {@link UiContribution} services registered now into {@link Contribution} records, in
 * {@code service.ranking} order.
 *
 * <p>Reading a service's slot, id, title and fragment calls into the plugin on the request's
 * thread (they are meant to be constants; a separate thread per getter would cost more than the
 * page). A service that throws there, names an unknown slot, an id that is not URL-safe or an
 * unsafe fragment path is left out, its failure counted, and the reason logged once.
 */
public final class ContributionReader {

    private static final Logger LOG = Logger.getLogger(ContributionReader.class.getName());
    static final Set<String> SLOTS = Set.of(UiContribution.ENTITY_TAB, UiContribution.ENTITY_CARD,
            UiContribution.HOME_CARD, UiContribution.NAV_PAGE);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Problems already logged, so that a broken contribution does not log on every page view. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private ContributionReader() {
    }

    /** Every usable contribution, highest-ranked first. */
    public static List<Contribution> read(ExtensionRegistry registry) {
        List<Contribution> out = new ArrayList<>();
        for (Extension<UiContribution> extension : registry.extensions(UiContribution.class)) {
            describe(extension, registry).ifPresent(out::add);
        }
        return out;
    }

    static Optional<Contribution> describe(Extension<UiContribution> extension, ExtensionRegistry registry) {
        PluginCalls calls = registry.calls();
        UiContribution service = extension.service();
        String slot;
        String id;
        String title;
        String fragment;
        Set<String> kinds;
        Set<String> types;
        try (PluginCalls.InFlight call = calls.enter(extension)) {
            slot = service.slot();
            id = service.id();
            title = service.title();
            fragment = service.fragment();
            kinds = service.kinds();
            types = service.types();
        } catch (RuntimeException | LinkageError e) {
            calls.failed(extension, "UiContribution.describe", e);
            return Optional.empty();
        }
        Optional<Long> revision = registry.revision(extension.bundleId());
        Optional<BundleEntryPath> entry = BundleEntryPath.of(fragment);
        String problem = !SLOTS.contains(slot) ? "unknown slot '" + slot + "' (use one of " + SLOTS + ")"
                : id == null || !ID.matcher(id).matches() ? "id '" + id + "' is not [a-z0-9-] of at most 63 characters"
                : entry.isEmpty() ? "fragment '" + fragment + "' is not a plain path inside the bundle"
                : null;
        if (problem != null) {
            String key = extension.bundleId() + " " + problem;
            if (LOGGED.add(key)) {
                LOG.warning(() -> "UI contribution of " + extension.symbolicName() + " is not shown: " + problem);
            }
            return Optional.empty();
        }
        if (revision.isEmpty()) {
            return Optional.empty(); // the bundle went away while we looked
        }
        String path = new FragmentPath(extension.bundleId(), revision.get(), entry.get()).path();
        return Optional.of(new Contribution(extension.bundleId(), extension.symbolicName(), revision.get(), slot, id,
                title == null || title.isBlank() ? id : title, path, kinds, types));
    }
}
