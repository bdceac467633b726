package dev.backlot.techdocs.internal;

import dev.backlot.techdocs.DocsHeading;
import dev.backlot.techdocs.DocsNavItem;
import java.util.List;

/**
 * What a build wrote beside its pages ({@code site.json}): the site's metadata and each page's, all
 * but the HTML, which stays in one file per page.
 *
 * @param entityRef canonical reference
 * @param namespace as in URLs
 * @param kind lower case
 * @param name as in URLs
 * @param owner {@code spec.owner} as written, or empty
 * @param siteName the site's name
 * @param siteDescription a line about it, or empty
 * @param format the page formats, comma-separated
 * @param nav the navigation tree
 * @param pages the pages, in navigation order
 * @param assets the assets' paths
 * @param builtAtMillis when it was built
 * @param hash the content hash of the docs folder it was built from
 * @param buildDir the build's folder name under the entity's folder
 */
public record StoredSite(String entityRef, String namespace, String kind, String name, String owner, String siteName,
        String siteDescription, String format, List<DocsNavItem> nav, List<StoredPage> pages, List<String> assets,
        long builtAtMillis, String hash, String buildDir) {

    /**
     * One page.
     *
     * @param path reader path, e.g. {@code guide/setup/}
     * @param title its title
     * @param toc its headings
     * @param sourcePath its source inside the docs folder
     * @param editUrl where to edit it, or {@code null}
     */
    public record StoredPage(String path, String title, List<DocsHeading> toc, String sourcePath, String editUrl) {
    }
}
