/**
 * TechDocs extension point: a {@link dev.backlot.spi.techdocs.DocsRenderer} turns one page of an
 * entity's documentation, in the format it knows, into HTML. The portal ships two built in
 * (Markdown in the MkDocs layout, and AsciiDoc); a bundle adds another format while the portal runs
 * by registering one more service:
 *
 * <pre>{@code
 * @Component(service = DocsRenderer.class)
 * public class PlainTextRenderer implements DocsRenderer {
 *     public String format() { return "text"; }
 *     public Set<String> extensions() { return Set.of(".txt"); }
 *     public RenderedPage render(DocsPageSource page) {
 *         return new RenderedPage(null, "<pre>" + escape(page.text()) + "</pre>");
 *     }
 * }
 * }</pre>
 *
 * <p>The portal does everything around the call: it finds the pages, builds the navigation, rewrites
 * links between pages, sanitises the HTML (no scripts, event handlers or unsafe URLs survive, whatever
 * a renderer returns), computes the table of contents from the headings and stores the result.
 *
 * <p><b>Provisional:</b> 0.1.0 is the first cut; it may still change incompatibly (with a major version
 * bump); the build's baseline check reports on it but does not enforce a 0.x package, until it is declared
 * stable (1.0.0).
 */
@Export
@Version("0.1.0")
package dev.backlot.spi.techdocs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
