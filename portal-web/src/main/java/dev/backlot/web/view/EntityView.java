package dev.backlot.web.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backlot.catalog.CatalogException;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.CatalogService;
import dev.backlot.spi.ui.UiContribution;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.security.Caller;
import java.util.Optional;
import dev.backlot.web.catalog.AuditedLocations;
import dev.backlot.web.ui.Contribution;
import dev.backlot.web.ui.UiContributions;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /catalog/{namespace}/{kind}/{name}?tab=overview|relations|api|raw|docs|<plugin tab>} (forwarded
 * here by {@code EntityPathFilter}): one entity with its About card, relations graph and cards, its
 * relations by type, its API definition and its raw JSON, and the tabs and cards plugins contribute
 * for its kind; refresh and unregister for signed-in users.
 */
@Named
@ViewScoped
public class EntityView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Set<String> TABS = Set.of("overview", "relations", "api", "raw", "docs", "graph");
    /** The cards under the About card: relation type → title. */
    private static final Map<String, String> CARDS = cards();
    /** More nodes than this make the picture unreadable; the Relations tab lists them all. */
    static final int GRAPH_MAX_NODES = 16;
    /** Boxes side by side in the overview card's graph and in the full-page graph. */
    static final int GRAPH_COLUMNS = 4;
    static final int GRAPH_PAGE_COLUMNS = 6;
    static final int GRAPH_MAX_DEPTH = 3;
    static final int GRAPH_PAGE_MAX_NODES = 150;

    @Inject
    transient CatalogService catalog;
    @Inject
    transient UiContributions contributions;
    @Inject
    transient AuditedLocations locations;

    private String namespace;
    private String kind;
    private String name;
    private String tab;
    private CatalogEntity entity;
    private Map<String, CatalogEntity> related = Map.of();
    private CatalogLocation location;
    private Removal removal;
    private String graphDepth;
    private int graphNodeCount;
    private String removalError;
    /** Entities listed in the unregister dialog; more are counted. */
    static final int REMOVAL_LISTED = 100;

    /** Reads the entity and what it relates to, once the view parameters are set; 404 when it does not exist. */
    public void load() {
        try {
            entity = read().orElse(null);
        } catch (ServiceUnavailableException e) {
            // The layout's banner says why.
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(503);
            return;
        }
        if (entity == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    private Optional<CatalogEntity> read() {
        EntityRef ref;
        try {
            ref = new EntityRef(kind, namespace == null ? EntityRef.DEFAULT_NAMESPACE : namespace, name);
        } catch (RuntimeException notARef) {
            return Optional.empty();
        }
        // Server paths and URL secrets in its annotations are for admins only.
        boolean admin = FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Caller.ADMIN);
        Optional<CatalogEntity> found = catalog.entity(ref).map(e -> admin ? e : catalog.sourceNames().entity(e))
                .map(CatalogEntity::new);
        if (found.isEmpty()) {
            return found;
        }
        List<String> refs = found.get().getRelations().stream().map(r -> r.targetRef().canonical()).distinct().toList();
        List<Entity> relatedEntities = catalog.entitiesByRefs(refs);
        related = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            if (relatedEntities.get(i) != null) {
                related.put(refs.get(i), new CatalogEntity(relatedEntities.get(i)));
            }
        }
        location = catalog.locationOfEntity(ref)
                .map(l -> admin ? l : new CatalogLocation(l.id(), l.type(), catalog.sourceNames().target(l.type(), l.target())))
                .orElse(null);
        return found;
    }

    /** Queues a new read of the entity's source. */
    public void refresh() {
        if (!signedIn("refresh an entity")) {
            return;
        }
        try {
            locations.refresh(actor(), entity.getRef().canonical());
            message(FacesMessage.SEVERITY_INFO, "Refresh queued", "The page shows the new data once you reload it.");
        } catch (CatalogException | ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, "Could not refresh", e.getMessage());
        }
    }

    /**
     * Reads what unregistering would remove (the location and every entity it brought), for the
     * dialog that lists it before asking. Read on demand: a location can bring many entities.
     */
    public void prepareUnregister() {
        removal = null;
        removalError = null;
        if (location == null) {
            return;
        }
        try {
            CatalogService.LocationRemoval plan = catalog.previewRemoval(location.id());
            // The Location entity that stands for the location goes with it; the dialog names the location instead.
            String own = plan.location().entityRef();
            List<String> refs = plan.entities().stream().filter(r -> !r.equalsIgnoreCase(own)).toList();
            List<Entity> found = catalog.entitiesByRefs(refs.subList(0, Math.min(REMOVAL_LISTED, refs.size())));
            List<Related> items = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                EntityLink link = EntityLink.of(EntityRef.parse(refs.get(i), null, null));
                Entity e = found.get(i);
                items.add(e == null ? new Related(link.label(), null, link.path(), true)
                        : new Related(new CatalogEntity(e).getDisplayName(), link.label(), link.path(), false));
            }
            removal = new Removal(location.type() + ":" + location.target(), refs.size(), items);
        } catch (CatalogException | ServiceUnavailableException e) {
            removalError = e.getMessage();
        }
    }

    /** Removes the location that brought the entity in, and everything it brought, then back to the catalog. */
    public void unregister() throws IOException {
        if (!signedIn("unregister an entity")) {
            return;
        }
        if (location == null) {
            message(FacesMessage.SEVERITY_WARN, "Cannot unregister here",
                    "This entity was not brought in by a registered location; remove it from the source that provides it.");
            return;
        }
        CatalogService.LocationRemoval removed;
        try {
            removed = locations.remove(actor(), location.id());
        } catch (CatalogException | ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, "Could not unregister", e.getMessage());
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        message(FacesMessage.SEVERITY_INFO, "Unregistered " + location.type() + ":" + location.target(),
                "Removed the location and " + AuditedLocations.describe(removed.entities().stream()
                        .filter(r -> !r.equalsIgnoreCase(removed.location().entityRef())).toList()) + ".");
        external.redirect(external.getRequestContextPath() + "/catalog");
    }

    /**
     * Deletes this entity alone, which is meaningful only when its source no longer emits it (an
     * orphan): otherwise the next read brings it back.
     */
    public void deleteEntity() throws IOException {
        if (!signedIn("delete an entity") || !isOrphan()) {
            return;
        }
        try {
            locations.removeEntity(actor(), entity.getUid(), entity.getRef().canonical());
        } catch (CatalogException | ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, "Could not delete", e.getMessage());
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        message(FacesMessage.SEVERITY_INFO, "Deleted " + entity.getLink().label(),
                "Only this entity was removed; its location and the other entities stay.");
        external.redirect(external.getRequestContextPath() + "/catalog");
    }

    /** Whether the entity's source no longer emits it ({@code backstage.io/orphan: "true"}). */
    public boolean isOrphan() {
        return entity != null && "true".equals(entity.entity().annotations().get("backstage.io/orphan"));
    }

    /**
     * What unregistering removes, as the dialog lists it.
     *
     * @param location the location, as this caller may see it
     * @param count how many entities go
     * @param items the first {@value #REMOVAL_LISTED} of them
     */
    public record Removal(String location, int count, List<Related> items) implements Serializable {
        public int more() {
            return count - items.size();
        }
    }

    public Removal getRemoval() {
        return removal;
    }

    public String getRemovalError() {
        return removalError;
    }

    private static String actor() {
        java.security.Principal p = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return p == null ? null : p.getName();
    }

    private boolean signedIn(String what) {
        if (FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal() != null) {
            return true;
        }
        message(FacesMessage.SEVERITY_WARN, "Sign in first", "You need to be signed in to " + what + ".");
        return false;
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    /**
     * An entity the page links to.
     *
     * @param label its title or reference
     * @param description its description, or null when it is not in the catalog
     * @param path its page
     * @param missing true when the catalog does not have it
     */
    public record Related(String label, String description, String path, boolean missing) implements Serializable {
    }

    /**
     * A titled list of related entities.
     *
     * @param title e.g. {@code Provided APIs}
     * @param items the entities
     */
    public record Group(String title, List<Related> items) implements Serializable {
    }

    private Related related(EntityRef ref) {
        CatalogEntity e = related.get(ref.canonical());
        EntityLink link = EntityLink.of(ref);
        return e == null ? new Related(link.label(), null, link.path(), true)
                : new Related(e.getDisplayName(), e.getDescription() != null ? e.getDescription() : e.getEmail(), link.path(),
                        false);
    }

    /** The overview cards that apply to this kind, in a fixed order; the component ones even when empty. */
    public List<Group> getCards() {
        List<Group> out = new ArrayList<>();
        boolean component = "component".equalsIgnoreCase(entity.getKind());
        CARDS.forEach((type, title) -> {
            List<Related> items = entity.related(type).stream().map(this::related).toList();
            boolean always = component && Set.of("providesApi", "consumesApi", "dependsOn", "dependencyOf").contains(type);
            if (!items.isEmpty() || always) {
                out.add(new Group(title, items));
            }
        });
        return out;
    }

    /** Every relation, grouped by type in alphabetical order. */
    public List<Group> getRelationGroups() {
        Map<String, List<Related>> byType = new LinkedHashMap<>();
        entity.getRelations().stream().sorted((a, b) -> a.type().compareToIgnoreCase(b.type()))
                .forEach(r -> byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(related(r.targetRef())));
        return byType.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }

    /** The relations graph of the overview card as inline SVG: direct relations only (escaped, safe to write raw). */
    public String getGraphSvg() {
        List<String> targets = entity.getRelations().stream().map(r -> r.targetRef().canonical()).distinct()
                .limit(GRAPH_MAX_NODES).toList();
        Map<String, RelationsGraph.Node> nodes = new HashMap<>();
        targets.forEach(ref -> nodes.put(ref, graphNode(ref, related.get(ref))));
        return RelationsGraph.svg(graphNode(entity.getRef().canonical(), entity), nodes,
                RelationsGraph.edgesOf(entity.getRef().canonical(), entity.getRelations()), GRAPH_COLUMNS, contextPath());
    }

    public int getHiddenGraphNodes() {
        return (int) Math.max(0, entity.getRelations().stream().map(r -> r.targetRef().canonical()).distinct().count()
                - GRAPH_MAX_NODES);
    }

    /**
     * The full-page graph ({@code ?tab=graph&depth=2&kinds=component,api&relations=ownedBy}): relations
     * followed {@code depth} steps out (1 to {@value #GRAPH_MAX_DEPTH}), only the kinds and relation
     * types asked for (all without a filter), at most {@value #GRAPH_PAGE_MAX_NODES} entities.
     */
    public String getFullGraphSvg() {
        Set<String> kinds = chosen("graphKind");
        Set<String> types = chosen("graphRelation");
        Map<String, CatalogEntity> known = new HashMap<>(related);
        known.put(entity.getRef().canonical(), entity);
        List<RelationsGraph.Edge> edges = new ArrayList<>();
        Set<String> seen = new java.util.LinkedHashSet<>(List.of(entity.getRef().canonical()));
        List<String> frontier = List.of(entity.getRef().canonical());
        for (int step = 0; step < getGraphDepth() && !frontier.isEmpty() && seen.size() < GRAPH_PAGE_MAX_NODES; step++) {
            List<String> missing = frontier.stream().filter(r -> !known.containsKey(r)).toList();
            List<Entity> read = missing.isEmpty() ? List.of() : catalog.entitiesByRefs(missing);
            for (int i = 0; i < read.size(); i++) {
                if (read.get(i) != null) {
                    known.put(missing.get(i), new CatalogEntity(read.get(i)));
                }
            }
            List<String> nextFrontier = new ArrayList<>();
            for (String ref : frontier) {
                CatalogEntity e = known.get(ref);
                if (e == null) {
                    continue;
                }
                for (Entity.Relation r : e.getRelations()) {
                    String target = r.targetRef().canonical();
                    if (!types.isEmpty() && !types.contains(r.type().toLowerCase(Locale.ROOT))
                            || !kinds.isEmpty() && !kinds.contains(r.targetRef().kind().toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    edges.add(new RelationsGraph.Edge(ref, r.type(), target));
                    if (seen.size() < GRAPH_PAGE_MAX_NODES && seen.add(target)) {
                        nextFrontier.add(target);
                    }
                }
            }
            frontier = nextFrontier;
        }
        // Titles of the outermost ring, read in one call.
        List<String> untitled = seen.stream().filter(r -> !known.containsKey(r)).toList();
        List<Entity> read = untitled.isEmpty() ? List.of() : catalog.entitiesByRefs(untitled);
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i) != null) {
                known.put(untitled.get(i), new CatalogEntity(read.get(i)));
            }
        }
        Map<String, RelationsGraph.Node> nodes = new HashMap<>();
        seen.forEach(ref -> nodes.put(ref, graphNode(ref, known.get(ref))));
        graphNodeCount = seen.size();
        return RelationsGraph.svg(graphNode(entity.getRef().canonical(), entity), nodes, edges, GRAPH_PAGE_COLUMNS,
                contextPath());
    }

    /** The relation types and kinds this entity's own relations offer as graph filters. */
    public List<String> getGraphRelationOptions() {
        return entity.getRelations().stream().map(Entity.Relation::type).distinct().sorted().toList();
    }

    public List<String> getGraphKindOptions() {
        return List.of("component", "api", "resource", "system", "domain", "group", "user", "location", "template");
    }

    /** Whether a filter value is chosen (for the checkboxes). */
    public boolean graphKindChosen(String kind) {
        return chosen("graphKind").contains(kind.toLowerCase(Locale.ROOT));
    }

    public boolean graphRelationChosen(String type) {
        return chosen("graphRelation").contains(type.toLowerCase(Locale.ROOT));
    }

    public String relationWords(String type) {
        return RelationsGraph.words(type);
    }

    public int getGraphNodeCount() {
        return graphNodeCount;
    }

    public int getGraphDepth() {
        try {
            return graphDepth == null ? 1 : Math.max(1, Math.min(GRAPH_MAX_DEPTH, Integer.parseInt(graphDepth.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public String getDepth() {
        return graphDepth;
    }

    public void setDepth(String depth) {
        this.graphDepth = depth;
    }

    public List<Integer> getGraphDepthOptions() {
        return java.util.stream.IntStream.rangeClosed(1, GRAPH_MAX_DEPTH).boxed().toList();
    }

    /** The values of a repeated query parameter ({@code graphKind=component&graphKind=api}), lower-cased. */
    private static Set<String> chosen(String parameter) {
        String[] values = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap().get(parameter);
        Set<String> out = new java.util.HashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank() && v.length() < 64) {
                    out.add(v.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static RelationsGraph.Node graphNode(String ref, CatalogEntity e) {
        EntityLink link = EntityLink.of(EntityRef.parse(ref, null, null));
        if (e == null) {
            String kind = link.ref().kind();
            return new RelationsGraph.Node(ref, link.label(), Character.toUpperCase(kind.charAt(0)) + kind.substring(1),
                    link.path());
        }
        return new RelationsGraph.Node(ref, e.getDisplayName(), e.getKind(), link.path());
    }

    private static String contextPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    public boolean isApi() {
        return "api".equalsIgnoreCase(entity.getKind());
    }

    /** The API definition, highlighted when it is YAML or JSON, escaped in any case. */
    public String getDefinitionHtml() {
        String definition = entity.entity().specText("definition");
        String type = String.valueOf(entity.getType()).toLowerCase(Locale.ROOT);
        boolean yamlOrJson = Set.of("openapi", "asyncapi", "json", "yaml").contains(type)
                || definition != null && definition.stripLeading().startsWith("{");
        return yamlOrJson ? SourceHighlighter.highlight(definition) : SourceHighlighter.escape(String.valueOf(definition));
    }

    public List<OpenApiOperations.Operation> getOperations() {
        return "openapi".equalsIgnoreCase(entity.getType()) ? OpenApiOperations.parse(entity.entity().specText("definition"))
                : List.of();
    }

    /** The entity as indented, highlighted JSON. */
    public String getRawHtml() {
        try {
            return SourceHighlighter.highlight(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(entity.entity().toTree()));
        } catch (JsonProcessingException e) {
            return SourceHighlighter.escape(String.valueOf(entity.entity()));
        }
    }


    /** The readable URL of this entity with a tab. */
    public String tabUrl(String tab) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + entity.getPath() + ("overview".equals(tab) ? "" : "?tab=" + tab);
    }

    public CatalogEntity getEntity() {
        return entity;
    }

    public boolean isFound() {
        return entity != null;
    }

    public CatalogLocation getLocation() {
        return location;
    }

    /** The current tab; unknown values and {@code api} for a non-API show the overview. */
    public String getTab() {
        if (tab != null && !TABS.contains(tab) && getPluginTabs().stream().anyMatch(c -> c.id().equals(tab))) {
            return tab;
        }
        return tab == null || !TABS.contains(tab) || "api".equals(tab) && entity != null && !isApi() ? "overview" : tab;
    }

    /**
     * The tab the URL asks for when this page cannot show it (its plugin is stopped or removed, or the
     * entity is not an API), so the page can say so instead of silently showing the overview; else null.
     */
    public String getUnavailableTab() {
        return tab != null && !tab.isBlank() && !"overview".equals(tab) && "overview".equals(getTab()) ? tab : null;
    }

    /** The tabs plugins add for this entity, after the built-in ones (whose ids they cannot take). */
    public List<Contribution> getPluginTabs() {
        return contributions.forEntity(UiContribution.ENTITY_TAB, entity).stream().filter(c -> !TABS.contains(c.id()))
                .toList();
    }

    /** The cards plugins add to this entity's overview. */
    public List<Contribution> getPluginCards() {
        return contributions.forEntity(UiContribution.ENTITY_CARD, entity);
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    private static Map<String, String> cards() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("providesApi", "Provided APIs");
        m.put("consumesApi", "Consumed APIs");
        m.put("dependsOn", "Depends on");
        m.put("dependencyOf", "Dependents");
        m.put("hasPart", "Parts");
        m.put("apiProvidedBy", "Provided by");
        m.put("apiConsumedBy", "Consumed by");
        m.put("childOf", "Parent group");
        m.put("parentOf", "Child groups");
        m.put("hasMember", "Members");
        m.put("memberOf", "Member of");
        m.put("ownerOf", "Owns");
        return java.util.Collections.unmodifiableMap(m);
    }
}
