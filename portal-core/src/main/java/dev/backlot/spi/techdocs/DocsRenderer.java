package dev.backlot.spi.techdocs;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Renders pages of one documentation format to HTML, implemented by plugin bundles (and by the
 * portal's two built-in renderers, which rank last).
 *
 * <p><b>Conflict rule:</b> a page goes to the highest-ranked renderer ({@code service.ranking})
 * that claims its file extension; the built-in Markdown ({@code .md}, {@code .markdown}) and
 * AsciiDoc ({@code .adoc}, {@code .asciidoc}) renderers come after every plugin.
 *
 * <p><b>When called:</b> during a docs build, on a build thread, once per page whose source changed
 * since the last build; never two calls at once for the same site, but calls for different sites may
 * run concurrently. Each call is guarded by a time limit: a renderer that throws or overruns fails
 * that build, with its message in the build log, never the portal.
 */
@ConsumerType
public interface DocsRenderer {

    /** A short name of the format, shown in build logs and metadata, e.g. {@code markdown}. */
    String format();

    /** The lower-case file name endings this renderer claims, with the dot, e.g. {@code .md}. */
    Set<String> extensions();

    /**
     * Renders one page.
     *
     * @param page the page's source and a jailed reader for the files beside it
     * @return the page body as an HTML fragment (no {@code <html>} or {@code <body>}), and its title when
     *     the format declares one; the portal sanitises the HTML afterwards
     * @throws Exception a failure that fails the build; its message goes to the build log
     */
    RenderedPage render(DocsPageSource page) throws Exception;
}
