package dev.backlot.catalog;

import java.util.Set;

/**
 * Told after the catalog committed a change to entities, so that other engines (search, docs)
 * follow it within moments instead of crawling the catalog. See {@link CatalogService#addListener}.
 *
 * <p><b>Threading:</b> called on a lane of the runtime's scheduler, one call at a time, in commit
 * order; never on the thread that changed the catalog. Keep it short. An exception is logged and
 * does not stop later calls.
 */
@FunctionalInterface
public interface CatalogListener {

    /**
     * Entities were added, changed or removed, in transactions that have committed.
     *
     * @param refs the canonical references of the entities concerned ({@code component:default/x});
     *     read each again: one that is no longer there was removed
     */
    void entitiesChanged(Set<String> refs);
}
