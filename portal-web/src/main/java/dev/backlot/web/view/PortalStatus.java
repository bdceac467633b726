package dev.backlot.web.view;

import dev.backlot.catalog.CatalogService;
import dev.backlot.common.Unavailable;
import dev.backlot.plugins.PluginManager;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code #{portalStatus}}: what the layout says on every page about engines that cannot run, one
 * banner each ("The catalog is unavailable: the database could not be opened: ..."), so a user
 * knows the portal is degraded rather than empty, while every page still renders.
 */
@Named
@RequestScoped
public class PortalStatus {

    @Inject
    CatalogService catalog;

    @Inject
    PluginManager plugins;

    /** One sentence per unavailable engine; empty when all run. */
    public List<String> getUnavailable() {
        List<String> out = new ArrayList<>();
        for (Object service : List.of(catalog, plugins)) {
            String reason = Unavailable.reason(service);
            if (reason != null) {
                out.add(reason);
            }
        }
        return out;
    }
}
