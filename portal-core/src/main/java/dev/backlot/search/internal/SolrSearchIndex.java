package dev.backlot.search.internal;

import dev.backlot.model.SafeLinks;
import dev.backlot.search.SearchQuery;
import dev.backlot.search.SearchResults;
import dev.backlot.search.SearchResults.Document;
import dev.backlot.search.SearchResults.FacetCount;
import dev.backlot.search.SearchResults.Highlight;
import dev.backlot.search.SearchResults.Result;
import dev.backlot.search.Suggestion;
import dev.backlot.spi.search.SearchDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * The index as the service uses it: write a type's documents under a generation, sweep the older
 * generations, delete by id, count, query and suggest. Every SolrJ call of the feature is here or
 * in {@link SolrConnection}; a failure is an {@link IOException} (Solr unreachable or refusing).
 */
final class SolrSearchIndex {

    /** Changes become searchable within this time: well inside the 2 s freshness promise. */
    static final int COMMIT_WITHIN_MS = 500;
    private static final int MAX_SHOWN_TEXT = 1_000;

    private final SolrClient client;
    private final String collection;

    SolrSearchIndex(SolrConnection connection) {
        this(connection.client(), connection.collection());
    }

    SolrSearchIndex(SolrClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    /** Adds or replaces documents (by id), searchable within {@link #COMMIT_WITHIN_MS}. */
    void write(String type, long generation, List<SearchDocument> docs) throws IOException {
        write(type, generation, docs, true);
    }

    /**
     * Adds or replaces documents (by id).
     *
     * @param soon searchable within {@link #COMMIT_WITHIN_MS} (a change); false for a rebuild's
     *     batches, which become searchable together at its {@link #sweep} (a commit per half second
     *     during a bulk write would open a new searcher each time and slow the write several times)
     */
    void write(String type, long generation, List<SearchDocument> docs, boolean soon) throws IOException {
        if (docs.isEmpty()) {
            return;
        }
        List<SolrInputDocument> batch = new ArrayList<>(docs.size());
        for (SearchDocument doc : docs) {
            // A result is a link: a javascript: or data: location from a collator would run in the page.
            if (SafeLinks.isSafe(doc.location())) {
                batch.add(SolrDocuments.toSolr(type, generation, doc));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        UpdateRequest request = new UpdateRequest();
        request.add(batch);
        if (soon) {
            request.setCommitWithin(COMMIT_WITHIN_MS);
        }
        call(() -> request.process(client, collection));
    }

    void delete(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        UpdateRequest request = new UpdateRequest();
        request.deleteById(new ArrayList<>(ids));
        request.setCommitWithin(COMMIT_WITHIN_MS);
        call(() -> request.process(client, collection));
    }

    /**
     * Makes a rebuilt type live in one step: deletes the type's documents of older generations and
     * commits, so a searcher sees either the old set or the whole new one (updated in place by id).
     */
    void sweep(String type, long generation) throws IOException {
        call(() -> client.deleteByQuery(collection, "doctype:" + ClientUtils.escapeQueryChars(type)
                + " AND gen:[* TO " + (generation - 1) + "]"));
        commit();
    }

    /** Drops every document of a type (its collator is gone). */
    void drop(String type) throws IOException {
        call(() -> client.deleteByQuery(collection, "doctype:" + ClientUtils.escapeQueryChars(type)));
        commit();
    }

    void commit() throws IOException {
        call(() -> client.commit(collection, true, true, true));
    }

    /** How many documents each type has, as searchable now. */
    Map<String, Long> counts() throws IOException {
        SolrQuery q = new SolrQuery("*:*");
        q.setRows(0);
        q.setFacet(true);
        q.setFacetMinCount(1);
        q.setFacetLimit(-1);
        q.addFacetField("doctype", "fieldnames");
        QueryResponse r = call(() -> client.query(collection, q));
        Map<String, Long> out = new LinkedHashMap<>();
        for (FacetField.Count c : r.getFacetField("doctype").getValues()) {
            out.put(c.getName(), c.getCount());
        }
        return out;
    }

    /** The names of plugin fields the index holds (each filterable). */
    Set<String> pluginFields() throws IOException {
        SolrQuery q = new SolrQuery("*:*");
        q.setRows(0);
        q.setFacet(true);
        q.setFacetMinCount(1);
        q.setFacetLimit(500);
        q.addFacetField("fieldnames");
        QueryResponse r = call(() -> client.query(collection, q));
        Set<String> out = new TreeSet<>();
        for (FacetField.Count c : r.getFacetField("fieldnames").getValues()) {
            out.add(c.getName());
        }
        return out;
    }

    /** Whether Solr answers. */
    void ping() throws IOException {
        SolrQuery q = new SolrQuery("*:*");
        q.setRows(0);
        call(() -> client.query(collection, q));
    }

    SearchResults query(SearchQuery query, Set<String> pluginFields) throws IOException {
        SolrQuery solr = SolrQueries.search(query, pluginFields);
        QueryResponse response = call(() -> client.query(collection, solr, org.apache.solr.client.solrj.SolrRequest.METHOD.POST));
        long total = response.getResults().getNumFound();
        int start = (int) response.getResults().getStart();
        Map<String, Map<String, List<String>>> highlighting = response.getHighlighting() == null ? Map.of()
                : response.getHighlighting();
        List<Result> results = new ArrayList<>();
        int rank = start;
        for (SolrDocument doc : response.getResults()) {
            String id = (String) doc.getFieldValue("id");
            Map<String, String> marked = new LinkedHashMap<>();
            highlighting.getOrDefault(id, Map.of()).forEach((field, fragments) -> {
                if (!fragments.isEmpty()) {
                    marked.put(field, fragments.get(0));
                }
            });
            results.add(new Result((String) doc.getFieldValue("doctype"), document(doc),
                    new Highlight(SolrQueries.PRE_TAG, SolrQueries.POST_TAG, marked), ++rank));
        }
        int page = start / query.pageLimit();
        String next = start + results.size() < total && start + query.pageLimit() <= SolrQueries.MAX_START
                ? SolrQueries.cursor(page + 1) : null;
        String previous = page > 0 ? SolrQueries.cursor(page - 1) : null;
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        if (response.getFacetFields() != null) {
            for (FacetField f : response.getFacetFields()) {
                facets.put(f.getName(), f.getValues().stream().map(c -> new FacetCount(c.getName(), c.getCount())).toList());
            }
        }
        return new SearchResults(results, next, previous, total, facets, didYouMean(response, query.term()));
    }

    private static String didYouMean(QueryResponse response, String term) {
        SpellCheckResponse spell = response.getSpellCheckResponse();
        if (spell == null || spell.getCollatedResult() == null) {
            return null;
        }
        String collated = spell.getCollatedResult().strip();
        return collated.isEmpty() || collated.equalsIgnoreCase(SolrQueries.spellWords(term)) ? null : collated;
    }

    List<Suggestion> suggest(String prefix, int limit) throws IOException {
        SolrQuery solr = SolrQueries.suggest(prefix, limit);
        if (solr.getQuery() == null || solr.getQuery().isBlank()) {
            return List.of();
        }
        QueryResponse response = call(() -> client.query(collection, solr));
        List<Suggestion> out = new ArrayList<>();
        for (SolrDocument doc : response.getResults()) {
            out.add(new Suggestion(text(doc, "title"), text(doc, "location"), text(doc, "doctype"), text(doc, "kind"),
                    text(doc, "owner")));
        }
        return out;
    }

    private static Document document(SolrDocument doc) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("name", "kind", "namespace", "owner", "lifecycle", "type", "system")) {
            String value = text(doc, name);
            if (!value.isEmpty()) {
                fields.put(name, value);
            }
        }
        Collection<Object> tags = doc.getFieldValues("tags");
        if (tags != null && !tags.isEmpty()) {
            fields.put("tags", String.join(",", tags.stream().map(String::valueOf).toList()));
        }
        for (String name : doc.getFieldNames()) {
            if (name.endsWith(SolrDocuments.PLUGIN_SUFFIX)) {
                fields.put(name.substring(0, name.length() - SolrDocuments.PLUGIN_SUFFIX.length()), text(doc, name));
            }
        }
        String body = text(doc, "text");
        if (body.length() > MAX_SHOWN_TEXT) {
            body = body.substring(0, MAX_SHOWN_TEXT) + "…";
        }
        return new Document(text(doc, "title"), body, text(doc, "location"), fields);
    }

    private static String text(SolrDocument doc, String field) {
        Object value = doc.getFirstValue(field);
        return value == null ? "" : value.toString();
    }

    @FunctionalInterface
    private interface SolrCall<T> {
        T run() throws SolrServerException, IOException;
    }

    private static <T> T call(SolrCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (SolrServerException e) {
            throw new IOException(e.getMessage(), e);
        } catch (org.apache.solr.common.SolrException e) {
            if (e.code() >= 400 && e.code() < 500) {
                throw new Refused(e);
            }
            throw new IOException("Solr failed the request: " + e.getMessage(), e);
        }
    }

    /** Solr answered, but refused the request as bad (a query it cannot parse): not a reachability problem. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(Throwable cause) {
            super("Solr refused the request: " + cause.getMessage(), cause);
        }
    }
}
