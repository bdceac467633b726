package dev.backlot.web;

import dev.backlot.audit.AuditLog;
import dev.backlot.catalog.CatalogService;
import dev.backlot.config.PortalConfig;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginHost;
import dev.backlot.plugins.PluginManager;
import dev.backlot.search.SearchService;
import dev.backlot.scaffolder.ScaffolderService;
import dev.backlot.security.AccountService;
import dev.backlot.techdocs.TechDocsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The composition root's other half: publishes each engine's API as a CDI bean, so that views,
 * resources, filters and the security mechanism {@code @Inject} them and never look them up.
 *
 * <p>None is ever {@code null}: an engine that could not start (the database is down) is published
 * as a stand-in whose every call throws {@link dev.backlot.common.ServiceUnavailableException};
 * pages show it as a banner ({@code PortalStatus}), the API answers 503.
 *
 * <p>The producers are {@code @Dependent}: each engine is one object for the portal's whole life,
 * so the object itself is injected, without a client proxy in between (which would hide a
 * stand-in from {@link dev.backlot.common.Unavailable#is}).
 */
@ApplicationScoped
public class PortalServices {

    @Inject
    PortalRuntime runtime;

    @Produces
    CatalogService catalog() {
        return runtime.portal().catalog();
    }

    @Produces
    TechDocsService techdocs() {
        return runtime.portal().techdocs();
    }

    @Produces
    SearchService search() {
        return runtime.portal().search();
    }

    @Produces
    PluginManager pluginManager() {
        return runtime.portal().pluginManager();
    }

    @Produces
    PluginHost pluginHost() {
        return runtime.portal().plugins();
    }

    @Produces
    ExtensionRegistry extensions() {
        return runtime.portal().extensions();
    }

    @Produces
    ScaffolderService scaffolder() {
        return runtime.portal().scaffolder();
    }

    @Produces
    AccountService accounts() {
        return runtime.portal().accounts();
    }

    @Produces
    AuditLog audit() {
        return runtime.portal().audit();
    }

    /** The settings read at start (a record: injected as it is, not through a proxy). */
    @Produces
    PortalConfig config() {
        return runtime.portal().config();
    }
}
