package dev.backlot.web.view;

import dev.backlot.plugins.PluginInfo;
import dev.backlot.web.PortalRuntime;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** {@code /admin/plugins}: the installed plugin bundles, their state and what they contribute. */
@Named
@ViewScoped
public class PluginsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PortalRuntime runtime;

    private List<PluginInfo> plugins;

    @PostConstruct
    void load() {
        plugins = runtime.portal().plugins().plugins();
    }

    public void refresh() {
        load();
    }

    public List<PluginInfo> getPlugins() {
        return plugins;
    }

    /** A short name for an extension interface: {@code dev.backlot.spi.scaffolder.ScaffolderAction} → {@code ScaffolderAction}. */
    public String shortName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The PrimeFaces tag severity for a state. */
    public String severity(String state) {
        return switch (state) {
            case "ACTIVE" -> "success";
            case "RESOLVED", "STARTING", "STOPPING" -> "info";
            case "FAILED" -> "danger";
            default -> "warning";
        };
    }
}
