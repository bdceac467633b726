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

    /** Chooses the plugin the update dialog replaces. */
    public void prepareUpdate(String symbolicName, String version) {
        target = symbolicName;
        targetVersion = version;
    }

    /** A jar chosen in the "Upload plugin" panel: install and start it. */
    public void install(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String actor = PluginChange.actor();
        PluginChange.run("Install " + file.getFileName(), () -> PluginsView.outcome(admin.manager().install(read(file, actor,
                "plugin.install", null), actor)));
        list.refresh();
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
