package dev.backlot.scaffolder.internal;

import dev.backlot.catalog.CatalogService;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.scaffolder.ActionInfo;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The actions a step can name: plugin services from the whiteboard (asked at the moment of use,
 * never kept), then the built-ins. Every call into an action, its id included, goes through the
 * plugin guard.
 */
final class ActionCatalog {

    /** The built-ins' name in plugin health counts. */
    static final String BUILTIN = "backlot-builtin-actions";
    private static final Duration DESCRIBE_LIMIT = Duration.ofSeconds(1);

    private final ExtensionRegistry registry;
    private final List<Extension<ScaffolderAction>> builtins = new ArrayList<>();

    /** @param reader reads skeletons beside templates from url and git locations (the catalog's rules) */
    ActionCatalog(ExtensionRegistry registry, CatalogService catalog, TemplateExpressions expressions,
            dev.backlot.catalog.LocationReader reader) {
        this.registry = registry;
        for (ScaffolderAction action : List.of(
                new FetchTemplateAction(FetchTemplateAction.Mode.TEMPLATE, expressions, reader),
                new FetchTemplateAction(FetchTemplateAction.Mode.PLAIN, expressions, reader),
                new FetchTemplateAction(FetchTemplateAction.Mode.PLAIN_FILE, expressions, reader),
                FsActions.rename(), FsActions.delete(), DebugActions.log(), DebugActions.waitAction(),
                CatalogActions.register(catalog), CatalogActions.write(), CatalogActions.fetch(catalog))) {
            builtins.add(new Extension<>(action, -1, BUILTIN, Integer.MIN_VALUE));
        }
    }

    /** The action serving {@code id} now: the highest-ranked plugin's, else the built-in. */
    Optional<Extension<ScaffolderAction>> find(String id) {
        for (Extension<ScaffolderAction> extension : registry.extensions(ScaffolderAction.class)) {
            try {
                String actionId = registry.calls().call(extension, "ScaffolderAction.id", DESCRIBE_LIMIT,
                        () -> extension.service().id());
                if (id.equals(actionId)) {
                    return Optional.of(extension);
                }
            } catch (PluginCallException e) {
                // counted against the plugin; look further
            }
        }
        return builtins.stream().filter(b -> b.service().id().equals(id)).findFirst();
    }

    /** The guard every action call goes through. */
    dev.backlot.plugins.PluginCalls guard() {
        return registry.calls();
    }

    /** Every action once, plugins first (a plugin's id hides a built-in's). */
    List<ActionInfo> list() {
        List<ActionInfo> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Extension<ScaffolderAction>> all = new ArrayList<>(registry.extensions(ScaffolderAction.class));
        all.addAll(builtins);
        for (Extension<ScaffolderAction> extension : all) {
            try {
                ActionInfo info = registry.calls().call(extension, "ScaffolderAction.describe", DESCRIBE_LIMIT, () -> {
                    ScaffolderAction action = extension.service();
                    return new ActionInfo(action.id(), action.description(), copy(action.inputSchema()),
                            copy(action.outputSchema()), extension.symbolicName());
                });
                if (info.id() != null && seen.add(info.id())) {
                    out.add(info);
                }
            } catch (PluginCallException e) {
                // counted against the plugin; the list goes on without it
            }
        }
        return out;
    }

    private static Map<String, Object> copy(Map<String, Object> schema) {
        return schema == null ? Map.of() : new LinkedHashMap<>(Json.plainMap(schema));
    }
}
