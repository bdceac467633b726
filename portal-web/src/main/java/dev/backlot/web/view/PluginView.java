package dev.backlot.web.view;

import dev.backlot.web.security.AdminOnly;
import dev.backlot.plugins.PluginDetail;
import dev.backlot.web.plugins.PluginAdmin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** {@code /admin/plugin?name={symbolicName}}: one plugin's manifest, imports, exports, kept versions and recent errors. */
@Named
@ViewScoped
@AdminOnly
public class PluginView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PluginAdmin admin;

    private String name;
    private PluginDetail detail;

    /** Reads the plugin named in the URL; the page says so when there is none. */
    public void load() {
        detail = name == null || name.isBlank() ? null : admin.detail(name).orElse(null);
        if (detail == null) {
            // A page about nothing is a 404, so links to removed plugins show up as broken.
            jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public void start() throws java.io.IOException {
        PluginChange.run("Start " + name, () -> PluginsView.outcome(admin.manager().start(name, PluginChange.actor())));
        reload("/admin/plugin?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    }

    public void stop() throws java.io.IOException {
        PluginChange.run("Stop " + name, () -> PluginsView.outcome(admin.manager().stop(name, PluginChange.actor())));
        reload("/admin/plugin?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    }

    public void rollback() throws java.io.IOException {
        PluginChange.run("Roll back " + name, () -> PluginsView.outcome(admin.manager().rollback(name, PluginChange.actor())));
        reload("/admin/plugin?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A fresh GET of a page, keeping the outcome message. */
    private static void reload(String path) throws java.io.IOException {
        jakarta.faces.context.ExternalContext external = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + path);
    }

    /** Uninstalls the plugin, then back to the list, which shows the outcome. */
    public void uninstall() throws java.io.IOException {
        boolean done = PluginChange.run("Uninstall " + name, () -> {
            admin.manager().uninstall(name, PluginChange.actor());
            return name + " is removed";
        });
        if (done) {
            reload("/admin/plugins");
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The plugin's summary, {@code null} when no plugin has that name. */
    public dev.backlot.plugins.PluginInfo getPlugin() {
        return detail == null ? null : detail.plugin();
    }

    /** {@code null} when no plugin has that name. */
    public PluginDetail getDetail() {
        return detail;
    }
}
