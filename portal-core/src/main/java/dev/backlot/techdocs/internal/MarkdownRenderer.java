package dev.backlot.techdocs.internal;

import dev.backlot.spi.techdocs.DocsPageSource;
import dev.backlot.spi.techdocs.DocsRenderer;
import dev.backlot.spi.techdocs.RenderedPage;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The built-in Markdown renderer: commonmark-java with GitHub tables, task lists, footnotes (our own {@link Footnotes}), heading
 * anchors and MkDocs admonitions. Raw HTML in a page is kept for the portal's sanitiser to judge
 * (MkDocs pages use {@code <details>} and the like); URLs are sanitised here already.
 *
 * <p>Parser and renderer are immutable and thread-safe: built once.
 */
final class MarkdownRenderer implements DocsRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), TaskListItemsExtension.create(),
            Footnotes.create(), HeadingAnchorExtension.create(), Admonitions.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".md", ".markdown");
    }

    @Override
    public RenderedPage render(DocsPageSource page) {
        return new RenderedPage(null, renderer.render(parser.parse(page.text())));
    }
}
