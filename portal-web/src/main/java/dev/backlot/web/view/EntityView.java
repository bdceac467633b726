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
    static final Set<String> TABS = Set.of("overview", "relations", "api", "raw", "docs");
    /** The cards under the About card: relation type → title. */
    private static final Map<String, String> CARDS = cards();
    /** More nodes than this make the picture unreadable; the Relations tab lists them all. */
    static final int GRAPH_MAX_NODES = 16;

    @Inject
    transient CatalogService catalog;
    @Inject
    transient UiContributions contributions;

    private String namespace;
    private String kind;
    private String name;
    private String tab;
    private CatalogEntity entity;
    private Map<String, CatalogEntity> related = Map.of();
    private CatalogLocation location;

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
            catalog.refresh(entity.getRef().canonical());
            message(FacesMessage.SEVERITY_INFO, "Refresh queued", "The page shows the new data once you reload it.");
        } catch (CatalogException | ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, "Could not refresh", e.getMessage());
        }
    }

    /** Removes the location that brought the entity in (and so everything it brought), then back to the catalog. */
    public void unregister() throws IOException {
        if (!signedIn("unregister an entity")) {
            return;
        }
        if (location == null) {
            message(FacesMessage.SEVERITY_WARN, "Cannot unregister here",
                    "This entity was not brought in by a registered location; remove it from the source that provides it.");
            return;
        }
        try {
            catalog.removeLocation(location.id());
        } catch (CatalogException | ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, "Could not unregister", e.getMessage());
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        message(FacesMessage.SEVERITY_INFO, "Unregistered " + entity.getLink().label(),
                "The location " + location.target() + " and the entities it brought are removed.");
        external.redirect(external.getRequestContextPath() + "/catalog");
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
                : new Related(e.getDisplayName(), e.getDescription(), link.path(), false);
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

    /** The relations graph as inline SVG (escaped, safe to write raw). */
    public String getGraphSvg() {
        List<Entity.Relation> relations = entity.getRelations();
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return RelationsGraph.svg(entity.getDisplayName(), relations.subList(0, Math.min(GRAPH_MAX_NODES, relations.size())),
                context);
    }

    public int getHiddenGraphNodes() {
        return Math.max(0, entity.getRelations().size() - GRAPH_MAX_NODES);
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
