package dev.backlot.web.view;

import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.search.SearchService;
import dev.backlot.search.SearchStatus;
import dev.backlot.web.security.AdminOnly;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /admin/search}: the search index as an admin sees it (where it lives, whether Solr answers,
 * documents per type, rebuilds in progress with their count so far, changes waiting for Solr) and
 * the full rebuild, of every type or one, which runs beside the live documents and swaps them in.
 */
@Named
@ViewScoped
@AdminOnly
public class SearchAdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SearchService search;

    private transient SearchStatus status;
    private String unavailable;

    /** A document type's row: how many are searchable, and how far a rebuild of it has come. */
    public record TypeRow(String type, long documents, Long rebuilding) implements Serializable {
    }

    @PostConstruct
    public void refresh() {
        try {
            status = search.status();
            unavailable = null;
        } catch (ServiceUnavailableException e) {
            status = null;
            unavailable = e.getMessage();
        }
    }

    public void rebuildAll() {
        search.refreshAll();
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Rebuild of every type queued", "Each type is built beside its live documents and swapped in."));
        refresh();
    }

    public void rebuild(String type) {
        search.refresh(type);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Rebuild of " + type + " queued", null));
        refresh();
    }

    public List<TypeRow> getTypes() {
        if (status == null) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>(status.documents().keySet());
        names.addAll(status.rebuilding().keySet());
        List<TypeRow> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new TypeRow(name, status.documents().getOrDefault(name, 0L), status.rebuilding().get(name)));
        }
        return rows;
    }

    public boolean isRebuilding() {
        return status != null && !status.rebuilding().isEmpty();
    }

    public SearchStatus getStatus() {
        return status;
    }

    public String getProblem() {
        return status == null ? unavailable : status.problem().orElse(null);
    }

    public Map<String, Long> getRebuildingCounts() {
        return status == null ? Map.of() : status.rebuilding();
    }
}
