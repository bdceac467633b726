package dev.backlot.catalog.internal.read;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one {@link LocationCrawler#crawl} produced, in reading order. Entities and errors are
 * independent: a bad document or target costs only itself.
 *
 * @param entities the entities read, Location entities included
 * @param errors the problems met, each naming its location
 * @param filesRead the real paths of the files read, for change detection
 * @param urlsRead the urls read (as requested, before redirects)
 */
public record CrawlResult(List<Emitted> entities, List<ReadError> errors, Set<Path> filesRead, Set<String> urlsRead) {
    public CrawlResult {
        entities = List.copyOf(entities);
        errors = List.copyOf(errors);
        filesRead = Collections.unmodifiableSet(new LinkedHashSet<>(filesRead));
        urlsRead = Collections.unmodifiableSet(new LinkedHashSet<>(urlsRead));
    }
}
