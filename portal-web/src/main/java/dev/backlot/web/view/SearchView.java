package dev.backlot.web.view;

import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.SafeLinks;
import dev.backlot.search.SearchQuery;
import dev.backlot.search.SearchResults;
import dev.backlot.search.SearchService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /search?q=...}: results of one search, with facet filters (counts), highlighted snippets,
 * "did you mean", paging and an empty state that says what to try. Everything lives in the URL
 * ({@code q}, {@code types}, one parameter per facet, {@code page}), so every state is a link:
 * back, reload and sharing work, and the page needs no ajax.
 */
@Named
@ViewScoped
public class SearchView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;
    /** Facet parameters of the page, in the order they are shown, with their labels. */
    static final Map<String, String> FACETS = facets();

    @Inject
    transient SearchService search;

    private String q = "";
    private final Map<String, String> selected = new LinkedHashMap<>();
    private int page = 1;
    private SearchResults results;
    private String unavailable;
    private String refused;

    private static Map<String, String> facets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("types", "Result type");
        m.put("kind", "Kind");
        m.put("lifecycle", "Lifecycle");
        m.put("owner", "Owner");
        m.put("type", "Type");
        m.put("tags", "Tags");
        m.put("namespace", "Namespace");
        m.put("system", "System");
        return m;
    }

    @PostConstruct
    void load() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        q = params.getOrDefault("q", "");
        for (String facet : FACETS.keySet()) {
            String value = params.get(facet);
            if (value != null && !value.isBlank()) {
                selected.put(facet, value);
            }
        }
        try {
            page = Math.max(1, Math.min(500, Integer.parseInt(params.getOrDefault("page", "1"))));
        } catch (NumberFormatException e) {
            page = 1;
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        selected.forEach((k, v) -> {
            if (!k.equals("types")) {
                filters.put(k, List.of(v));
            }
        });
        List<String> types = selected.containsKey("types") ? List.of(selected.get("types")) : List.of();
        String cursor = page == 1 ? null
                : Base64.getEncoder().encodeToString(Integer.toString(page - 1).getBytes(StandardCharsets.UTF_8));
        try {
            results = search.query(new SearchQuery(q, types, filters, cursor, PAGE_SIZE));
        } catch (ServiceUnavailableException e) {
            unavailable = e.getMessage();
        } catch (IllegalArgumentException e) {
            refused = e.getMessage();
        }
    }

    /** A result as the page shows it: link, heading, snippet (HTML, escaped but for the marks), badges. */
    public record Hit(String href, String titleHtml, String snippetHtml, String type, String kind, String owner,
            String lifecycle, boolean external) implements Serializable {
    }

    /** A facet value as a link that adds it to the search (or removes it when it is selected). */
    public record FacetLink(String label, long count, String href, boolean active) implements Serializable {
    }

    /** A facet: its label and its values. */
    public record Facet(String name, String label, List<FacetLink> values) implements Serializable {
    }

    public List<Hit> getHits() {
        if (results == null) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        for (SearchResults.Result r : results.results()) {
            String location = r.document().location();
            String href = location.startsWith("/") && !location.startsWith("//") ? contextPath() + location
                    : SafeLinks.safe(location).orElse("#");
            Map<String, String> marked = r.highlight().fields();
            String title = marked.containsKey("title") ? marks(marked.get("title")) : escape(r.document().title());
            String text = marked.containsKey("text") ? marks(marked.get("text")) : escape(shorten(r.document().text()));
            Map<String, String> f = r.document().fields();
            out.add(new Hit(href, title, text, r.type(), f.getOrDefault("kind", ""), f.getOrDefault("owner", ""),
                    f.getOrDefault("lifecycle", ""), !location.startsWith("/")));
        }
        return out;
    }

    public List<Facet> getFacets() {
        if (results == null) {
            return List.of();
        }
        List<Facet> out = new ArrayList<>();
        for (Map.Entry<String, String> facet : FACETS.entrySet()) {
            var counts = results.facets().getOrDefault(facet.getKey(), List.of());
            if (counts.isEmpty()) {
                continue;
            }
            List<FacetLink> links = new ArrayList<>();
            for (SearchResults.FacetCount c : counts) {
                boolean active = c.value().equalsIgnoreCase(selected.getOrDefault(facet.getKey(), ""));
                Map<String, String> next = new LinkedHashMap<>(selected);
                if (active) {
                    next.remove(facet.getKey());
                } else {
                    next.put(facet.getKey(), c.value());
                }
                links.add(new FacetLink(c.value(), c.count(), url(q, next, 1), active));
            }
            out.add(new Facet(facet.getKey(), facet.getValue(), links));
        }
        return out;
    }

    /** The selected filters, each as a link that removes it. */
    public List<FacetLink> getSelectedFilters() {
        List<FacetLink> out = new ArrayList<>();
        selected.forEach((k, v) -> {
            Map<String, String> next = new LinkedHashMap<>(selected);
            next.remove(k);
            out.add(new FacetLink(FACETS.get(k) + ": " + v, 0, url(q, next, 1), true));
        });
        return out;
    }

    /** A request parameter the search form keeps. */
    public record Param(String name, String value) implements Serializable {
    }

    /** The selected filters as parameters, kept by the search form when the term changes. */
    public List<Param> getSelectedParams() {
        return selected.entrySet().stream().map(e -> new Param(e.getKey(), e.getValue())).toList();
    }

    public String getDidYouMean() {
        return results == null ? null : results.didYouMean();
    }

    public String getDidYouMeanHref() {
        return getDidYouMean() == null ? null : url(getDidYouMean(), selected, 1);
    }

    public String getClearFiltersHref() {
        return url(q, Map.of(), 1);
    }

    public String getNextHref() {
        return results != null && results.nextPageCursor() != null ? url(q, selected, page + 1) : null;
    }

    public String getPreviousHref() {
        return page > 1 ? url(q, selected, page - 1) : null;
    }

    public long getTotal() {
        return results == null ? 0 : results.numberOfResults();
    }

    public int getFirstRank() {
        return (page - 1) * PAGE_SIZE + 1;
    }

    public int getLastRank() {
        return (page - 1) * PAGE_SIZE + getHits().size();
    }

    public boolean isNoResults() {
        return results != null && results.results().isEmpty();
    }

    public boolean isFiltered() {
        return !selected.isEmpty();
    }

    public String getQ() {
        return q;
    }

    public int getPage() {
        return page;
    }

    public String getUnavailable() {
        return unavailable;
    }

    public String getRefused() {
        return refused;
    }

    private String url(String term, Map<String, String> filters, int toPage) {
        StringBuilder url = new StringBuilder(contextPath()).append("/search?q=").append(encode(term));
        filters.forEach((k, v) -> url.append('&').append(k).append('=').append(encode(v)));
        if (toPage > 1) {
            url.append("&page=").append(toPage);
        }
        return url.toString();
    }

    private static String contextPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() <= 240 ? text : text.substring(0, 240) + "…";
    }

    /** Escapes a highlighted fragment, then turns only the engine's marks back into {@code <mark>}. */
    static String marks(String fragment) {
        return escape(fragment).replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
