package dev.backlot.web.view;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.SourceNames;
import dev.backlot.security.Caller;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.ProcessingError;
import dev.backlot.catalog.ProcessingProblem;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.EntityRef;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import org.primefaces.PrimeFaces;

/**
 * {@code /catalog/errors?q=…}: the documents the catalog rejected and the entities whose
 * processing failed, filtered by a text found in the location, the reference or the message.
 */
@Named
@ViewScoped
public class ErrorsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    transient CatalogService catalog;

    private List<Row> errors = List.of();
    private String q;

    /**
     * One error as the page shows it.
     *
     * @param location where it was read (masked for non-admins)
     * @param entityRef the entity, or null
     * @param message what is wrong (masked for non-admins)
     * @param at when the read that reported it ran, in words
     * @param locationId the registered location that reported it, or null
     * @param conflict whether another location provides the entity
     * @param ownerId for a conflict, the registered location that provides it, or null
     * @param owner for a conflict, that location (masked for non-admins), or null
     */
    public record Row(String location, String entityRef, String message, String at, String locationId, boolean conflict,
            String ownerId, String owner) implements Serializable {
    }

    /** Reads the errors once the view parameters are set. */
    public void load() {
        List<ProcessingProblem> problems;
        try {
            problems = catalog.processingProblems();
        } catch (ServiceUnavailableException e) {
            errors = List.of(); // the layout's banner says why
            return;
        }
        // Server paths and URL secrets are for admins only.
        SourceNames names = FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Caller.ADMIN) ? null
                : catalog.sourceNames();
        Map<String, Optional<CatalogLocation>> owners = new HashMap<>();
        errors = problems.stream().map(p -> {
            ProcessingError e = p.error();
            CatalogLocation owner = null;
            if (p.conflict() && e.entityRef() != null) {
                owner = owners.computeIfAbsent(e.entityRef(), ref -> {
                    try {
                        return catalog.locationOfEntity(EntityRef.parse(ref, null, null));
                    } catch (IllegalArgumentException notARef) {
                        return Optional.empty();
                    }
                }).orElse(null);
            }
            String ownerShown = owner == null ? null : names == null ? owner.type() + ":" + owner.target()
                    : names.location(owner.type() + ":" + owner.target());
            return new Row(names == null ? e.location() : names.location(e.location()), e.entityRef(),
                    names == null ? e.message() : names.text(e.message()), TIME.format(p.at()), p.locationId(), p.conflict(),
                    owner == null ? null : owner.id(), ownerShown);
        }).toList();
    }

    /** The text filter changed: the URL follows it. */
    public void filterChanged() {
        String url = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/catalog/errors"
                + (q == null ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        PrimeFaces.current().executeScript("history.replaceState(null,'','" + url.replace("'", "%27") + "')");
    }

    /** The errors that contain the filter text (case-insensitive), all of them without one. */
    public List<Row> getErrors() {
        return matching(errors, q);
    }

    static List<Row> matching(List<Row> errors, String q) {
        if (q == null || q.isBlank()) {
            return errors;
        }
        String term = q.trim().toLowerCase(Locale.ROOT);
        return errors.stream().filter(e -> contains(e.location(), term) || contains(e.entityRef(), term)
                || contains(e.message(), term) || contains(e.owner(), term)).toList();
    }

    private static boolean contains(String s, String term) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(term);
    }

    public int getTotal() {
        return errors.size();
    }

    /** The page of an entity reference, or null when it is missing or malformed. */
    public String pathOf(String entityRef) {
        EntityLink link = EntityLink.parse(entityRef, null, EntityRef.DEFAULT_NAMESPACE);
        return link == null ? null : FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + link.path();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null || q.isBlank() ? null : q.trim();
    }
}
