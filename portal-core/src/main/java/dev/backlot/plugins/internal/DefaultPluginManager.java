package dev.backlot.plugins.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.plugins.PluginDetail;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.PluginManager;
import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@link PluginManager} over the database ({@link PluginStore}) and this node's framework
 * ({@link LocalPlugins}).
 *
 * <p>Each change runs in this order: checks that need nothing but the jar and the current state;
 * the new bundle staged beside the running one (so that a bundle the framework will not start is
 * refused with the running version untouched and the database unchanged); the desired state
 * committed; the new bundle promoted. Changes on this node are serialised with the sync on one lock.
 * Every outcome, refusals included, is audited.
 */
public final class DefaultPluginManager implements PluginManager {

    private final PluginStore store;
    private final LocalPlugins local;
    private final FelixPluginHost host;
    private final PluginChecks checks;
    private final AuditLog audit;
    private final PluginListing listing;

    DefaultPluginManager(PluginStore store, LocalPlugins local, FelixPluginHost host, PluginChecks checks,
            AuditLog audit, PluginSync sync) {
        this.store = store;
        this.local = local;
        this.host = host;
        this.checks = checks;
        this.audit = audit;
        this.listing = new PluginListing(store, local, host, sync);
    }

    @Override
    public java.util.List<PluginInfo> plugins() {
        return listing.plugins();
    }

    @Override
    public Optional<PluginDetail> detail(String symbolicName) {
        return listing.detail(symbolicName);
    }

    @Override
    public PluginInfo install(byte[] jar, String actor) {
        AtomicReference<String> target = new AtomicReference<>();
        return audited(actor, "plugin.install", target, () -> {
            CheckedJar checked = checks.check(jar);
            String name = checked.symbolicName();
            target.set(name);
            Optional<PluginStore.DesiredPlugin> existing = store.find(name).filter(PluginStore.DesiredPlugin::installed);
            if (existing.isPresent()) {
                throw new PluginRefusedException(Reason.CONFLICT, name + " is already installed at version "
                        + existing.get().version() + "; update it with PUT /api/admin/plugins/" + name);
            }
            host.bundles().stream().filter(b -> name.equals(b.getSymbolicName())).findFirst().ifPresent(b -> {
                throw new PluginRefusedException(Reason.CONFLICT, name + " is already installed from "
                        + b.getLocation() + "; remove it there first");
            });
            ImportCheck.check(checked, host.packageExports());
            int seq = store.find(name).map(PluginStore.DesiredPlugin::lastSeq).orElse(0) + 1;
            LocalPlugins.Local staged = local.stage(name, seq, checked.sha256(), jar, true);
            commitOrDiscard(staged, () -> store.append(newVersion(checked, jar, PluginStore.UPLOAD), seq, null, true, actor));
            local.promote(staged);
            return new Done(name, "version " + checked.version());
        });
    }

    @Override
    public PluginInfo update(String symbolicName, byte[] jar, String actor) {
        return audited(actor, "plugin.update", new AtomicReference<>(symbolicName), () -> {
            PluginStore.DesiredPlugin desired = installed(symbolicName);
            CheckedJar checked = checks.check(jar);
            if (!checked.symbolicName().equals(symbolicName)) {
                throw new PluginRefusedException(Reason.CONFLICT, "The jar's Bundle-SymbolicName is "
                        + checked.symbolicName() + ", not " + symbolicName + ": an update replaces a plugin by the same name");
            }
            if (checked.sha256().equals(desired.sha256())) {
                throw new PluginRefusedException(Reason.CONFLICT, symbolicName + " " + desired.version()
                        + " with exactly these bytes is already running");
            }
            ImportCheck.check(checked, host.packageExports());
            int seq = desired.lastSeq() + 1;
            LocalPlugins.Local staged = local.stage(symbolicName, seq, checked.sha256(), jar, desired.started());
            commitOrDiscard(staged, () -> store.append(newVersion(checked, jar, PluginStore.UPLOAD), seq,
                    desired.currentSeq(), desired.started(), actor));
            local.promote(staged);
            return new Done(symbolicName, "version " + desired.version() + " -> " + checked.version());
        });
    }

    @Override
    public PluginInfo rollback(String symbolicName, String actor) {
        return audited(actor, "plugin.rollback", new AtomicReference<>(symbolicName), () -> {
            PluginStore.DesiredPlugin desired = installed(symbolicName);
            PluginStore.StoredVersion target = store.versions(symbolicName).stream()
                    .filter(v -> v.seq() < desired.currentSeq()).findFirst()
                    .orElseThrow(() -> new PluginRefusedException(Reason.CONFLICT, "No version of " + symbolicName
                            + " older than the current " + desired.version() + " is kept to roll back to"));
            byte[] jar = store.jar(symbolicName, target.seq()).orElseThrow(() -> new PluginRefusedException(
                    Reason.CONFLICT, "The kept version " + target.version() + " of " + symbolicName + " just went away"));
            LocalPlugins.Local staged = local.stage(symbolicName, target.seq(), target.sha256(), jar, desired.started());
            commitOrDiscard(staged, () -> store.moveTo(symbolicName, target, desired.currentSeq(), actor));
            local.promote(staged);
            return new Done(symbolicName, "version " + desired.version() + " -> " + target.version());
        });
    }

    @Override
    public PluginInfo start(String symbolicName, String actor) {
        return audited(actor, "plugin.start", new AtomicReference<>(symbolicName), () -> {
            PluginStore.DesiredPlugin desired = installed(symbolicName);
            local.start(symbolicName);
            try {
                store.setStarted(symbolicName, true, desired.currentSeq(), actor);
            } catch (RuntimeException e) {
                local.stop(symbolicName);
                throw e;
            }
            return new Done(symbolicName, "version " + desired.version());
        });
    }

    @Override
    public PluginInfo stop(String symbolicName, String actor) {
        return audited(actor, "plugin.stop", new AtomicReference<>(symbolicName), () -> {
            PluginStore.DesiredPlugin desired = installed(symbolicName);
            store.setStarted(symbolicName, false, desired.currentSeq(), actor);
            local.stop(symbolicName);
            return new Done(symbolicName, "version " + desired.version());
        });
    }

    @Override
    public void uninstall(String symbolicName, String actor) {
        audited(actor, "plugin.uninstall", new AtomicReference<>(symbolicName), () -> {
            PluginStore.DesiredPlugin desired = installed(symbolicName);
            store.remove(symbolicName, desired.currentSeq(), actor);
            local.remove(symbolicName);
            return new Done(null, "version " + desired.version());
        });
    }

    /** What a change did: the plugin to answer with ({@code null}: none) and the audit detail. */
    private record Done(String symbolicName, String detail) {
    }

    private PluginInfo audited(String actor, String action, AtomicReference<String> target, Supplier<Done> change) {
        String who = actor == null || actor.isBlank() ? "unknown" : actor;
        synchronized (local) {
            Done done;
            try {
                done = change.get();
            } catch (PluginRefusedException e) {
                audit.record(new AuditEntry(Instant.now(), who, action, target.get(), AuditEntry.REFUSED,
                        e.reason() + ": " + e.getMessage()));
                throw e;
            } catch (RuntimeException e) {
                audit.record(new AuditEntry(Instant.now(), who, action, target.get(), AuditEntry.FAILURE,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
                throw e;
            }
            audit.record(new AuditEntry(Instant.now(), who, action, target.get(), AuditEntry.SUCCESS, done.detail()));
            return done.symbolicName() == null ? null : listing.plugin(done.symbolicName()).orElse(null);
        }
    }

    private PluginStore.DesiredPlugin installed(String symbolicName) {
        return store.find(symbolicName).filter(PluginStore.DesiredPlugin::installed).orElseThrow(() ->
                new PluginRefusedException(Reason.NOT_FOUND, "No plugin " + symbolicName + " is installed"
                        + " (only plugins installed through the portal or shipped with it can be changed here)"));
    }

    private void commitOrDiscard(LocalPlugins.Local staged, Runnable commit) {
        try {
            commit.run();
        } catch (RuntimeException e) {
            local.discard(staged);
            throw e;
        }
    }

    private static PluginStore.NewVersion newVersion(CheckedJar checked, byte[] jar, String source) {
        return new PluginStore.NewVersion(checked.symbolicName(), checked.version().toString(), source,
                checked.sha256(), jar);
    }
}
