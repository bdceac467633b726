package dev.backlot.web.view;

import dev.backlot.catalog.CatalogException;
import dev.backlot.catalog.CatalogService;
import dev.backlot.common.ServiceUnavailableException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /catalog-import}: register a location ({@code url} or {@code file}). Analyze reads it
 * without storing anything and lists the entities it would bring; Import registers it. The
 * entities arrive shortly after, since the catalog processes locations in the background.
 */
@Named
@ViewScoped
public class CatalogImportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CatalogService catalog;

    private String type = "url";
    private String target;
    private List<Candidate> candidates;
    private boolean exists;
    private List<Candidate> imported;
    /** The id of the location just registered, or null. */
    private String registered;

    /**
     * An entity the location brings.
     *
     * @param entity the entity
     * @param problems what the catalog's rules find wrong with it; empty when valid
     */
    public record Candidate(CatalogEntity entity, List<String> problems) implements Serializable {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Reads the location without registering it. */
    public void analyze() {
        imported = null;
        candidates = null;
        if (!signedIn()) {
            return;
        }
        try {
            CatalogService.AddedLocation dryRun = catalog.addLocation(type, target.trim(), true);
            // The dry run processes every entity as a real read would; it returns the valid ones.
            candidates = dryRun.entities().stream().map(e -> new Candidate(new CatalogEntity(e), List.of())).toList();
            exists = dryRun.exists();
            if (candidates.isEmpty()) {
                message(FacesMessage.SEVERITY_WARN, "No entities found",
                        "The location can be read but holds no catalog entities. Check that it is a catalog-info.yaml.");
            }
        } catch (CatalogException | ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, "Cannot read this location", e.getMessage());
        }
    }

    /** Registers the location; its entities appear once the catalog has processed it. */
    public void register() {
        imported = null;
        if (!signedIn()) {
            return;
        }
        try {
            registered = catalog.addLocation(type, target.trim(), false).location().id();
        } catch (CatalogException e) {
            String summary = e.reason() == CatalogException.Reason.CONFLICT ? "Already registered" : "Cannot register this location";
            message(FacesMessage.SEVERITY_ERROR, summary, e.getMessage());
            return;
        } catch (ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, "Cannot register this location", e.getMessage());
            return;
        }
        imported = candidates != null ? candidates : List.of();
        candidates = null;
        message(FacesMessage.SEVERITY_INFO, "Location registered",
                "Its entities appear in the catalog within a few seconds, once it has been read."
                        + " Problems with its documents are listed under Processing errors.");
    }

    /** A different location: forget the last analysis. */
    public void targetChanged() {
        candidates = null;
        imported = null;
    }

    private boolean signedIn() {
        if (FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal() != null) {
            return true;
        }
        message(FacesMessage.SEVERITY_WARN, "Sign in first", "You need to be signed in to register a location.");
        return false;
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    /** The analysed entities, or null before an analysis. */
    public List<Candidate> getCandidates() {
        return candidates;
    }

    public boolean isExists() {
        return exists;
    }

    /** The id of the location just registered, for the link to its progress; null before. */
    public String getRegistered() {
        return registered;
    }

    /** The entities of the location just registered, or null. */
    public List<Candidate> getImported() {
        return imported;
    }
}
