package dev.backlot.search;

import java.util.List;

/**
 * Search over everything the portal indexes: catalog entities ({@code software-catalog}), templates
 * ({@code template}), docs pages ({@code techdocs}) and the document types plugins add through
 * {@link dev.backlot.spi.search.SearchCollator}. Answered by Apache Solr, embedded in the portal or
 * remote (a Solr node or SolrCloud).
 *
 * <pre>{@code
 * SearchResults page = search.query(SearchQuery.of("payments"));
 * page.results().get(0).document().location();   // /catalog/default/component/payment-service
 * }</pre>
 *
 * <p>Reads follow the catalog's: open to every caller. Any term is safe: it is searched as words
 * (and {@code "phrases"} when its quotes balance), never as Solr syntax.
 *
 * <p><b>Failures:</b> when Solr cannot be reached, {@link #query} and {@link #suggest} throw
 * {@link dev.backlot.common.ServiceUnavailableException} (the API answers 503, the page shows a
 * banner); changes meanwhile are queued durably and written when Solr is back.
 */
public interface SearchService {

    /**
     * One page of results for {@code query}, with facet counts and a spelling suggestion.
     *
     * @throws IllegalArgumentException for a filter on a field no document has (the message names
     *     the known fields), or a malformed page cursor
     */
    SearchResults query(SearchQuery query);

    /**
     * What to suggest while someone types {@code prefix}: catalog entities by name and title
     * first, then the other types; at most {@code limit} (1-20). Empty for a blank prefix.
     */
    List<Suggestion> suggest(String prefix, int limit);

    /**
     * Rebuilds one type's documents from its collator, in the background on the runtime's
     * scheduler: the new set is written beside the old one, which keeps answering, and replaces it
     * in one step. Does nothing for a type no collator supplies (its documents are dropped).
     */
    void refresh(String type);

    /** {@link #refresh} of every type, as the schedule and the admin console do. */
    void refreshAll();

    /** The index's state: per-type counts, rebuild progress, queued changes, reachability. */
    SearchStatus status();
}
