package dev.backlot.web.view;

import dev.backlot.web.security.AdminOnly;
import dev.backlot.web.plugins.PluginAdmin;
import dev.backlot.web.plugins.PluginJars;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Uploading a plugin jar on {@code /admin/plugins}: a new plugin (installed and started), or a new
 * version of the plugin chosen with {@link #prepareUpdate} (updated in place, the old version kept
 * for rollback). The list is refreshed after each upload.
 */
@Named
@ViewScoped
@AdminOnly
public class PluginUploadView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PluginAdmin admin;

    @Inject
    PluginsView list;

    /** The plugin the next upload updates; {@code null} for a new plugin. */
    private String target;
    private String targetVersion;
    /** A jar uploaded for installation, kept until the admin confirms or cancels (at most the upload limit). */
    private byte[] staged;
    private PluginJars.Summary stagedSummary;
    private String stagedFileName;

    /** Chooses the plugin the update dialog replaces. */
    public void prepareUpdate(String symbolicName, String version) {
        target = symbolicName;
        targetVersion = version;
    }

    /**
     * A jar chosen in the "Upload plugin" panel: read and kept until the admin confirms, with what it
     * says about itself (name, version, what it contributes) for the confirmation dialog. Nothing is
     * installed yet.
     */
    public void stage(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String actor = PluginChange.actor();
        staged = null;
        stagedSummary = null;
        stagedFileName = file.getFileName();
        try {
            staged = read(file, actor, "plugin.install", null);
            stagedSummary = PluginJars.summary(staged);
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("staged", true);
        } catch (dev.backlot.plugins.PluginRefusedException | java.io.UncheckedIOException e) {
            PluginChange.message(jakarta.faces.application.FacesMessage.SEVERITY_ERROR, "Install " + file.getFileName()
                    + ": refused", e.getMessage());
        }
    }

    /** The admin confirmed: install and start the staged jar on every node. */
    public void install() {
        byte[] jar = staged;
        String fileName = stagedFileName;
        cancelInstall();
        if (jar == null) {
            return;
        }
        String actor = PluginChange.actor();
        PluginChange.run("Install " + fileName, () -> PluginsView.outcome(admin.manager().install(jar, actor)));
        list.refresh();
    }

    /** The admin changed their mind: the staged jar is dropped. */
    public void cancelInstall() {
        staged = null;
        stagedSummary = null;
        stagedFileName = null;
    }

    /** What the staged jar says about itself; null when nothing is staged. */
    public PluginJars.Summary getStaged() {
        return staged == null ? null : stagedSummary;
    }

    public String getStagedFileName() {
        return stagedFileName;
    }

    /** A jar chosen in the update dialog: it must be a version of {@link #getTarget()}. */
    public void update(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String actor = PluginChange.actor();
        String name = target;
        PluginChange.run("Update " + name, () -> {
            byte[] jar = read(file, actor, "plugin.update", name);
            try {
                PluginJars.requireName(name, jar);
            } catch (dev.backlot.plugins.PluginRefusedException e) {
                admin.refused(actor, "plugin.update", name, e);
                throw e;
            }
            return PluginsView.outcome(admin.manager().update(name, jar, actor));
        });
        list.refresh();
    }

    /** The upload's bytes within the size limit; a refusal is audited as the API's would be. */
    private byte[] read(UploadedFile file, String actor, String action, String name) {
        try (InputStream in = file.getInputStream()) {
            return PluginJars.read(in, file.getSize(), admin.uploadLimit());
        } catch (dev.backlot.plugins.PluginRefusedException e) {
            admin.refused(actor, action, name, e);
            throw e;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The upload could not be read: " + e.getMessage(), e);
        }
    }

    public long getUploadLimit() {
        return admin.uploadLimit();
    }

    public String getTarget() {
        return target;
    }

    public String getTargetVersion() {
        return targetVersion;
    }
}
