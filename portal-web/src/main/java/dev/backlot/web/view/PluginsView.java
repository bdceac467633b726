package dev.backlot.web.view;

import dev.backlot.web.security.AdminOnly;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.web.plugins.PluginAdmin;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /admin/plugins}: the plugins with state, contributions, health and last change, and the
 * row actions start, stop, roll back and uninstall (each confirmed in the page first).
 */
@Named
@ViewScoped
@AdminOnly
public class PluginsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PluginAdmin admin;

    private List<PluginInfo> plugins;
    private boolean showFramework;

    @PostConstruct
    void load() {
        plugins = admin.plugins();
    }

    public void refresh() {
        load();
    }

    /** The plugins, without the framework's own bundles unless they are unfolded. */
    public List<PluginInfo> getPlugins() {
        return showFramework ? plugins : plugins.stream().filter(p -> !"system".equals(p.source())).toList();
    }

    /** How many of the plugins are the framework's own bundles (folded by default). */
    public long getFrameworkCount() {
        return plugins.stream().filter(p -> "system".equals(p.source())).count();
    }

    public boolean isShowFramework() {
        return showFramework;
    }

    /** Folds or unfolds the framework's bundles. */
    public void toggleFramework() {
        showFramework = !showFramework;
    }

    public void start(String symbolicName) {
        change("Start " + symbolicName, () -> outcome(admin.manager().start(symbolicName, PluginChange.actor())));
    }

    public void stop(String symbolicName) {
        change("Stop " + symbolicName, () -> outcome(admin.manager().stop(symbolicName, PluginChange.actor())));
    }

    public void rollback(String symbolicName) {
        change("Roll back " + symbolicName, () -> outcome(admin.manager().rollback(symbolicName, PluginChange.actor())));
    }

    public void uninstall(String symbolicName) {
        change("Uninstall " + symbolicName, () -> {
            admin.manager().uninstall(symbolicName, PluginChange.actor());
            return symbolicName + " is removed";
        });
    }

    private void change(String what, java.util.function.Supplier<String> action) {
        PluginChange.run(what, action);
        load();
    }

    static String outcome(PluginInfo plugin) {
        return plugin.symbolicName() + " " + plugin.version() + " is " + plugin.state()
                + (plugin.problem() == null ? "" : ": " + plugin.problem());
    }
}
