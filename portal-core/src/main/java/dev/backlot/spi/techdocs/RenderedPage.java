package dev.backlot.spi.techdocs;

import java.util.Objects;

/**
 * What a {@link DocsRenderer} made of a page.
 *
 * @param title the page title declared by the source (an AsciiDoc document title), or {@code null}
 *     to let the portal take the first heading or the file name
 * @param html the page body as an HTML fragment, sanitised by the portal afterwards
 */
public record RenderedPage(String title, String html) {
    public RenderedPage {
        Objects.requireNonNull(html, "html");
    }
}
