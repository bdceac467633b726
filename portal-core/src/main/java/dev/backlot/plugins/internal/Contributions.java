package dev.backlot.plugins.internal;

import dev.backlot.plugins.PluginCallException;
import dev.backlot.spi.ui.UiContribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a bundle contributes, in words for the console: {@code "EntityProcessor"},
 * {@code "UiContribution entity.tab hello"}.
 *
 * <p>A UI contribution's slot and id come from the plugin's own methods, called through the guard.
 * They are read once per service registration and cached by service id, so that listing plugins
 * neither calls into plugins over and over nor inflates their call counts.
 */
final class Contributions {

    private static final Duration LIMIT = Duration.ofSeconds(1);

    private final FelixPluginHost host;
    private final Map<Long, String> byServiceId = new ConcurrentHashMap<>();

    Contributions(FelixPluginHost host) {
        this.host = host;
    }

    List<String> of(long bundleId) {
        List<String> out = new ArrayList<>();
        for (FelixPluginHost.Registered registered : host.extensionsOf(bundleId)) {
            String text = byServiceId.get(registered.serviceId());
            if (text == null) {
                text = describe(registered);
            }
            if (!out.contains(text)) {
                out.add(text);
            }
        }
        return out;
    }

    private String describe(FelixPluginHost.Registered registered) {
        String kind = registered.type().getSimpleName();
        if (!(registered.extension().service() instanceof UiContribution ui)) {
            return kind;
        }
        // Cached per service registration: the map keeps one short string per registration ever seen.
        try {
            String text = host.calls().call(registered.extension(), "UiContribution.slot/id", LIMIT,
                    () -> kind + " " + ui.slot() + " " + ui.id());
            byServiceId.put(registered.serviceId(), text);
            return text;
        } catch (PluginCallException e) {
            return kind + " (unreadable: " + e.getMessage() + ")"; // not cached: asked again next time
        }
    }
}
