package dev.backlot.catalog.internal.read;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one {@link LocationCrawler#crawl} produced, in reading order. Entities and errors are
 * independent: a bad document or target costs only itself.
 *
 * @param entities the entities read, Location entities included
 * @param errors the problems met, each naming its location
 * @param filesRead the real paths of the files read, for change detection
 * @param urlsRead the urls read (as requested, before redirects)
 * @param stamps the leaves of this crawl, by location ({@code file:/...} or the url): what the next
 *     crawl is given to recognise what did not change
 * @param unchanged the locations whose content and parents matched the stamps given to the crawl:
 *     read and hashed, not parsed, so {@code entities} holds nothing from them; what is stored from
 *     them stays as it is
 */
public record CrawlResult(List<Emitted> entities, List<ReadError> errors, Set<Path> filesRead, Set<String> urlsRead,
        Map<String, FileStamp> stamps, Set<String> unchanged) {
    public CrawlResult {
        entities = List.copyOf(entities);
        errors = List.copyOf(errors);
        filesRead = Collections.unmodifiableSet(new LinkedHashSet<>(filesRead));
        urlsRead = Collections.unmodifiableSet(new LinkedHashSet<>(urlsRead));
        stamps = Map.copyOf(stamps);
        unchanged = Set.copyOf(unchanged);
    }
}
