package dev.backlot.web.api;

import dev.backlot.search.SearchService;
import dev.backlot.search.SearchStatus;
import dev.backlot.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/admin/search}: the index's state ({@code GET status}) and full rebuilds
 * ({@code POST refresh}, of every type or of {@code ?type=...}), answered 202: the rebuild runs in
 * the background, building beside the live documents and swapping them in. Admin role or the API
 * token only (the container's constraint on {@code /api/admin/*} and {@code @RolesAllowed}).
 */
@Path("admin/search")
@RolesAllowed(Caller.ADMIN)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchAdminResource {

    @Inject
    SearchService search;

    @GET
    @Path("status")
    public Response status() {
        SearchStatus s = search.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("engine", s.engine());
        body.put("reachable", s.reachable());
        s.problem().ifPresent(p -> body.put("problem", p));
        body.put("documents", s.documents());
        body.put("rebuilding", s.rebuilding());
        body.put("pendingChanges", s.pendingChanges());
        s.lastRebuild().ifPresent(t -> body.put("lastRebuild", t.toString()));
        return ApiJson.ok(body);
    }

    @POST
    @Path("refresh")
    public Response refresh(@QueryParam("type") String type) {
        if (type == null || type.isBlank()) {
            search.refreshAll();
        } else {
            if (!type.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException("type must be letters, digits, . _ - (at most 64)");
            }
            search.refresh(type);
        }
        return ApiJson.status(202, Map.of("status", "queued"));
    }
}
