package dev.backlot.web.view;

import dev.backlot.plugins.PluginInfo;
import dev.backlot.runtime.Readiness;
import dev.backlot.plugins.PluginHost;
import dev.backlot.web.PortalRuntime;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** {@code /}: the home page: where to go, and whether the portal is healthy. */
@Named
@ViewScoped
public class IndexView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PortalRuntime runtime;

    @Inject
    transient PluginHost host;

    private long activePlugins;
    private long failingPlugins;
    private Readiness readiness;

    @PostConstruct
    void load() {
        List<PluginInfo> plugins = host.plugins();
        activePlugins = plugins.stream().filter(p -> "ACTIVE".equals(p.state())).count();
        failingPlugins = plugins.stream().filter(p -> p.problem() != null).count();
        readiness = runtime.readiness();
    }

    public long getActivePlugins() {
        return activePlugins;
    }

    public long getFailingPlugins() {
        return failingPlugins;
    }

    public boolean isReady() {
        return readiness.up();
    }

    /** Each readiness check as {@code name: state}, for display. */
    public List<String> getChecks() {
        return readiness.checks().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).sorted().toList();
    }
}
