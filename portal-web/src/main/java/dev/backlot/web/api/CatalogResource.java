package dev.backlot.web.api;

import dev.backlot.catalog.CatalogException;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.EntityAncestry;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.EntityPredicate;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.catalog.FacetValue;
import dev.backlot.catalog.SourceNames;
import dev.backlot.security.Caller;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.backlot.catalog.CatalogJson;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code /api/catalog}: Backstage's catalog API, same paths, parameters and JSON, so Backstage's
 * own {@code @backstage/catalog-client} and scripts work unchanged. Reads are open; writes need a
 * signed-in caller or the API token (enforced by the authentication filter).
 */
@Path("catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private static final int DEFAULT_PAGE = 20;

    @Inject
    CatalogService catalog;
    @Inject
    dev.backlot.web.catalog.AuditedLocations locations;

    @Context
    SecurityContext security;

    @GET
    @Path("entities")
    public Response entities(@QueryParam("filter") List<String> filter, @QueryParam("fields") List<String> fields,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset, @QueryParam("after") String after,
            @QueryParam("order") List<String> order) {
        int start = offset != null ? offset : after != null ? parseAfter(after) : 0;
        List<EntityOrder> orders = order.stream().map(EntityOrder::parsePrefixed).toList();
        EntityQuery query = new EntityQuery(EntityFilter.parse(filter), orders, start,
                limit == null ? EntityQuery.MAX_LIMIT : limit, null, List.of());
        List<String> projection = Fields.parse(fields);
        return ApiJson.ok(catalog.json().entities(query).stream().map(e -> shown(e, projection)).toList());
    }

    @GET
    @Path("entities/by-query")
    public Response byQuery(@QueryParam("filter") List<String> filter, @QueryParam("fields") List<String> fields,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
            @QueryParam("orderField") List<String> orderField, @QueryParam("cursor") String cursor,
            @QueryParam("fullTextFilterTerm") String term, @QueryParam("fullTextFilterFields") String termFields) {
        QueryCursor at = cursor != null && !cursor.isBlank() ? QueryCursor.decode(cursor)
                : new QueryCursor(filter, orderField, term, termFields == null ? List.of() : Fields.parse(List.of(termFields)),
                        offset == null ? 0 : offset);
        int size = limit == null ? DEFAULT_PAGE : limit;
        EntityQuery query = new EntityQuery(EntityFilter.parse(at.filter()),
                at.orderField() == null ? List.of() : at.orderField().stream().map(EntityOrder::parseSuffixed).toList(),
                at.offset(), size, at.fullTextFilterTerm(), at.fullTextFilterFields());
        return page(query, Fields.parse(fields), true, start -> withOffset(at, start).encode());
    }

    /**
     * Backstage's predicate form of by-query: body {@code {query?, limit?, offset?, orderBy?,
     * fullTextFilter?, fields?, totalItems?}}, or {@code {cursor, limit?, fields?}} for a further page.
     * A read, open like the GET form.
     */
    @POST
    @Path("entities/by-query")
    @Consumes(MediaType.WILDCARD)
    public Response byPredicate(String body) {
        Map<String, Object> request = ApiJson.object(body);
        PredicateQuery at = PredicateQuery.of(request);
        int size = ApiJson.count(request.get("limit"), "limit", DEFAULT_PAGE);
        List<String> projection = request.get("fields") == null ? List.of() : ApiJson.strings(request.get("fields"), "fields");
        return page(at.toEntityQuery(size), projection, at.countTotal(), start -> at.at(start).encode());
    }

    /**
     * One page of a by-query answer, {@code {items, totalItems, pageInfo: {nextCursor?, prevCursor?}}}.
     * Without a count (Backstage's {@code totalItems: "exclude"}, reported as 0) one entity more than
     * the page is read to know whether a next page exists.
     */
    private Response page(EntityQuery query, List<String> projection, boolean countTotal, IntFunction<String> cursorAt) {
        int size = query.limit();
        boolean probe = !countTotal && size < EntityQuery.MAX_LIMIT;
        List<String> found = catalog.json().entities(!probe ? query : new EntityQuery(query.filter(), query.order(),
                query.offset(), size + 1, query.fullTextTerm(), query.fullTextFields(), query.predicate()));
        long total = probe ? 0 : catalog.count(query);
        boolean more = probe ? found.size() > size : query.offset() + found.size() < total;
        List<Object> items = found.stream().limit(size).map(e -> shown(e, projection)).toList();
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        if (more && !items.isEmpty()) {
            pageInfo.put("nextCursor", cursorAt.apply(query.offset() + items.size()));
        }
        if (query.offset() > 0) {
            pageInfo.put("prevCursor", cursorAt.apply(Math.max(0, query.offset() - size)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("totalItems", countTotal ? total : 0);
        body.put("pageInfo", pageInfo);
        return ApiJson.ok(body);
    }

    /**
     * Body {@code {entityRefs, fields?, query?}}: the entities in request order, {@code null} for a
     * reference that names none or whose entity does not match the predicate {@code query} and the
     * {@code filter} parameters. A read, open like the GET calls.
     */
    @POST
    @Path("entities/by-refs")
    @Consumes(MediaType.WILDCARD)
    public Response byRefs(String body, @QueryParam("filter") List<String> filter) {
        Map<String, Object> request = ApiJson.object(body);
        if (!(request.get("entityRefs") instanceof List<?> refs) || !refs.stream().allMatch(r -> r instanceof String)) {
            throw new IllegalArgumentException("entityRefs must be a list of entity references");
        }
        List<String> projection = request.get("fields") instanceof List<?> f
                ? f.stream().map(String::valueOf).toList() : List.of();
        EntityPredicate matching = EntityPredicate.and(EntityPredicate.of(EntityFilter.parse(filter)),
                EntityPredicate.parse(request.get("query")));
        List<String> found = catalog.json().entitiesByRefs(refs.stream().map(String.class::cast).toList(), matching);
        List<Object> items = new ArrayList<>();
        found.forEach(e -> items.add(shown(e, projection)));
        return ApiJson.ok(Map.of("items", items));
    }

    @GET
    @Path("entities/by-name/{kind}/{namespace}/{name}")
    public Response byName(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        return ApiJson.ok(shown(catalog.json().entity(ref(kind, namespace, name))
                .orElseThrow(() -> notFound(kind, namespace, name)), List.of()));
    }

    @GET
    @Path("entities/by-name/{kind}/{namespace}/{name}/ancestry")
    public Response ancestry(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        CatalogJson.Ancestry ancestry = catalog.json().ancestry(ref(kind, namespace, name))
                .orElseThrow(() -> notFound(kind, namespace, name));
        List<Object> items = new ArrayList<>();
        for (CatalogJson.Ancestry.Item item : ancestry.items()) {
            items.add(ApiJson.ordered("entity", shown(item.entityJson(), List.of()), "parentEntityRefs",
                    item.parentEntityRefs()));
        }
        return ApiJson.ok(ApiJson.ordered("rootEntityRef", ancestry.rootEntityRef(), "items", items));
    }

    @GET
    @Path("entities/by-uid/{uid}")
    public Response byUid(@PathParam("uid") String uid) {
        return ApiJson.ok(shown(catalog.json().entityByUid(uid).orElseThrow(
                () -> new CatalogException(CatalogException.Reason.NOT_FOUND, "No entity with uid " + uid)), List.of()));
    }

    @DELETE
    @Path("entities/by-uid/{uid}")
    public Response removeByUid(@PathParam("uid") String uid) {
        if (!locations.removeEntity(actor(), uid, null)) {
            throw new CatalogException(CatalogException.Reason.NOT_FOUND, "No entity with uid " + uid);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("entity-facets")
    public Response facets(@QueryParam("facet") List<String> facets, @QueryParam("filter") List<String> filter) {
        return facets(catalog.facets(facets, EntityFilter.parse(filter)));
    }

    /** Backstage's predicate form: body {@code {facets: [...], query?}}. A read, open like the GET form. */
    @POST
    @Path("entity-facets")
    @Consumes(MediaType.WILDCARD)
    public Response facetsByPredicate(String body) {
        Map<String, Object> request = ApiJson.object(body);
        List<String> facets = ApiJson.strings(request.get("facets"), "facets");
        return facets(catalog.facets(facets, EntityPredicate.parse(request.get("query"))));
    }

    private static Response facets(Map<String, List<FacetValue>> facets) {
        Map<String, Object> out = new LinkedHashMap<>();
        facets.forEach((facet, values) -> out.put(facet,
                values.stream().map(v -> ApiJson.ordered("value", v.value(), "count", v.count())).toList()));
        return ApiJson.ok(Map.of("facets", out));
    }

    @GET
    @Path("locations")
    public Response locations() {
        return ApiJson.ok(catalog.locations().stream().map(l -> Map.of("data", location(l))).toList());
    }

    /**
     * Backstage's paged location query: body {@code {query?, limit?}} (limit 1 or more, default
     * {@value LocationQuery#DEFAULT_LIMIT}), or {@code {cursor}} for a further page; answers
     * {@code {items, totalItems, pageInfo: {nextCursor?}}}, ordered by id, {@code totalItems} counting
     * every match. The predicate addresses {@code id}, {@code type}, {@code target} and
     * {@code entityRef}. A read, open like {@code GET /locations}.
     */
    @POST
    @Path("locations/by-query")
    @Consumes(MediaType.WILDCARD)
    public Response queryLocations(String body) {
        // Backstage's body is optional: nothing at all asks for the first page of everything.
        LocationQuery query = LocationQuery.of(body == null || body.isBlank() ? Map.of() : ApiJson.object(body));
        CatalogService.LocationPage page = catalog.locations(query.predicate(), query.afterId(), query.limit());
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        if (page.more()) {
            pageInfo.put("nextCursor", query.next(page.items().get(page.items().size() - 1).id()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(this::location).toList());
        out.put("totalItems", page.totalItems());
        out.put("pageInfo", pageInfo);
        return ApiJson.ok(out);
    }

    @POST
    @Path("locations")
    @Consumes(MediaType.WILDCARD)
    public Response addLocation(String body, @QueryParam("dryRun") boolean dryRun) {
        LocationInput input = LocationInput.of(body);
        CatalogService.AddedLocation added = dryRun ? catalog.addLocation(input.type(), input.target(), true)
                : locations.register(actor(), input.type(), input.target());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("location", location(added.location()));
        out.put("entities", added.entities().stream().map(this::shown).toList());
        if (dryRun) {
            out.put("exists", added.exists());
            // Beyond Backstage's shape (clients ignore unknown fields): what would be left out and why.
            SourceNames names = admin() ? null : catalog.sourceNames();
            out.put("rejected", added.rejected().stream().map(r -> {
                Map<String, Object> item = ApiJson.ordered("entityRef", r.entityRef(),
                        "location", names == null ? r.location() : names.location(r.location()));
                item.put("reason", names == null ? r.reason() : names.text(r.reason()));
                item.put("conflict", r.conflict());
                return item;
            }).toList());
            out.put("warnings", added.warnings().stream().map(w -> ApiJson.ordered("entityRef", w.entityRef(),
                    "message", w.message())).toList());
        }
        return ApiJson.status(201, out);
    }

    /**
     * Backstage's location, plus {@code status}: what the catalog is doing with it, so that a client
     * can tell a location that is loading from one that is broken (see {@link LocationStatusJson}).
     */
    @GET
    @Path("locations/{id}")
    public Response location(@PathParam("id") String id) {
        Map<String, Object> out = location(catalog.location(id).orElseThrow(
                () -> new CatalogException(CatalogException.Reason.NOT_FOUND, "No location with id " + id)));
        out.put("status", LocationStatusJson.of(catalog.locationStatus(id),
                admin() ? text -> text : catalog.sourceNames()::text));
        return ApiJson.ok(out);
    }

    /**
     * Backstage's update: body {@code {type, target}}; the location keeps its id, reads the new
     * target, and answers 200 with itself. 404 for an unknown id, 409 when another location has the
     * target or the location comes from configuration, 400 for a target {@code POST /locations} refuses.
     */
    @PUT
    @Path("locations/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response updateLocation(@PathParam("id") String id, String body) {
        LocationInput input = LocationInput.of(body);
        return ApiJson.ok(location(locations.update(actor(), id, input.type(), input.target())));
    }

    /** Who asks, for the audit log (changes always have a signed-in caller or the API token). */
    private String actor() {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    /** The body of {@code POST /locations} and {@code PUT /locations/{id}}. */
    private record LocationInput(String type, String target) {

        static LocationInput of(String body) {
            Map<String, Object> request = ApiJson.object(body);
            if (!(request.get("type") instanceof String type) || !(request.get("target") instanceof String target)) {
                throw new IllegalArgumentException("The body must be {\"type\": \"url\"|\"file\", \"target\": \"...\"}");
            }
            return new LocationInput(type, target);
        }
    }

    @DELETE
    @Path("locations/{id}")
    public Response removeLocation(@PathParam("id") String id) {
        locations.remove(actor(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("locations/by-entity/{kind}/{namespace}/{name}")
    public Response locationByEntity(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        return ApiJson.ok(location(catalog.locationOfEntity(ref(kind, namespace, name)).orElseThrow(
                () -> new CatalogException(CatalogException.Reason.NOT_FOUND, "No location for " + kind + ":" + namespace
                        + "/" + name))));
    }

    @POST
    @Path("analyze-location")
    @Consumes(MediaType.WILDCARD)
    public Response analyze(String body) {
        Map<String, Object> request = ApiJson.object(body);
        if (!(request.get("location") instanceof Map<?, ?> location) || !(location.get("type") instanceof String type)
                || !(location.get("target") instanceof String target)) {
            throw new IllegalArgumentException("The body must be {\"location\": {\"type\": ..., \"target\": ...}}");
        }
        CatalogService.AddedLocation preview = catalog.addLocation(type, target, true);
        List<Object> files = new ArrayList<>();
        for (Entity entity : preview.entities()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("entity", shown(entity));
            file.put("isRegistered", preview.exists());
            file.put("location", ApiJson.ordered("type", type, "target", target));
            files.add(file);
        }
        return ApiJson.ok(ApiJson.ordered("existingEntityFiles", files, "generateEntities", List.of()));
    }

    @POST
    @Path("refresh")
    @Consumes(MediaType.WILDCARD)
    public Response refresh(String body) {
        if (!(ApiJson.object(body).get("entityRef") instanceof String ref)) {
            throw new IllegalArgumentException("The body must be {\"entityRef\": \"kind:namespace/name\"}");
        }
        locations.refresh(actor(), ref);
        return Response.ok().build();
    }

    @POST
    @Path("validate-entity")
    @Consumes(MediaType.WILDCARD)
    @SuppressWarnings("unchecked")
    public Response validate(String body) {
        Map<String, Object> request = ApiJson.object(body);
        if (!(request.get("entity") instanceof Map<?, ?> entity)) {
            throw new IllegalArgumentException("The body must be {\"entity\": {...}, \"location\": \"type:target\"}");
        }
        List<String> problems = catalog.validate((Map<String, Object>) entity);
        if (problems.isEmpty()) {
            return Response.ok().build();
        }
        return ApiJson.status(400, Map.of("errors", problems.stream()
                .map(p -> ApiJson.ordered("name", "InputError", "message", p)).toList()));
    }

    @GET
    @Path("processing-errors")
    public Response processingErrors() {
        List<Object> items = new ArrayList<>();
        catalog.processingErrors().forEach(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            SourceNames names = admin() ? null : catalog.sourceNames();
            item.put("location", names == null ? e.location() : names.location(e.location()));
            item.put("entityRef", e.entityRef());
            item.put("message", names == null ? e.message() : names.text(e.message()));
            items.add(item);
        });
        return ApiJson.ok(Map.of("items", items));
    }


    /** A location as the caller may see it: its server path and URL secrets for admins only. */
    private Map<String, Object> location(CatalogLocation l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", l.id());
        out.put("type", l.type());
        out.put("target", admin() ? l.target() : catalog.sourceNames().target(l.type(), l.target()));
        out.put("entityRef", l.entityRef());
        return out;
    }

    /**
     * A stored entity as the caller may see it (server paths and URL secrets for admins only, see
     * {@link SourceNames}), written to the response as stored; only a {@code fields} projection
     * parses it. {@code null} stays {@code null}.
     */
    private Object shown(String json, List<String> projection) {
        if (json == null) {
            return null;
        }
        String visible = admin() ? json : catalog.sourceNames().json(json);
        return projection.isEmpty() ? new RawValue(visible) : Fields.project(ApiJson.tree(visible), projection);
    }

    /** A typed entity (a dry run's, not stored) as the caller may see it. */
    private Map<String, Object> shown(Entity entity) {
        return (admin() ? entity : catalog.sourceNames().entity(entity)).toTree();
    }

    /** The reference named by a path's segments; a malformed one names no entity (404). */
    private static EntityRef ref(String kind, String namespace, String name) {
        try {
            return new EntityRef(kind, namespace, name);
        } catch (IllegalArgumentException e) {
            throw notFound(kind, namespace, name);
        }
    }

    private boolean admin() {
        return security != null && security.isUserInRole(Caller.ADMIN);
    }

    private static QueryCursor withOffset(QueryCursor c, int offset) {
        return new QueryCursor(c.filter(), c.orderField(), c.fullTextFilterTerm(), c.fullTextFilterFields(), offset);
    }

    private static int parseAfter(String after) {
        try {
            return Integer.parseInt(after);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid after '" + after + "'");
        }
    }

    private static CatalogException notFound(String kind, String namespace, String name) {
        return new CatalogException(CatalogException.Reason.NOT_FOUND, "No entity named " + kind + ":" + namespace + "/" + name);
    }
}
