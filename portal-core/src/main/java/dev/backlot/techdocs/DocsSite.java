package dev.backlot.techdocs;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The built documentation of one entity, as served now.
 *
 * @param entityRef the entity's canonical reference, e.g. {@code component:default/payments}
 * @param namespace the entity's namespace as in its URLs
 * @param kind the entity's kind, lower case, as in its URLs
 * @param name the entity's name
 * @param siteName the site's name ({@code site_name} of {@code mkdocs.yml}, or the entity's title)
 * @param siteDescription a line about the site, or empty
 * @param format the formats of its pages, e.g. {@code markdown}
 * @param nav the navigation tree
 * @param pages every page path, in navigation order (pages left out of the nav come last)
 * @param builtAt when it was built
 * @param etag changes whenever the sources change (the content hash of the docs folder)
 */
public record DocsSite(String entityRef, String namespace, String kind, String name, String siteName,
        String siteDescription, String format, List<DocsNavItem> nav, List<String> pages, Instant builtAt, String etag)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public DocsSite {
        nav = List.copyOf(nav);
        pages = List.copyOf(pages);
        siteDescription = siteDescription == null ? "" : siteDescription;
    }

    /** The reader URL of a page of this site, e.g. {@code /docs/default/component/payments/guide/setup/}. */
    public String url(String pagePath) {
        return "/docs/" + namespace + "/" + kind + "/" + name + "/" + pagePath;
    }
}
