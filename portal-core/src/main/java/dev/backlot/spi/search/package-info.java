/**
 * Search extension point: {@link dev.backlot.spi.search.SearchCollator} supplies the documents of
 * one type (for example {@code software-catalog} or {@code techdocs}) to the search index.
 */
@Export
@Version("0.1.0")
package dev.backlot.spi.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
