package dev.backlot.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results, in the shape of Backstage's search response, plus what the search page
 * shows beside it.
 *
 * @param results the page, best first
 * @param nextPageCursor the cursor of the next page; {@code null} on the last
 * @param previousPageCursor the cursor of the previous page; {@code null} on the first
 * @param numberOfResults how many documents match in all
 * @param facets field to value counts among the matches ({@code type} is the document type)
 * @param didYouMean a corrected term that finds more, when the term looks misspelt; {@code null} otherwise
 */
public record SearchResults(List<Result> results, String nextPageCursor, String previousPageCursor,
        long numberOfResults, Map<String, List<FacetCount>> facets, String didYouMean) {

    public SearchResults {
        results = List.copyOf(results);
        facets = Map.copyOf(facets);
    }

    /**
     * One result.
     *
     * @param type the document type
     * @param document the document: {@code title}, {@code text}, {@code location} and its own fields
     * @param highlight the matched words marked in the document's fields
     * @param rank the position in the whole result list, from 1
     */
    public record Result(String type, Document document, Highlight highlight, int rank) {
    }

    /**
     * A found document.
     *
     * @param fields its own fields (kind, owner, a plugin's fields...)
     */
    public record Document(String title, String text, String location, Map<String, String> fields) {
        public Document {
            fields = Map.copyOf(fields);
        }
    }

    /**
     * Highlighted fragments: the text of each field with every match between {@code preTag} and
     * {@code postTag}. The fragments are plain text otherwise: escape them before showing them as HTML.
     */
    public record Highlight(String preTag, String postTag, Map<String, String> fields) {
        public Highlight {
            fields = Map.copyOf(fields);
        }
    }

    /** How many matching documents have {@code value} in a facet's field. */
    public record FacetCount(String value, long count) {
    }
}
