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
