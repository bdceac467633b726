package dev.backlot.web.ui;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCalls;
import dev.backlot.plugins.PluginHost;
import dev.backlot.spi.ui.UiContribution;
import dev.backlot.web.view.CatalogEntity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plugin contributions for the slots of the page being rendered, as {@code #{uiContributions}}.
 *
 * <p>Read once per request (the sidebar and the page body ask for them several times) and never
 * kept longer, so an installed, updated or removed plugin shows on the next page view. Tabs and
 * pages are addressed by id: of two with the same id, the higher-ranked one is used.
 */
@Named
@RequestScoped
public class UiContributions {

    @Inject
    ExtensionRegistry registry;

    @Inject
    PluginHost host;

    private List<Contribution> all;
    /** The bundles this request's contributions come from, held until the response is written. */
    private final List<PluginCalls.InFlight> held = new ArrayList<>();
    /** The service behind each contribution, as listed when this request began. */
    private final Map<Contribution, Extension<UiContribution>> services = new HashMap<>();

    /** The contributions of a slot without entity filtering: {@code home.card}, {@code nav.page}. */
    public List<Contribution> slot(String slot) {
        List<Contribution> out = all().stream().filter(c -> c.slot().equals(slot)).toList();
        return UiContribution.NAV_PAGE.equals(slot) ? firstPerId(out) : out;
    }

    /** The contributions of an entity slot that apply to this entity's kind and type. */
    public List<Contribution> forEntity(String slot, CatalogEntity entity) {
        if (entity == null) {
            return List.of();
        }
        List<Contribution> out = all().stream().filter(c -> c.slot().equals(slot))
                .filter(c -> c.appliesTo(entity.getKind(), entity.getType())).toList();
        return UiContribution.ENTITY_TAB.equals(slot) ? firstPerId(out) : out;
    }

    /** The {@code nav.page} contribution with this id. */
    public Optional<Contribution> page(String id) {
        return slot(UiContribution.NAV_PAGE).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The plugin framework, for plugins' names. */
    public PluginHost host() {
        return host;
    }

    /** The plugin registry the contributions come from. */
    public ExtensionRegistry registry() {
        return registry;
    }

    /** The sidebar entries. */
    public List<Contribution> getNavPages() {
        return slot(UiContribution.NAV_PAGE);
    }

    private List<Contribution> all() {
        if (all == null) {
            {
                // Held before they are described: an update that switches to a new revision now
                // waits for this request before it removes the old one, so the page finishes with
                // the revision it started with.
                List<Contribution> read = new ArrayList<>();
                for (Extension<UiContribution> extension : registry.extensions(UiContribution.class)) {
                    held.add(registry.calls().hold(extension));
                    ContributionReader.describe(extension, registry).ifPresent(c -> {
                        read.add(c);
                        services.put(c, extension);
                    });
                }
                all = List.copyOf(read);
            }
        }
        return all;
    }

    /**
     * The plugin service behind a contribution this request listed. It stays usable until the
     * request ends even when an update switched to a newer revision meanwhile: the page finishes
     * with the revision it started with.
     */
    public Optional<Extension<UiContribution>> service(Contribution contribution) {
        all();
        return Optional.ofNullable(services.get(contribution));
    }

    @PreDestroy
    void release() {
        held.forEach(PluginCalls.InFlight::close);
        held.clear();
    }

    private static List<Contribution> firstPerId(List<Contribution> contributions) {
        Set<String> seen = new HashSet<>();
        List<Contribution> out = new ArrayList<>();
        for (Contribution c : contributions) {
            if (seen.add(c.id())) {
                out.add(c);
            }
        }
        return out;
    }
}
