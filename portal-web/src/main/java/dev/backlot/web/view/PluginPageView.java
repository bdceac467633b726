package dev.backlot.web.view;

import dev.backlot.web.ui.Contribution;
import dev.backlot.web.ui.UiContributions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * {@code /p/{id}} (forwarded here by {@code PluginPageFilter}): a page a plugin contributes to the
 * {@code nav.page} slot, in the portal's layout; 404 when no running plugin offers that page.
 */
@Named
@ViewScoped
public class PluginPageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UiContributions contributions;

    private String id;
    /** Only for the title; the fragment itself is looked up again whenever the view is built. */
    private String title;

    /** Finds the page once the view parameter is set. */
    public void load() {
        Contribution page = getPage();
        if (page == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            return;
        }
        title = page.title();
    }

    /** The contribution that owns the page now, or null. */
    public Contribution getPage() {
        return id == null ? null : contributions.page(id).orElse(null);
    }

    public String getTitle() {
        return title;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
