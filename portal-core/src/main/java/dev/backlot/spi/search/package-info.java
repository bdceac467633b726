/**
 * Search extension point: {@link dev.backlot.spi.search.SearchCollator} supplies the documents of
 * one type (for example {@code software-catalog} or {@code techdocs}) to the search index.
 *
 * <pre>{@code
 * @Component(service = SearchCollator.class)
 * public class WikiCollator implements SearchCollator {
 *     public String type() { return "wiki"; }
 *     public Stream<SearchDocument> documents() {
 *         return pages().map(p -> new SearchDocument(p.title(), p.text(), p.url(), Map.of("space", p.space())));
 *     }
 * }
 * }</pre>
 *
 * <p>Registering the service indexes its documents; updating the bundle replaces them; removing it
 * drops them, all while the portal runs. 0.2.0 added {@link dev.backlot.spi.search.SearchDocument#id()} and {@link dev.backlot.spi.search.CollatorContext}.
 *
 * <p><b>Provisional:</b> the build's baseline check reports on it but, as for every 0.x package, does
 * not enforce it, until a release declares it 1.0.0.
 */
@Export
@Version("0.2.0")
package dev.backlot.spi.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
