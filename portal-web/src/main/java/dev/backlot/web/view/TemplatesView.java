package dev.backlot.web.view;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.Entity;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code /create}: the catalog's Template entities as cards, filtered by tag, type and text (all in
 * the URL: {@code /create?tag=java&type=service&q=orders}). Each card opens its wizard at
 * {@code /create/templates/{namespace}/{name}}.
 */
@Named
@ViewScoped
public class TemplatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CatalogService catalog;

    private String tag;
    private String type;
    private String q;
    private List<TemplateCard> all = List.of();

    /** One card. */
    public record TemplateCard(String namespace, String name, String title, String description, List<String> tags,
            String owner, String type) implements Serializable {

        public String path() {
            return "/create/templates/" + namespace + "/" + name;
        }
    }

    public void load() {
        try {
            List<TemplateCard> cards = new ArrayList<>();
            for (Entity e : catalog.entities(new EntityQuery(EntityFilter.parse(List.of("kind=template")), List.of(), 0,
                    1000, null, List.of()))) {
                cards.add(new TemplateCard(e.namespace(), e.name(), e.title() != null ? e.title() : e.name(),
                        e.description() == null ? "" : e.description(), e.tags(), e.specText("owner"), e.specText("type")));
            }
            cards.sort((a, b) -> a.title().compareToIgnoreCase(b.title()));
            all = cards;
        } catch (ServiceUnavailableException e) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_WARN, "Templates cannot be listed now", e.getMessage()));
        }
    }

    public List<TemplateCard> getTemplates() {
        String text = q == null ? "" : q.toLowerCase(Locale.ROOT).strip();
        return all.stream()
                .filter(t -> tag == null || tag.isBlank() || t.tags().contains(tag))
                .filter(t -> type == null || type.isBlank() || type.equals(t.type()))
                .filter(t -> text.isEmpty() || (t.title() + " " + t.name() + " " + t.description()).toLowerCase(Locale.ROOT)
                        .contains(text))
                .toList();
    }

    public List<String> getAllTags() {
        TreeSet<String> tags = new TreeSet<>();
        all.forEach(t -> tags.addAll(t.tags()));
        return List.copyOf(tags);
    }

    public List<String> getAllTypes() {
        TreeSet<String> types = new TreeSet<>();
        all.forEach(t -> {
            if (t.type() != null) {
                types.add(t.type());
            }
        });
        return List.copyOf(types);
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
