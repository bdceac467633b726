package dev.backlot.web.ui;

import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginHost;
import dev.backlot.spi.ui.UiContribution;
import dev.backlot.web.PortalRuntime;
import dev.backlot.web.view.CatalogEntity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashSet;
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
    PortalRuntime runtime;

    private List<Contribution> all;

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

    /** The sidebar entries. */
    public List<Contribution> getNavPages() {
        return slot(UiContribution.NAV_PAGE);
    }

    private List<Contribution> all() {
        if (all == null) {
            PluginHost host = runtime.portal().plugins();
            ExtensionRegistry registry = host == null ? null : host.extensions();
            all = registry == null ? List.of() : ContributionReader.read(registry);
        }
        return all;
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
