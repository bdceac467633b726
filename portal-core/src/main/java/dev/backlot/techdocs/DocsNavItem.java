package dev.backlot.techdocs;

import java.io.Serializable;
import java.util.List;

/**
 * One entry of a site's navigation tree: a page, an outside link, or a section holding entries.
 *
 * @param title what the entry reads
 * @param path the page's path inside the site (e.g. {@code guide/setup/}, {@code ""} for the home page),
 *     or {@code null} for a section or an outside link
 * @param url an outside link ({@code https://...}), or {@code null}
 * @param children the entries of a section; empty for a page or a link
 */
public record DocsNavItem(String title, String path, String url, List<DocsNavItem> children) implements Serializable {
    private static final long serialVersionUID = 1L;

    public DocsNavItem {
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** Whether this entry or one below it is the page at {@code pagePath}. */
    public boolean contains(String pagePath) {
        return pagePath.equals(path) || children.stream().anyMatch(c -> c.contains(pagePath));
    }
}
