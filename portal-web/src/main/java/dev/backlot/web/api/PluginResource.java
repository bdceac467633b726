package dev.backlot.web.api;

import dev.backlot.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import dev.backlot.web.plugins.PluginAdmin;
import dev.backlot.web.plugins.PluginJars;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/admin/plugins}: the deploy API, for the admin console's users and platform teams' CI.
 * Admin role or the API token only: the container's constraint on {@code /api/admin/*} and {@code @RolesAllowed} here.
 *
 * <pre>
 * GET    /api/admin/plugins                         200 [plugin, ...]
 * GET    /api/admin/plugins/{symbolicName}          200 plugin + headers, imports, exports, versions, recentErrors
 * POST   /api/admin/plugins                         201 plugin, Location: /api/admin/plugins/{symbolicName}
 *        (body: the jar, Content-Type: application/java-archive or application/octet-stream)
 * PUT    /api/admin/plugins/{symbolicName}          200 plugin (the same body: a new version of that plugin)
 * POST   /api/admin/plugins/{symbolicName}/start    200 plugin   (also /stop, /rollback)
 * DELETE /api/admin/plugins/{symbolicName}          204
 * </pre>
 *
 * <p>Refusals answer Backstage's error JSON: 400 for a jar that is corrupt, not a bundle, has path
 * traversal entries or would shadow the host; 409 when it would not resolve, is installed already,
 * names another plugin than the path, or there is nothing to roll back to; 404 for an unknown plugin;
 * 413 over the size limit (checked while reading, never buffered whole); 415 for another content
 * type; 503 without a database. Each change, refused or not, is in {@code GET /api/admin/audit}, with
 * the signed-in user or {@code api-token} as the actor.
 */
@Path("admin/plugins")
@RolesAllowed(Caller.ADMIN)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    /** The content types a jar body may carry. */
    static final Set<String> JAR_TYPES = Set.of("application/java-archive", "application/octet-stream");

    @Inject
    PluginAdmin admin;

    @GET
    public JsonArray list() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        admin.plugins().forEach(p -> out.add(PluginJson.plugin(p)));
        return out.build();
    }

    @GET
    @Path("{symbolicName}")
    public JsonObject detail(@PathParam("symbolicName") String symbolicName) {
        return PluginJson.detail(admin.detail(symbolicName).orElseThrow(() -> notFound(symbolicName)));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response install(@HeaderParam("Content-Type") String contentType, @HeaderParam("Content-Length") String length,
            InputStream body, @Context SecurityContext security) throws IOException {
        String actor = actor(security);
        byte[] jar = upload(actor, "plugin.install", null, contentType, length, body);
        PluginInfo plugin = admin.manager().install(jar, actor);
        // Relative to the application's base (/api/), as JAX-RS resolves a relative Location.
        URI location = UriBuilder.fromPath("admin/plugins").path(plugin.symbolicName()).build();
        return Response.created(location).entity(PluginJson.plugin(plugin)).build();
    }

    @PUT
    @Path("{symbolicName}")
    @Consumes(MediaType.WILDCARD)
    public JsonObject update(@PathParam("symbolicName") String symbolicName, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") String length, InputStream body, @Context SecurityContext security)
            throws IOException {
        String actor = actor(security);
        byte[] jar = upload(actor, "plugin.update", symbolicName, contentType, length, body);
        try {
            PluginJars.requireName(symbolicName, jar);
        } catch (PluginRefusedException e) {
            admin.refused(actor, "plugin.update", symbolicName, e);
            throw e;
        }
        return PluginJson.plugin(admin.manager().update(symbolicName, jar, actor));
    }

    @POST
    @Path("{symbolicName}/start")
    public JsonObject start(@PathParam("symbolicName") String symbolicName, @Context SecurityContext security) {
        return PluginJson.plugin(admin.manager().start(symbolicName, actor(security)));
    }

    @POST
    @Path("{symbolicName}/stop")
    public JsonObject stop(@PathParam("symbolicName") String symbolicName, @Context SecurityContext security) {
        return PluginJson.plugin(admin.manager().stop(symbolicName, actor(security)));
    }

    @POST
    @Path("{symbolicName}/rollback")
    public JsonObject rollback(@PathParam("symbolicName") String symbolicName, @Context SecurityContext security) {
        return PluginJson.plugin(admin.manager().rollback(symbolicName, actor(security)));
    }

    @DELETE
    @Path("{symbolicName}")
    public Response uninstall(@PathParam("symbolicName") String symbolicName, @Context SecurityContext security) {
        admin.manager().uninstall(symbolicName, actor(security));
        return Response.noContent().build();
    }

    /** The jar in the body, after the content type and the size limit are checked; refusals are audited. */
    private byte[] upload(String actor, String action, String target, String contentType, String length, InputStream body)
            throws IOException {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!JAR_TYPES.contains(type)) {
            throw new NotSupportedException("Send the plugin jar as the body with Content-Type: application/java-archive"
                    + " (or application/octet-stream); got " + (type.isEmpty() ? "no Content-Type" : type));
        }
        try {
            return PluginJars.read(body, declaredLength(length), admin.uploadLimit());
        } catch (PluginRefusedException e) {
            admin.refused(actor, action, target, e);
            throw e;
        }
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The signed-in user's name, or {@code api-token} for the automation token. */
    static String actor(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
    }

    private static PluginRefusedException notFound(String symbolicName) {
        return new PluginRefusedException(Reason.NOT_FOUND, "No plugin named " + symbolicName
                + "; GET /api/admin/plugins lists them");
    }
}
