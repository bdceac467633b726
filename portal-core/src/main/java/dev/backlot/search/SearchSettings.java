package dev.backlot.search;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the index lives and how often it is rebuilt in full. Each setting has a MicroProfile-style
 * name and its environment variable:
 *
 * <table>
 * <caption>Search settings</caption>
 * <tr><th>name (environment)</th><th>default</th><th>meaning</th></tr>
 * <tr><td>portal.solr.url ({@code PORTAL_SOLR_URL})</td><td>unset</td><td>a Solr node or load balancer,
 *     e.g. {@code http://solr:8983/solr}; the collection must exist (see solr-config/README.md)</td></tr>
 * <tr><td>portal.solr.zk ({@code PORTAL_SOLR_ZK})</td><td>unset</td><td>SolrCloud ZooKeeper hosts,
 *     e.g. {@code zk1:2181,zk2:2181/solr}; the configset is uploaded and the collection created when missing</td></tr>
 * <tr><td>portal.solr.collection ({@code PORTAL_SOLR_COLLECTION})</td><td>backlot</td><td>collection (or core) name</td></tr>
 * <tr><td>portal.search.rebuild.hours ({@code PORTAL_SEARCH_REBUILD_HOURS})</td><td>24</td><td>full rebuild period; 0: never</td></tr>
 * </table>
 *
 * <p>{@code source} answers the other {@code portal.search.*} settings, which collators read
 * (e.g. {@code portal.search.knowledge.posts}).
 *
 * <p>With neither URL nor ZooKeeper hosts, Solr runs inside the portal with its index in
 * {@code <data>/search}.
 */
public record SearchSettings(Optional<String> solrUrl, Optional<String> solrZk, String collection, Duration rebuildEvery,
        Function<String, Optional<String>> source) {

    /** Settings without a source of further {@code portal.search.*} settings (collators see none). */
    public SearchSettings(Optional<String> solrUrl, Optional<String> solrZk, String collection, Duration rebuildEvery) {
        this(solrUrl, solrZk, collection, rebuildEvery, name -> Optional.empty());
    }

    public SearchSettings {
        if (!collection.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("PORTAL_SOLR_COLLECTION must be letters, digits, _ and -, was '" + collection + "'");
        }
        if (solrUrl.isPresent() && !solrUrl.get().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("PORTAL_SOLR_URL must be an http(s) URL");
        }
        if (rebuildEvery.isNegative()) {
            throw new IllegalArgumentException("PORTAL_SEARCH_REBUILD_HOURS must be 0 or more");
        }
    }

    /** Embedded Solr, collection {@code backlot}, rebuilt daily. */
    public static SearchSettings embedded() {
        return new SearchSettings(Optional.empty(), Optional.empty(), "backlot", Duration.ofHours(24));
    }

    /** @param source the value of a setting name ({@code portal.solr.url}), empty when unset */
    public static SearchSettings from(Function<String, Optional<String>> source) {
        Function<String, Optional<String>> read = name -> source.apply(name).map(String::trim).filter(v -> !v.isEmpty());
        long hours;
        try {
            hours = Long.parseLong(read.apply("portal.search.rebuild.hours").orElse("24"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORTAL_SEARCH_REBUILD_HOURS must be a whole number of hours");
        }
        return new SearchSettings(read.apply("portal.solr.url"), read.apply("portal.solr.zk"),
                read.apply("portal.solr.collection").orElse("backlot"), Duration.ofHours(hours), read);
    }

    /** From system properties, then the environment ({@code portal.solr.url} or {@code PORTAL_SOLR_URL}). */
    public static SearchSettings fromEnvironment() {
        return from(name -> Optional.ofNullable(System.getProperty(name))
                .or(() -> Optional.ofNullable(System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_')))));
    }

    /** Whether Solr runs inside the portal. */
    public boolean isEmbedded() {
        return solrUrl.isEmpty() && solrZk.isEmpty();
    }
}
