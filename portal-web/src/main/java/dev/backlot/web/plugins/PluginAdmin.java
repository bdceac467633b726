package dev.backlot.web.plugins;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.plugins.PluginDetail;
import dev.backlot.plugins.PluginHost;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.PluginManager;
import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.web.PortalRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the admin console and the deploy API share: the plugin list (managed when the database is
 * there, the framework's view otherwise), the plugin manager for changes, the upload limit
 * ({@code PORTAL_PLUGINS_MAX_UPLOAD_BYTES}, which the manager checks again), and an
 * audit entry for the refusals the web layer makes itself before a jar reaches the manager.
 */
@ApplicationScoped
public class PluginAdmin {

    private Supplier<PluginManager> manager;
    private Supplier<PluginHost> host;
    private Supplier<AuditLog> audit;
    private long uploadLimit;

    /** For CDI's proxy only. */
    protected PluginAdmin() {
    }

    @Inject
    public PluginAdmin(PortalRuntime runtime) {
        this(() -> runtime.portal().pluginManager(), () -> runtime.portal().plugins(), () -> runtime.portal().audit(),
                runtime.portal().config().plugins().maxUploadBytes());
    }

    /** Over given parts, e.g. fakes in a unit test. */
    public PluginAdmin(Supplier<PluginManager> manager, Supplier<PluginHost> host, Supplier<AuditLog> audit,
            long uploadLimit) {
        if (uploadLimit < 1) {
            throw new IllegalArgumentException("PORTAL_PLUGINS_MAX_UPLOAD_BYTES must be positive, was " + uploadLimit);
        }
        this.manager = manager;
        this.host = host;
        this.audit = audit;
        this.uploadLimit = uploadLimit;
    }

    /** Every plugin: with health and desired state from the manager, or the framework's list without a database. */
    public List<PluginInfo> plugins() {
        PluginManager plugins = manager.get();
        if (plugins != null) {
            return plugins.plugins();
        }
        PluginHost framework = host.get();
        return framework == null ? List.of() : framework.plugins();
    }

    /** One plugin in depth; without a database, the framework's summary and nothing more. */
    public Optional<PluginDetail> detail(String symbolicName) {
        PluginManager plugins = manager.get();
        if (plugins != null) {
            return plugins.detail(symbolicName);
        }
        PluginHost framework = host.get();
        return framework == null ? Optional.empty() : framework.plugin(symbolicName)
                .map(p -> new PluginDetail(p, java.util.Map.of(), List.of(), List.of(), List.of(), List.of()));
    }

    /**
     * The manager that makes changes.
     *
     * @throws PluginsUnavailableException when the portal runs without its database
     */
    public PluginManager manager() {
        PluginManager plugins = manager.get();
        if (plugins == null) {
            throw new PluginsUnavailableException("Plugins cannot be changed while the database is unavailable"
                    + " (see /health/ready); the running plugins carry on");
        }
        return plugins;
    }

    /** The largest jar accepted, in bytes. */
    public long uploadLimit() {
        return uploadLimit;
    }

    /** Records a change the web layer refused before the manager saw it (the manager audits its own). */
    public void refused(String actor, String action, String target, PluginRefusedException refusal) {
        AuditLog log = audit.get();
        if (log != null) {
            log.record(new AuditEntry(Instant.now(), actor, action, target, AuditEntry.REFUSED, refusal.getMessage()));
        }
    }
}
