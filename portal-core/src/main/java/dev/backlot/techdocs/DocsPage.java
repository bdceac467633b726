package dev.backlot.techdocs;

import java.io.Serializable;
import java.util.List;

/**
 * One built page, ready to be shown.
 *
 * @param path its path inside the site, e.g. {@code guide/setup/} ({@code ""} for the home page)
 * @param title the page title
 * @param html the sanitised body (an HTML fragment whose links point at portal URLs)
 * @param toc the page's headings, in order
 * @param sourcePath the source file inside the docs folder, e.g. {@code docs/guide/setup.md}
 * @param editUrl where to edit the source, when the entity's source is a web URL; {@code null} otherwise
 */
public record DocsPage(String path, String title, String html, List<DocsHeading> toc, String sourcePath,
        String editUrl) implements Serializable {
    private static final long serialVersionUID = 1L;

    public DocsPage {
        toc = toc == null ? List.of() : List.copyOf(toc);
    }
}
