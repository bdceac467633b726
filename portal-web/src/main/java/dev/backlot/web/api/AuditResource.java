package dev.backlot.web.api;

import dev.backlot.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import dev.backlot.audit.AuditLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/admin/audit?limit=100&offset=0}: the audit log, newest first (admin role or the
 * API token).
 *
 * <pre>
 * {"items":[{"at":"2026-11-24T10:00:00Z","actor":"api-token","action":"plugin.install",
 *            "target":"com.example.hello","outcome":"success","detail":"1.0.0"}, ...]}
 * </pre>
 *
 * {@code limit} is 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}), {@code offset} 0 to
 * {@value #MAX_OFFSET}; anything else is a 400 naming the parameter.
 */
@Path("admin/audit")
@RolesAllowed(Caller.ADMIN)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_OFFSET = 10_000;

    @Inject
    AuditLog audit;

    @GET
    public JsonObject list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int take = number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int skip = number("offset", offset, 0, 0, MAX_OFFSET);
        JsonArrayBuilder items = Json.createArrayBuilder();
        // The log answers only "the newest n": read offset + limit and drop the first offset.
        audit.recent(skip + take).stream().skip(skip).forEach(e -> items.add(PluginJson.audit(e)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Query parameter " + name + " must be a whole number from " + min + " to " + max
                + ", was '" + value + "'");
    }
}
