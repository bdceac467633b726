package dev.backlot.web.api;

import dev.backlot.plugins.PluginInfo;
import dev.backlot.web.PortalRuntime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/admin/plugins}: the plugin bundles of this portal (admin role or API token; the
 * {@link dev.backlot.web.security.AuthFilter} enforces it).
 *
 * <pre>
 * GET /api/admin/plugins
 * [{"id":5,"symbolicName":"dev.backlot.example-hello","name":"Backlot example: hello",
 *   "version":"0.1.0","state":"ACTIVE","location":"backlot:dev.backlot.example-hello",
 *   "services":["dev.backlot.spi.scaffolder.ScaffolderAction"],"problem":null}, ...]
 * </pre>
 */
@Path("admin/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    @Inject
    PortalRuntime runtime;

    @GET
    public JsonArray list() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        runtime.portal().plugins().plugins().forEach(p -> out.add(toJson(p)));
        return out.build();
    }

    static JsonObject toJson(PluginInfo plugin) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", plugin.id());
        addOrNull(json, "symbolicName", plugin.symbolicName());
        addOrNull(json, "name", plugin.name());
        addOrNull(json, "version", plugin.version());
        json.add("state", plugin.state());
        json.add("location", plugin.location());
        JsonArrayBuilder services = Json.createArrayBuilder();
        plugin.services().forEach(services::add);
        json.add("services", services);
        addOrNull(json, "problem", plugin.problem());
        return json.build();
    }

    private static void addOrNull(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
