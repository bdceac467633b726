package dev.backlot.web.api;

import dev.backlot.model.EntityRef;
import dev.backlot.scaffolder.ActionInfo;
import dev.backlot.scaffolder.DryRunResult;
import dev.backlot.scaffolder.ScaffolderException;
import dev.backlot.scaffolder.ScaffolderService;
import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskEvent;
import dev.backlot.scaffolder.TaskRequest;
import dev.backlot.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/scaffolder/v2}: Backstage's scaffolder API.
 *
 * <pre>
 * POST /tasks {templateRef, values, secrets}        -> 201 {id}
 * GET  /tasks[?createdBy=me|name][&amp;limit=]          -> {tasks: [...], totalTasks}
 * GET  /tasks/{id}                                  -> the task (never its secrets)
 * GET  /tasks/{id}/events?after=N                   -> [{id, taskId, type, body, createdAt}]
 * GET  /tasks/{id}/eventstream[?after=N]            -> text/event-stream: log events, then completion
 * POST /tasks/{id}/cancel                           -> {status}
 * POST /tasks/{id}/retry                            -> 201 {id}
 * GET  /actions                                     -> [{id, description, schema: {input, output}, examples}]
 * POST /dry-run {template, values, secrets, directoryContents} -> {log, steps, output, directoryContents}
 * GET  /templates/{namespace}/{kind}/{name}/parameter-schema  -> {title, description, steps: [{title, schema}]}
 * </pre>
 *
 * <p>Reads are open like the catalog's; every POST needs a signed-in caller (the container's
 * constraint on {@code /api/*} changes) and cancel and retry only the task's author or an admin.
 */
@Path("scaffolder/v2")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScaffolderResource {

    /** The longest an event stream stays open; a client reconnects with {@code after}. */
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(30);

    @Inject
    ScaffolderService scaffolder;

    @Context
    SecurityContext security;

    @POST
    @Path("tasks")
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        Map<String, Object> input = ApiJson.object(body);
        Object templateRef = input.get("templateRef");
        if (!(templateRef instanceof String ref) || ref.isBlank()) {
            throw new IllegalArgumentException("templateRef is required, e.g. template:default/java-service");
        }
        ScaffolderTask task = scaffolder.create(new TaskRequest(ref, map(input.get("values"), "values"),
                secrets(input.get("secrets"))), caller());
        return ApiJson.status(201, Map.of("id", task.id()));
    }

    @GET
    @Path("tasks")
    public Response tasks(@QueryParam("createdBy") String createdBy, @QueryParam("limit") @DefaultValue("100") int limit) {
        String who = createdBy;
        if ("me".equals(createdBy) || "user:me".equals(createdBy)) {
            who = security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName();
        } else if (createdBy != null && createdBy.startsWith("user:")) {
            who = EntityRef.parse(createdBy, "user", EntityRef.DEFAULT_NAMESPACE).name();
        }
        List<Map<String, Object>> tasks = scaffolder.tasks(who, limit).stream().map(ScaffolderResource::json).toList();
        return ApiJson.ok(ApiJson.ordered("tasks", tasks, "totalTasks", tasks.size()));
    }

    @GET
    @Path("tasks/{id}")
    public Response task(@PathParam("id") String id) {
        return ApiJson.ok(json(found(id)));
    }

    @GET
    @Path("tasks/{id}/events")
    public Response events(@PathParam("id") String id, @QueryParam("after") @DefaultValue("0") long after) {
        found(id);
        return ApiJson.ok(scaffolder.events(id, after).stream().map(ScaffolderResource::json).toList());
    }

    /** Server-sent events: every log event as it is written, then the completion, then the end. */
    @GET
    @Path("tasks/{id}/eventstream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void eventStream(@PathParam("id") String id, @QueryParam("after") @DefaultValue("0") long after,
            @Context SseEventSink sink, @Context Sse sse) {
        try (sink) {
            found(id);
            long last = after;
            long deadline = System.nanoTime() + STREAM_LIMIT.toNanos();
            while (!sink.isClosed() && System.nanoTime() < deadline) {
                List<TaskEvent> events = scaffolder.awaitEvents(id, last, Duration.ofSeconds(15));
                if (events.isEmpty()) {
                    sink.send(sse.newEventBuilder().comment("keep-alive").build()).toCompletableFuture().join();
                    continue;
                }
                for (TaskEvent event : events) {
                    last = event.id();
                    sink.send(sse.newEventBuilder().id(Long.toString(event.id())).name(event.type())
                            .data(ApiJson.MAPPER.writeValueAsString(json(event))).build()).toCompletableFuture().join();
                    if (event.isCompletion()) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.util.concurrent.CompletionException e) {
            // the client went away, or an event cannot be written: the stream ends; the client reconnects with after
        }
    }

    @POST
    @Path("tasks/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public Response cancel(@PathParam("id") String id) {
        scaffolder.cancel(id, caller(), admin());
        return ApiJson.ok(Map.of("status", scaffolder.task(id).map(t -> t.status().json()).orElse("cancelled")));
    }

    @POST
    @Path("tasks/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    public Response retry(@PathParam("id") String id) {
        return ApiJson.status(201, Map.of("id", scaffolder.retry(id, caller(), admin()).id()));
    }

    @GET
    @Path("actions")
    public Response actions() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ActionInfo action : scaffolder.actions()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", action.id());
            json.put("description", action.description());
            json.put("schema", ApiJson.ordered("input", action.inputSchema(), "output", action.outputSchema()));
            json.put("examples", List.of());
            json.put("plugin", action.plugin());
            out.add(json);
        }
        return ApiJson.ok(out);
    }

    @POST
    @Path("dry-run")
    @Consumes(MediaType.WILDCARD)
    @SuppressWarnings("unchecked")
    public Response dryRun(String body) {
        Map<String, Object> input = ApiJson.object(body);
        Object template = input.get("template");
        if (!(template instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("template is required: the Template entity as JSON");
        }
        List<Map<String, Object>> files = new ArrayList<>();
        if (input.get("directoryContents") instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> m) || !(m.get("path") instanceof String)) {
                    throw new IllegalArgumentException("directoryContents: each item needs path and base64Content");
                }
                files.add((Map<String, Object>) m);
            }
        }
        DryRunResult result = scaffolder.dryRun((Map<String, Object>) template, map(input.get("values"), "values"),
                secrets(input.get("secrets")), files, caller());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", result.status());
        out.put("log", result.log().stream().map(ScaffolderResource::json).toList());
        out.put("steps", result.steps());
        out.put("output", result.output());
        out.put("directoryContents", result.files());
        return ApiJson.ok(out);
    }

    @GET
    @Path("templates/{namespace}/{kind}/{name}/parameter-schema")
    public Response parameterSchema(@PathParam("namespace") String namespace, @PathParam("kind") String kind,
            @PathParam("name") String name) {
        if (!"template".equalsIgnoreCase(kind)) {
            throw new ScaffolderException(ScaffolderException.Kind.NOT_FOUND, "Only templates have a parameter schema");
        }
        return ApiJson.ok(scaffolder.parameterSchema(new EntityRef("template", namespace, name)));
    }

    private ScaffolderTask found(String id) {
        return scaffolder.task(id).orElseThrow(() -> new ScaffolderException(ScaffolderException.Kind.NOT_FOUND,
                "No task " + id));
    }

    static Map<String, Object> json(ScaffolderTask task) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("apiVersion", "scaffolder.backstage.io/v1beta3");
        spec.put("templateInfo", Map.of("entityRef", task.templateRef()));
        spec.put("parameters", task.values());
        spec.put("steps", task.steps());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", task.id());
        out.put("spec", spec);
        out.put("status", task.status().json());
        out.put("createdAt", task.createdAt().toString());
        out.put("lastHeartbeatAt", task.lastHeartbeatAt() == null ? null : task.lastHeartbeatAt().toString());
        out.put("createdBy", task.createdBy() == null ? null : "user:default/" + task.createdBy());
        out.put("steps", task.steps());
        out.put("output", task.output());
        out.put("error", task.error() == null ? null : Map.of("message", task.error()));
        return out;
    }

    static Map<String, Object> json(TaskEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", event.id());
        out.put("taskId", event.taskId());
        out.put("type", event.type());
        out.put("body", event.body());
        out.put("createdAt", event.createdAt().toString());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String name) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(name + " must be a JSON object");
        }
        return (Map<String, Object>) m;
    }

    private static Map<String, String> secrets(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        map(value, "secrets").forEach((k, v) -> {
            if (v != null) {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }

    private String caller() {
        return security == null || security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }

    private boolean admin() {
        return security != null && security.isUserInRole(Caller.ADMIN);
    }
}
