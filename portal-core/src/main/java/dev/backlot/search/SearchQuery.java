package dev.backlot.search;

import java.util.List;
import java.util.Map;

/**
 * A search, in the terms of Backstage's {@code GET /api/search/query}.
 *
 * @param term the words typed (any text; at most {@link #MAX_TERM_CHARS} are used)
 * @param types the document types to search; empty for all
 * @param filters field to accepted values (any of them matches), e.g. {@code kind -> [Component]};
 *     values compare ignoring case
 * @param pageCursor the cursor of the page to show, from a previous result; {@code null} for the first
 * @param pageLimit results per page, 1-{@link #MAX_PAGE_LIMIT}; 0 for the default 25
 */
public record SearchQuery(String term, List<String> types, Map<String, List<String>> filters, String pageCursor,
        int pageLimit) {

    /** Longer terms are cut here: no one types more, and a longer one only costs the server. */
    public static final int MAX_TERM_CHARS = 500;
    public static final int DEFAULT_PAGE_LIMIT = 25;
    public static final int MAX_PAGE_LIMIT = 100;

    public SearchQuery {
        term = term == null ? "" : term;
        types = types == null ? List.of() : List.copyOf(types);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        if (pageLimit < 0 || pageLimit > MAX_PAGE_LIMIT) {
            throw new IllegalArgumentException("pageLimit must be 1-" + MAX_PAGE_LIMIT + ", was " + pageLimit);
        }
        pageLimit = pageLimit == 0 ? DEFAULT_PAGE_LIMIT : pageLimit;
    }

    /** All types, no filters, the first page. */
    public static SearchQuery of(String term) {
        return new SearchQuery(term, List.of(), Map.of(), null, 0);
    }
}
