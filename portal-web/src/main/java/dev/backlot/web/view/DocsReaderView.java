package dev.backlot.web.view;

import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.EntityRef;
import dev.backlot.model.SafeLinks;
import dev.backlot.security.Caller;
import dev.backlot.techdocs.BuildState;
import dev.backlot.techdocs.BuildStatus;
import dev.backlot.techdocs.DocsNavItem;
import dev.backlot.techdocs.DocsPage;
import dev.backlot.techdocs.DocsSite;
import dev.backlot.techdocs.TechDocsService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The docs reader, {@code /docs/{namespace}/{kind}/{name}/{path}}: the site's navigation, the page,
 * its table of contents, breadcrumbs, the build's status and time, "edit this page", and Rebuild for
 * signed-in callers.
 */
@Named
@ViewScoped
public class DocsReaderView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A row of the flattened navigation tree: a page link, an outside link or a section label. */
    public record NavRow(String title, String href, int depth, boolean section, boolean current, boolean external)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Inject
    transient TechDocsService techdocs;

    private String namespace;
    private String kind;
    private String name;
    private String path;
    private DocsSite site;
    private DocsPage page;
    private BuildStatus status;
    private boolean documented;
    private String problem;

    public void load() {
        try {
            EntityRef ref = ref();
            status = techdocs.status(ref).orElse(null);
            documented = status != null;
            site = techdocs.site(ref).orElse(null);
            page = site == null ? null : techdocs.page(ref, path == null ? "" : path).orElse(null);
            if (documented && site == null) {
                status = techdocs.status(ref).orElse(status);
            }
            if (page == null && site != null || !documented) {
                FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            }
        } catch (IllegalArgumentException e) {
            documented = false;
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        } catch (ServiceUnavailableException e) {
            problem = e.getMessage();
        }
    }

    private EntityRef ref() {
        return new EntityRef(kind, namespace, name);
    }

    /** Rebuilds even when the sources did not change; signed-in callers only. */
    public void rebuild() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!faces.getExternalContext().isUserInRole(Caller.USER) && !faces.getExternalContext().isUserInRole(Caller.ADMIN)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Sign in to rebuild the docs.", null));
            return;
        }
        try {
            techdocs.build(ref(), true);
            status = techdocs.status(ref()).orElse(status);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Rebuild started. Reload the page in a moment to see the result.", null));
        } catch (NoSuchElementException | IllegalArgumentException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "These docs cannot be rebuilt: "
                    + e.getMessage(), null));
        }
    }

    public List<NavRow> getNavRows() {
        List<NavRow> rows = new ArrayList<>();
        if (site != null) {
            flatten(site.nav(), 0, rows);
        }
        return rows;
    }

    private void flatten(List<DocsNavItem> items, int depth, List<NavRow> rows) {
        for (DocsNavItem item : items) {
            if (item.url() != null) {
                if (SafeLinks.isSafe(item.url())) {
                    rows.add(new NavRow(item.title(), item.url(), depth, false, false, true));
                }
            } else if (item.path() != null) {
                rows.add(new NavRow(item.title(), site.url(item.path()), depth, false,
                        page != null && item.path().equals(page.path()), false));
            } else {
                rows.add(new NavRow(item.title(), null, depth, true, false, false));
            }
            flatten(item.children(), depth + 1, rows);
        }
    }

    /** The sections above the current page in the navigation, outermost first. */
    public List<String> getTrail() {
        List<String> trail = new ArrayList<>();
        if (site != null && page != null) {
            trail(site.nav(), trail);
        }
        return trail;
    }

    private boolean trail(List<DocsNavItem> items, List<String> into) {
        for (DocsNavItem item : items) {
            if (page.path().equals(item.path())) {
                return true;
            }
            if (item.contains(page.path())) {
                into.add(item.title());
                if (trail(item.children(), into)) {
                    return true;
                }
                into.remove(into.size() - 1);
            }
        }
        return false;
    }

    /** The page's headings; empty when there is no page. */
    public List<dev.backlot.techdocs.DocsHeading> getToc() {
        return page == null ? List.of() : page.toc();
    }

    public String getEditUrl() {
        return page != null && page.editUrl() != null && SafeLinks.isSafe(page.editUrl()) ? page.editUrl() : null;
    }

    public String getBuiltAt() {
        return status != null && status.builtAt() != null ? TIME.format(status.builtAt()) : null;
    }

    public boolean isBuilding() {
        return status != null && status.state() == BuildState.BUILDING;
    }

    public boolean isFailed() {
        return status != null && status.state() == BuildState.FAILED;
    }

    public String getEntityUrl() {
        return "/catalog/" + namespace + "/" + (kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT)) + "/" + name;
    }

    public DocsSite getSite() {
        return site;
    }

    public DocsPage getPage() {
        return page;
    }

    public BuildStatus getStatus() {
        return status;
    }

    public boolean isDocumented() {
        return documented;
    }

    public String getProblem() {
        return problem;
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

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
