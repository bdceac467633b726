package dev.backlot.search;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the index is doing, for the admin console and the search page's banner.
 *
 * @param engine where the index lives, e.g. {@code embedded Solr in /srv/backlot/data/search}
 * @param reachable whether the last call to Solr worked
 * @param problem why Solr is not reachable, when it is not
 * @param documents per type, how many documents are searchable
 * @param rebuilding per type being rebuilt, how many documents are written so far
 * @param pendingChanges changes waiting for Solr to come back
 * @param lastRebuild when the last full rebuild of all types finished
 */
public record SearchStatus(String engine, boolean reachable, Optional<String> problem, Map<String, Long> documents,
        Map<String, Long> rebuilding, long pendingChanges, Optional<Instant> lastRebuild) {

    public SearchStatus {
        documents = Map.copyOf(documents);
        rebuilding = Map.copyOf(rebuilding);
    }
}
