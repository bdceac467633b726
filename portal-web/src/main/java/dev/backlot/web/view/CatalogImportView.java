package dev.backlot.web.view;

import dev.backlot.catalog.CatalogException;
import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.SourceNames;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.EntityRef;
import dev.backlot.security.Caller;
import dev.backlot.web.catalog.AuditedLocations;
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
    @Inject
    transient AuditedLocations locations;

    private String type = "url";
    private String target;
    private List<Candidate> candidates;
    private boolean exists;
    private List<Candidate> imported;
    /** The id of the location just registered, or null. */
    private String registered;
    private String refused;
    private List<CatalogService.Rejected> rejected = List.of();
    private List<CatalogService.Warning> warnings = List.of();

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

    /** Reads the location without registering it: what it would bring, and what it would not and why. */
    public void analyze() {
        imported = null;
        candidates = null;
        if (!signedIn()) {
            return;
        }
        dryRun();
    }

    /**
     * The dry run both buttons rely on, so that they agree: it fills the analysis, or says why the
     * location cannot be registered.
     *
     * @return whether the location can be registered
     */
    private boolean dryRun() {
        refused = null;
        rejected = List.of();
        warnings = List.of();
        try {
            CatalogService.AddedLocation dryRun = catalog.addLocation(type, target.trim(), true);
            SourceNames names = admin() ? null : catalog.sourceNames();
            candidates = dryRun.entities().stream().map(e -> new Candidate(new CatalogEntity(e), List.of())).toList();
            rejected = dryRun.rejected().stream().map(r -> new CatalogService.Rejected(r.entityRef(),
                    names == null ? r.location() : names.location(r.location()),
                    names == null ? r.reason() : names.text(r.reason()), r.conflict())).toList();
            warnings = dryRun.warnings();
            exists = dryRun.exists();
            if (candidates.isEmpty() && rejected.isEmpty()) {
                message(FacesMessage.SEVERITY_WARN, "No entities found",
                        "The location can be read but holds no catalog entities. Check that it is a catalog-info.yaml.");
            } else if (!rejected.isEmpty()) {
                message(FacesMessage.SEVERITY_WARN, rejected.size() + (rejected.size() == 1 ? " entity or document is" : " entities or documents are")
                        + " left out", "See why below; the rest can be registered.");
            }
            return true;
        } catch (CatalogException e) {
            refused = shown(e.getMessage());
            message(FacesMessage.SEVERITY_ERROR, "This location cannot be registered", refused);
        } catch (ServiceUnavailableException e) {
            refused = e.getMessage();
            message(FacesMessage.SEVERITY_ERROR, "The catalog is unavailable", refused);
        }
        return false;
    }

    /** Registers the location, after the same dry run Analyze makes; its entities appear once read. */
    public void register() {
        imported = null;
        if (!signedIn()) {
            return;
        }
        if (!dryRun()) {
            return;
        }
        try {
            registered = locations.register(actor(), type, target.trim()).location().id();
        } catch (CatalogException e) {
            String summary = e.reason() == CatalogException.Reason.CONFLICT ? "Already registered"
                    : "This location cannot be registered";
            message(FacesMessage.SEVERITY_ERROR, summary, shown(e.getMessage()));
            return;
        } catch (ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, "The catalog is unavailable", e.getMessage());
            return;
        }
        imported = candidates != null ? candidates : List.of();
        candidates = null;
        message(FacesMessage.SEVERITY_INFO, "Location registered",
                "Its entities appear in the catalog within a few seconds, once it has been read."
                        + " Problems with its documents are listed under Processing errors.");
    }

    private String shown(String message) {
        return admin() ? message : catalog.sourceNames().text(message);
    }

    private static boolean admin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Caller.ADMIN);
    }

    private static String actor() {
        java.security.Principal p = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return p == null ? null : p.getName();
    }

    /** Why the last analysis refused the location, or null. */
    public String getRefused() {
        return refused;
    }

    /** What the last analysis read but would leave out, and why. */
    public List<CatalogService.Rejected> getRejected() {
        return rejected;
    }

    /** References to entities the catalog does not have, and other things that look wrong. */
    public List<CatalogService.Warning> getWarnings() {
        return warnings;
    }

    /** The page of an entity reference, or null. */
    public String pathOf(String entityRef) {
        EntityLink link = entityRef == null ? null : EntityLink.parse(entityRef, null, EntityRef.DEFAULT_NAMESPACE);
        return link == null ? null : FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + link.path();
    }

    /** A different location: forget the last analysis. */
    public void targetChanged() {
        candidates = null;
        imported = null;
        refused = null;
        rejected = List.of();
        warnings = List.of();
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
