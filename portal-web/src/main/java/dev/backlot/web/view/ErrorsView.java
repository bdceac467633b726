package dev.backlot.web.view;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.SourceNames;
import dev.backlot.security.Caller;
import dev.backlot.catalog.ProcessingError;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.EntityRef;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    @Inject
    transient CatalogService catalog;

    private List<ProcessingError> errors = List.of();
    private String q;

    /** Reads the errors once the view parameters are set. */
    public void load() {
        try {
            errors = catalog.processingErrors();
        } catch (ServiceUnavailableException e) {
            errors = List.of(); // the layout's banner says why
            return;
        }
        if (!FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Caller.ADMIN)) {
            // Server paths and URL secrets are for admins only.
            SourceNames names = catalog.sourceNames();
            errors = errors.stream().map(e -> new ProcessingError(names.location(e.location()), e.entityRef(),
                    names.text(e.message()))).toList();
        }
    }

    /** The text filter changed: the URL follows it. */
    public void filterChanged() {
        String url = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/catalog/errors"
                + (q == null ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        PrimeFaces.current().executeScript("history.replaceState(null,'','" + url.replace("'", "%27") + "')");
    }

    /** The errors that contain the filter text (case-insensitive), all of them without one. */
    public List<ProcessingError> getErrors() {
        return matching(errors, q);
    }

    static List<ProcessingError> matching(List<ProcessingError> errors, String q) {
        if (q == null || q.isBlank()) {
            return errors;
        }
        String term = q.trim().toLowerCase(Locale.ROOT);
        return errors.stream().filter(e -> contains(e.location(), term) || contains(e.entityRef(), term)
                || contains(e.message(), term)).toList();
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
