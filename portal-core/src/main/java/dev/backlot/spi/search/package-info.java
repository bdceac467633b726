/**
 * Search extension point: {@link dev.backlot.spi.search.SearchCollator} supplies the documents of
 * one type (for example {@code software-catalog} or {@code techdocs}) to the search index.
 *
 * <p><b>Provisional:</b> no engine consumes this package yet; it may still change incompatibly
 * (with a major version bump) until the search engine ships, and is left out of the build's
 * baseline check until then.
 */
@Export
@Version("0.1.0")
package dev.backlot.spi.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
