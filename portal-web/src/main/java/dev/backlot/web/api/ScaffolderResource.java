package dev.backlot.web.api;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/scaffolder/v2}: the part of Backstage's scaffolder API that exists so far, the list
 * of template actions the installed plugins offer.
 *
 * <pre>
 * GET /api/scaffolder/v2/actions
 * [{"id":"example:hello","description":"Greets someone; ...","schema":{},"examples":[],
 *   "plugin":"dev.backlot.example-hello"}, ...]
 * </pre>
 *
 * <p>When two plugins offer the same id, the one with the higher {@code service.ranking} is listed
 * (it is the one a template would run). An action whose plugin fails to answer within a second is
 * left out (the failure is counted against the plugin) and the rest are listed.
 */
@Path("scaffolder/v2")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScaffolderResource {

    private static final Duration LIMIT = Duration.ofSeconds(1);

    @Inject
    ExtensionRegistry registry;

    @GET
    @Path("actions")
    public Response actions() {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Extension<ScaffolderAction> action : registry.extensions(ScaffolderAction.class)) {
            try {
                Map<String, Object> json = registry.calls().call(action, "ScaffolderAction.describe", LIMIT, () -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", action.service().id());
                    item.put("description", action.service().description());
                    return item;
                });
                if (json.get("id") instanceof String id && seen.add(id)) {
                    json.put("schema", Map.of());
                    json.put("examples", List.of());
                    json.put("plugin", action.symbolicName());
                    out.add(json);
                }
            } catch (PluginCallException e) {
                // counted against the plugin; the list goes on without it
            }
        }
        return ApiJson.ok(out);
    }
}
