package dev.backlot.web.view;

import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.EntityRef;
import dev.backlot.techdocs.BuildStatus;
import dev.backlot.techdocs.DocsPage;
import dev.backlot.techdocs.DocsSite;
import dev.backlot.techdocs.TechDocsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The entity page's Docs tab: the docs' status and home page, with a link to the reader. */
@Named
@RequestScoped
public class EntityDocs {

    @Inject
    TechDocsService techdocs;

    private DocsSite site;
    private DocsPage home;
    private BuildStatus status;
    private String problem;
    private boolean loaded;

    /** Loads once per request for the entity shown. */
    public EntityDocs of(CatalogEntity entity) {
        if (!loaded) {
            loaded = true;
            try {
                EntityRef ref = entity.getRef();
                status = techdocs.status(ref).orElse(null);
                Optional<DocsSite> found = techdocs.site(ref);
                site = found.orElse(null);
                home = found.flatMap(s -> techdocs.page(ref, "")).orElse(null);
            } catch (ServiceUnavailableException e) {
                problem = e.getMessage();
            }
        }
        return this;
    }

    public DocsSite getSite() {
        return site;
    }

    public DocsPage getHome() {
        return home;
    }

    public BuildStatus getStatus() {
        return status;
    }

    public String getProblem() {
        return problem;
    }
}
