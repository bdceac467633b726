package dev.backlot.web.plugins;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.plugins.PluginDetail;
import dev.backlot.plugins.PluginHost;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.PluginManager;
import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.common.Unavailable;
import dev.backlot.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the admin console and the deploy API share: the plugin list (managed when the database is
 * there, the framework's view otherwise), the plugin manager for changes, the upload limit
 * ({@code PORTAL_PLUGINS_MAX_UPLOAD_BYTES}, which the manager checks again), and an
 * audit entry for the refusals the web layer makes itself before a jar reaches the manager.
 */
@ApplicationScoped
public class PluginAdmin {

    private PluginManager manager;
    private PluginHost host;
    private AuditLog audit;
    private long uploadLimit;

    /** For CDI's proxy only. */
    protected PluginAdmin() {
    }

    @Inject
    public PluginAdmin(PluginManager manager, PluginHost host, AuditLog audit, PortalConfig config) {
        this(manager, host, audit, config.plugins().maxUploadBytes());
    }

    /** Over given parts, e.g. fakes in a unit test. */
    public PluginAdmin(PluginManager manager, PluginHost host, AuditLog audit, long uploadLimit) {
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
        return Unavailable.is(manager) ? host.plugins() : manager.plugins();
    }

    /** One plugin in depth; without a database, the framework's summary and nothing more. */
    public Optional<PluginDetail> detail(String symbolicName) {
        if (!Unavailable.is(manager)) {
            return manager.detail(symbolicName);
        }
        return host.plugin(symbolicName)
                .map(p -> new PluginDetail(p, java.util.Map.of(), List.of(), List.of(), List.of(), List.of()));
    }

    /**
     * The manager that makes changes; without a database every change it is asked for fails with
     * a {@link dev.backlot.common.ServiceUnavailableException} (503), while the running plugins carry on.
     */
    public PluginManager manager() {
        return manager;
    }

    /** Whether changes can be made now (there is a database to record them in). */
    public boolean changesPossible() {
        return !Unavailable.is(manager);
    }

    /** The largest jar accepted, in bytes. */
    public long uploadLimit() {
        return uploadLimit;
    }

    /** Records a change the web layer refused before the manager saw it (the manager audits its own). */
    public void refused(String actor, String action, String target, PluginRefusedException refusal) {
        audit.record(new AuditEntry(Instant.now(), actor, action, target, AuditEntry.REFUSED, refusal.getMessage()));
    }
}
