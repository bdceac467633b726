package dev.backlot.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlot.catalog.CatalogService;
import dev.backlot.model.EntityRef;
import dev.backlot.security.Caller;
import dev.backlot.techdocs.BuildState;
import dev.backlot.techdocs.BuildStatus;
import dev.backlot.techdocs.DocsFile;
import dev.backlot.techdocs.TechDocsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Backstage's TechDocs API under {@code /api/techdocs}: the built pages and assets
 * ({@code static/docs/...}), the site's and the entity's metadata, and {@code sync}, which starts a
 * build when the sources changed and reports it, as server-sent events ({@code log} lines, then
 * {@code finish}) when asked for {@code text/event-stream}, else as one JSON answer after at most 20 s
 * (with {@code "status":"building"} when the build is still running: ask again).
 *
 * <p>Reads follow the catalog's: open. {@code POST rebuild/...} (a build even when nothing changed)
 * needs a signed-in caller: the container's constraint on non-GET {@code /api/*} and {@code @RolesAllowed}.
 */
@Path("techdocs")
@RequestScoped
public class TechDocsResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a sync answered in JSON waits for its build: below the HTTP listener's 30 s idle timeout. */
    private static final long SYNC_WAIT_MS = 20_000;
    /** How long a sync answered as events follows its build; a comment every few seconds keeps the connection open. */
    private static final long EVENTS_WAIT_MS = 300_000;
    private static final long KEEP_ALIVE_MS = 5_000;

    @Inject
    TechDocsService techdocs;

    @Inject
    CatalogService catalog;

    @Context
    SecurityContext security;

    @GET
    @Path("static/docs/{namespace}/{kind}/{name}")
    public Response siteRoot(@PathParam("namespace") String namespace, @PathParam("kind") String kind,
            @PathParam("name") String name, @Context Request request) {
        return file(namespace, kind, name, "", request);
    }

    @GET
    @Path("static/docs/{namespace}/{kind}/{name}/{path: .*}")
    public Response file(@PathParam("namespace") String namespace, @PathParam("kind") String kind,
            @PathParam("name") String name, @PathParam("path") String path, @Context Request request) {
        EntityRef ref = ref(kind, namespace, name);
        DocsFile file = techdocs.file(ref, path).orElseThrow(() -> new NotFoundException(
                "No docs file " + path + " for " + ref.canonical()));
        EntityTag tag = new EntityTag(file.etag() == null ? "none" : file.etag().substring(0, Math.min(32, file.etag().length())));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        return Response.ok(file.bytes(), file.contentType()).tag(tag).header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("metadata/techdocs/{namespace}/{kind}/{name}")
    public Response siteMetadata(@PathParam("namespace") String namespace, @PathParam("kind") String kind,
            @PathParam("name") String name) {
        EntityRef ref = ref(kind, namespace, name);
        DocsFile metadata = techdocs.file(ref, "techdocs_metadata.json").orElseThrow(() -> new NotFoundException(
                "No docs built for " + ref.canonical() + status(ref)));
        return Response.ok(metadata.bytes(), "application/json").build();
    }

    @GET
    @Path("metadata/entity/{namespace}/{kind}/{name}")
    public Response entityMetadata(@PathParam("namespace") String namespace, @PathParam("kind") String kind,
            @PathParam("name") String name) {
        EntityRef ref = ref(kind, namespace, name);
        String json = catalog.json().entity(ref).orElseThrow(() -> new NotFoundException("No entity " + ref.canonical()));
        String visible = security != null && security.isUserInRole(Caller.ADMIN) ? json : catalog.sourceNames().json(json);
        return Response.ok(visible, "application/json").build();
    }

    @GET
    @Path("sync/{namespace}/{kind}/{name}")
    public Response sync(@PathParam("namespace") String namespace, @PathParam("kind") String kind,
            @PathParam("name") String name, @HeaderParam("Accept") String accept) {
        EntityRef ref = ref(kind, namespace, name);
        CompletableFuture<BuildStatus> build = start(ref, false);
        if (accept != null && accept.contains("text/event-stream")) {
            return Response.ok(events(ref, build), "text/event-stream").header("Cache-Control", "no-cache")
                    .header("X-Accel-Buffering", "no").build();
        }
        BuildStatus status = await(ref, build);
        return ApiJson.ok(statusJson(status));
    }

    /** A build even when the sources did not change (the reader's Rebuild button). */
    @POST
    @Path("rebuild/{namespace}/{kind}/{name}")
    @RolesAllowed({Caller.USER, Caller.ADMIN})
    public Response rebuild(@PathParam("namespace") String namespace, @PathParam("kind") String kind,
            @PathParam("name") String name) {
        EntityRef ref = ref(kind, namespace, name);
        start(ref, true);
        return ApiJson.status(202, statusJson(techdocs.status(ref).orElse(BuildStatus.none())));
    }

    private CompletableFuture<BuildStatus> start(EntityRef ref, boolean force) {
        try {
            return techdocs.build(ref, force);
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    private BuildStatus await(EntityRef ref, CompletableFuture<BuildStatus> build) {
        try {
            return build.get(SYNC_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return techdocs.status(ref).orElse(BuildStatus.none());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return techdocs.status(ref).orElse(BuildStatus.none());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("The docs build could not run: " + e.getCause().getMessage());
        }
    }

    /** Backstage's client listens for {@code log} (a JSON string each) and {@code finish} ({@code {"updated":bool}}). */
    private StreamingOutput events(EntityRef ref, CompletableFuture<BuildStatus> build) {
        return out -> {
            int sent = 0;
            long deadline = System.currentTimeMillis() + EVENTS_WAIT_MS;
            long lastWrite = System.currentTimeMillis();
            BuildStatus done = null;
            while (done == null && System.currentTimeMillis() < deadline) {
                try {
                    done = build.get(250, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // still building: send the lines logged so far
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    send(out, "error", JSON.writeValueAsString(String.valueOf(e.getCause().getMessage())));
                    return;
                }
                List<String> lines = done != null ? done.log() : techdocs.status(ref).map(BuildStatus::log).orElse(List.of());
                for (; sent < lines.size(); sent++) {
                    send(out, "log", JSON.writeValueAsString(lines.get(sent)));
                    lastWrite = System.currentTimeMillis();
                }
                if (done == null && System.currentTimeMillis() - lastWrite > KEEP_ALIVE_MS) {
                    out.write(": still building\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    lastWrite = System.currentTimeMillis();
                }
            }
            if (done == null) {
                send(out, "error", JSON.writeValueAsString("the build is still running; ask again later"));
            } else if (done.state() == BuildState.FAILED) {
                send(out, "error", JSON.writeValueAsString(done.message()));
            } else {
                send(out, "finish", JSON.writeValueAsString(Map.of("updated", !"up to date".equals(done.message()))));
            }
        };
    }

    private static void send(OutputStream out, String event, String data) throws IOException {
        out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Map<String, Object> statusJson(BuildStatus status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.state().label());
        out.put("message", status.message());
        out.put("updated", status.state() == BuildState.READY && !"up to date".equals(status.message()));
        out.put("builtAt", status.builtAt() == null ? null : status.builtAt().toString());
        out.put("startedAt", status.startedAt() == null ? null : status.startedAt().toString());
        out.put("finishedAt", status.finishedAt() == null ? null : status.finishedAt().toString());
        out.put("durationMs", status.startedAt() == null || status.finishedAt() == null ? null
                : status.finishedAt().toEpochMilli() - status.startedAt().toEpochMilli());
        out.put("log", status.log());
        return out;
    }

    private String status(EntityRef ref) {
        return techdocs.status(ref).map(s -> " (build " + s.state().label() + ": " + s.message() + ")").orElse("");
    }

    private static EntityRef ref(String kind, String namespace, String name) {
        try {
            return new EntityRef(kind, namespace, name);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No entity " + kind + ":" + namespace + "/" + name);
        }
    }
}
