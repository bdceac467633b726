package dev.backlot.web.api;

import dev.backlot.search.SearchQuery;
import dev.backlot.search.SearchResults;
import dev.backlot.search.SearchService;
import dev.backlot.search.Suggestion;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/search}: Backstage's search API ({@code GET /query}), same parameters and JSON, so
 * Backstage's {@code @backstage/plugin-search-react} client works against it; plus
 * {@code GET /suggest} for the header's search box. Reads follow the catalog's: open to every caller.
 *
 * <p>Parameters of {@code /query}, as Backstage's client encodes them (qs, brackets):
 * {@code term}; {@code types[]=software-catalog} (or {@code types[0]=...}, {@code types=...});
 * {@code filters[kind]=Component} (or {@code filters[kind][0]=...} for several values, any of which
 * matches); {@code pageCursor}; {@code pageLimit} (1-100, default 25). A filter on a field no
 * document has is refused with 400 ({@code InputError}) naming the known fields; any term is
 * searched as plain words.
 */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    /** {@code types}, {@code types[]}, {@code types[3]}. */
    private static final Pattern TYPES = Pattern.compile("types(?:\\[\\d{0,3}])?");
    /** {@code filters[field]}, {@code filters[field][]}, {@code filters[field][2]}. */
    private static final Pattern FILTER = Pattern.compile("filters\\[([^\\[\\]]{1,100})](?:\\[\\d{0,3}])?");
    private static final int MAX_PARAMETERS = 100;

    @Inject
    SearchService search;

    @Context
    UriInfo uri;

    @GET
    @Path("query")
    public Response query(@QueryParam("term") String term, @QueryParam("pageCursor") String pageCursor,
            @QueryParam("pageLimit") String pageLimit) {
        SearchResults page = search.query(parse(uri.getQueryParameters(), term, pageCursor, pageLimit));
        List<Object> results = new ArrayList<>();
        for (SearchResults.Result r : page.results()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("title", r.document().title());
            document.put("text", r.document().text());
            document.put("location", r.document().location());
            r.document().fields().forEach(document::putIfAbsent);
            Map<String, Object> highlight = new LinkedHashMap<>();
            highlight.put("preTag", r.highlight().preTag());
            highlight.put("postTag", r.highlight().postTag());
            highlight.put("fields", r.highlight().fields());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("type", r.type());
            result.put("document", document);
            result.put("highlight", highlight);
            result.put("rank", r.rank());
            results.add(result);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        if (page.nextPageCursor() != null) {
            body.put("nextPageCursor", page.nextPageCursor());
        }
        if (page.previousPageCursor() != null) {
            body.put("previousPageCursor", page.previousPageCursor());
        }
        body.put("numberOfResults", page.numberOfResults());
        return ApiJson.ok(body);
    }

    @GET
    @Path("suggest")
    public Response suggest(@QueryParam("term") String term, @QueryParam("limit") String limit) {
        int n = limit == null ? 8 : parseInt("limit", limit, 1, 20);
        List<Suggestion> suggestions = search.suggest(term == null ? "" : term, n);
        return ApiJson.ok(suggestions.stream().map(s -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("title", s.title());
            out.put("location", s.location());
            out.put("type", s.type());
            out.put("kind", s.kind());
            out.put("owner", s.owner());
            return out;
        }).toList());
    }

    /** The query as Backstage's client sends it. @throws IllegalArgumentException for what cannot be read */
    static SearchQuery parse(MultivaluedMap<String, String> params, String term, String pageCursor, String pageLimit) {
        if (params.size() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("Too many query parameters (at most " + MAX_PARAMETERS + ")");
        }
        List<String> types = new ArrayList<>();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (TYPES.matcher(p.getKey()).matches()) {
                p.getValue().stream().filter(v -> !v.isBlank()).forEach(types::add);
                continue;
            }
            Matcher filter = FILTER.matcher(p.getKey());
            if (filter.matches()) {
                filters.computeIfAbsent(filter.group(1), k -> new ArrayList<>()).addAll(p.getValue());
            }
        }
        int limit = pageLimit == null || pageLimit.isBlank() ? 0 : parseInt("pageLimit", pageLimit, 1, SearchQuery.MAX_PAGE_LIMIT);
        return new SearchQuery(term, types, filters, pageCursor, limit);
    }

    private static int parseInt(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    }
}
