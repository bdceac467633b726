package dev.backlot.search.internal;

import dev.backlot.catalog.CatalogService;
import dev.backlot.common.SerialExecutor;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionListener;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.search.SearchQuery;
import dev.backlot.search.SearchResults;
import dev.backlot.search.SearchService;
import dev.backlot.search.SearchSettings;
import dev.backlot.search.SearchStatus;
import dev.backlot.search.Suggestion;
import dev.backlot.spi.search.CollatorContext;
import dev.backlot.spi.search.SearchCollator;
import dev.backlot.spi.search.SearchDocument;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The search engine: keeps the index in step with the catalog (incrementally, from its change
 * events) and with the collators (built in, and plugins as they come, change and go), and answers
 * queries. Every write to the index runs on one lane of the runtime's scheduler, in order, so a
 * rebuild and the incremental changes of its type never overtake each other.
 *
 * <p>When Solr cannot be reached, writes go to {@link PendingChanges} and a timer asks Solr every
 * few seconds until it answers, then catches up; nothing polls while Solr is well.
 */
public final class DefaultSearchService implements SearchService, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DefaultSearchService.class.getName());
    static final int BATCH = 1_000;
    /** A plugin's collator has this long to hand over all its documents. */
    static final Duration COLLATOR_LIMIT = Duration.ofMinutes(5);
    static final int MAX_PLUGIN_DOCUMENTS = 500_000;
    static final long RETRY_SECONDS = 5;

    private final SolrConnection connection;
    private final SolrSearchIndex index;
    private final CatalogService catalog;
    private final ExtensionRegistry extensions;
    private final Map<String, SearchCollator> builtins = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final SerialExecutor lane;
    private final PendingChanges pending;
    private final SearchSettings settings;
    private final CollatorContext context;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    /** The type each plugin collator serves, read once when it came (keyed by bundle and object). */
    private final Map<String, String> pluginTypes = new ConcurrentHashMap<>();
    private final Map<String, Long> rebuilding = new ConcurrentHashMap<>();
    private volatile Set<String> pluginFields = Set.of();
    private volatile boolean reachable = true;
    private volatile String problem;
    private volatile Instant lastRebuild;
    private long lastGeneration;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> schedule;

    DefaultSearchService(SolrConnection connection, CatalogService catalog, ExtensionRegistry extensions,
            List<SearchCollator> builtins, ScheduledExecutorService scheduler, PendingChanges pending,
            SearchSettings settings, CollatorContext context) {
        this.connection = connection;
        this.index = new SolrSearchIndex(connection);
        this.catalog = catalog;
        this.extensions = extensions;
        this.scheduler = scheduler;
        this.lane = new SerialExecutor(scheduler, "search");
        this.pending = pending;
        this.settings = settings;
        this.context = context;
        for (SearchCollator collator : builtins) {
            if (SolrDocuments.validType(collator.type())) {
                this.builtins.putIfAbsent(collator.type(), collator);
            } else {
                LOG.warning(() -> "A built-in search collator has an unusable type '" + collator.type() + "': left out");
            }
        }
    }

    /** Subscribes to the catalog and the plugins, rebuilds what the index lacks, arms the schedule. */
    public void start() {
        subscriptions.add(catalog.addListener(refs -> lane.submit(() -> entitiesChanged(refs))));
        subscriptions.add(extensions.addListener(SearchCollator.class, new CollatorEvents()));
        lane.submit(this::rebuildMissing);
        lane.submit(this::catchUp);
        long hours = settings.rebuildEvery().toHours();
        if (hours > 0) {
            schedule = scheduler.scheduleWithFixedDelay(this::refreshAll, hours, hours, TimeUnit.HOURS);
        }
    }

    // ---- queries

    @Override
    public SearchResults query(SearchQuery query) {
        try {
            SearchResults results = index.query(query, pluginFields);
            reachable();
            return results;
        } catch (SolrSearchIndex.Refused e) {
            LOG.log(Level.FINE, "Solr refused a query; answered with no results", e);
            return new SearchResults(List.of(), null, null, 0, Map.of(), null);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        try {
            return index.suggest(prefix, Math.max(1, Math.min(20, limit)));
        } catch (SolrSearchIndex.Refused e) {
            return List.of();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private ServiceUnavailableException unavailable(IOException e) {
        unreachable(e);
        return new ServiceUnavailableException("search", connection.description() + " cannot be reached ("
                + e.getMessage() + "); the rest of the portal works, and changes are kept until it is back");
    }

    // ---- rebuilds

    @Override
    public void refresh(String type) {
        if (SolrDocuments.validType(type)) {
            lane.submit(() -> rebuild(type));
        }
    }

    @Override
    public void refreshAll() {
        lane.submit(() -> {
            for (String type : types()) {
                rebuild(type);
            }
            lastRebuild = Instant.now();
        });
    }

    /** Every type some collator serves now. */
    private Set<String> types() {
        Set<String> types = new LinkedHashSet<>(builtins.keySet());
        types.addAll(pluginTypes.values());
        return types;
    }

    /** At start: a type with no documents (a new index, a deleted folder) is built. */
    private void rebuildMissing() {
        try {
            Map<String, Long> counts = index.counts();
            pluginFields = index.pluginFields();
            for (String type : types()) {
                if (!counts.containsKey(type)) {
                    rebuild(type);
                }
            }
            reachable();
        } catch (IOException e) {
            unreachable(e);
            pending.add(types().stream().map(t -> PendingChanges.TYPE + t).toList());
        }
    }

    /** Writes the type's documents as a new generation beside the old, then sweeps the old (lane only). */
    private void rebuild(String type) {
        long generation = nextGeneration();
        rebuilding.put(type, 0L);
        try {
            Optional<Extension<SearchCollator>> plugin = winner(type);
            if (plugin.isEmpty() && !builtins.containsKey(type)) {
                index.drop(type);
                LOG.info(() -> "Search documents of type " + type + " dropped: no collator serves it");
                return;
            }
            long written;
            if (plugin.isPresent()) {
                List<SearchDocument> docs = pluginDocuments(plugin.get());
                written = writeAll(type, generation, docs.iterator());
            } else {
                try (Stream<SearchDocument> docs = builtins.get(type).documents(context)) {
                    written = writeAll(type, generation, docs.iterator());
                }
            }
            index.sweep(type, generation);
            pluginFields = index.pluginFields();
            reachable();
            LOG.info(() -> "Search documents of type " + type + " rebuilt: " + written);
        } catch (IOException e) {
            unreachable(e);
            pending.add(List.of(PendingChanges.TYPE + type));
        } catch (PluginCallException e) {
            LOG.warning(() -> "The search collator of type " + type + " failed; its previous documents stay: " + e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Rebuilding search documents of type " + type + " failed; the previous ones stay", e);
        } finally {
            rebuilding.remove(type);
        }
    }

    private long writeAll(String type, long generation, Iterator<SearchDocument> docs) throws IOException {
        List<SearchDocument> batch = new ArrayList<>(BATCH);
        long written = 0;
        while (docs.hasNext()) {
            SearchDocument doc = docs.next();
            if (doc == null) {
                continue;
            }
            batch.add(doc);
            if (batch.size() == BATCH) {
                index.write(type, generation, batch, false);
                written += batch.size();
                rebuilding.put(type, written);
                batch.clear();
            }
        }
        index.write(type, generation, batch, false);
        return written + batch.size();
    }

    private List<SearchDocument> pluginDocuments(Extension<SearchCollator> plugin) throws PluginCallException {
        return extensions.calls().call(plugin, "SearchCollator.documents", COLLATOR_LIMIT, () -> {
            try (Stream<SearchDocument> docs = plugin.service().documents(context)) {
                return docs.limit(MAX_PLUGIN_DOCUMENTS).toList();
            }
        });
    }

    /** The highest-ranked plugin collator of the type, if any (it wins over the built-in one). */
    private Optional<Extension<SearchCollator>> winner(String type) {
        for (Extension<SearchCollator> ext : extensions.extensions(SearchCollator.class)) {
            if (type.equals(pluginTypes.get(key(ext)))) {
                return Optional.of(ext);
            }
        }
        return Optional.empty();
    }

    private synchronized long nextGeneration() {
        lastGeneration = Math.max(lastGeneration + 1, System.currentTimeMillis());
        return lastGeneration;
    }

    // ---- the catalog's changes

    /** Writes or deletes the documents of changed entities (lane only). */
    private void entitiesChanged(Set<String> refs) {
        if (!reachable) {
            pending.add(refs.stream().map(r -> PendingChanges.ENTITY + r).toList());
            return;
        }
        try {
            apply(refs);
        } catch (IOException e) {
            unreachable(e);
            pending.add(refs.stream().map(r -> PendingChanges.ENTITY + r).toList());
        }
    }

    private void apply(Set<String> refs) throws IOException {
        boolean catalogBuiltin = builtins.containsKey(CatalogDocuments.CATALOG_TYPE)
                && winner(CatalogDocuments.CATALOG_TYPE).isEmpty();
        boolean templateBuiltin = builtins.containsKey(CatalogDocuments.TEMPLATE_TYPE)
                && winner(CatalogDocuments.TEMPLATE_TYPE).isEmpty();
        List<SearchDocument> entities = new ArrayList<>();
        List<SearchDocument> templates = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<String> ordered = new ArrayList<>(refs);
        // One read per chunk, not per entity: a catalog load tells of thousands at once.
        List<Entity> found = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i += BATCH) {
            found.addAll(catalog.entitiesByRefs(ordered.subList(i, Math.min(ordered.size(), i + BATCH))));
        }
        for (int i = 0; i < ordered.size(); i++) {
            EntityRef ref;
            try {
                ref = EntityRef.parse(ordered.get(i), null, null);
            } catch (IllegalArgumentException e) {
                continue;
            }
            Entity entity = found.get(i);
            if (entity != null) {
                entities.add(CatalogDocuments.entity(entity));
                if (CatalogDocuments.isTemplate(entity)) {
                    templates.add(CatalogDocuments.template(entity));
                }
            } else {
                gone.add(CatalogDocuments.CATALOG_TYPE + "|" + CatalogDocuments.location(ref));
                gone.add(CatalogDocuments.TEMPLATE_TYPE + "|" + CatalogDocuments.templateLocation(ref));
            }
        }
        long generation = nextGeneration();
        if (catalogBuiltin) {
            index.write(CatalogDocuments.CATALOG_TYPE, generation, entities);
        }
        if (templateBuiltin) {
            index.write(CatalogDocuments.TEMPLATE_TYPE, generation, templates);
        }
        index.delete(gone);
    }

    // ---- Solr unreachable and back

    private void unreachable(Exception e) {
        if (reachable) {
            LOG.warning(() -> "Search: " + connection.description() + " cannot be reached: " + e.getMessage()
                    + "; changes are queued until it answers");
        }
        problem = e.getMessage();
        reachable = false;
        synchronized (this) {
            if (retry == null || retry.isDone()) {
                retry = scheduler.schedule(() -> lane.submit(this::tryAgain), RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private void reachable() {
        if (!reachable) {
            LOG.info(() -> "Search: " + connection.description() + " answers again");
            reachable = true;
            problem = null;
            lane.submit(this::catchUp);
        }
    }

    private void tryAgain() {
        try {
            index.ping();
            reachable();
        } catch (IOException e) {
            synchronized (this) {
                retry = null;
            }
            unreachable(e);
        }
    }

    /** Writes what was queued while Solr was away (lane only). */
    private void catchUp() {
        try {
            while (reachable) {
                List<String> keys = pending.next(BATCH);
                if (keys.isEmpty()) {
                    return;
                }
                Set<String> refs = new LinkedHashSet<>();
                for (String key : keys) {
                    if (key.startsWith(PendingChanges.TYPE)) {
                        rebuild(key.substring(PendingChanges.TYPE.length()));
                    } else if (key.startsWith(PendingChanges.ENTITY)) {
                        refs.add(key.substring(PendingChanges.ENTITY.length()));
                    }
                }
                apply(refs);
                if (!reachable) {
                    return;
                }
                pending.remove(keys);
                LOG.info(() -> "Search caught up with " + keys.size() + " queued changes");
            }
        } catch (IOException e) {
            unreachable(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Search could not read its queued changes", e);
        }
    }

    // ---- status

    @Override
    public SearchStatus status() {
        Map<String, Long> counts = Map.of();
        if (reachable) {
            try {
                counts = index.counts();
            } catch (IOException e) {
                unreachable(e);
            }
        }
        long queued;
        try {
            queued = pending.count();
        } catch (RuntimeException e) {
            queued = -1;
        }
        return new SearchStatus(connection.description(), reachable, Optional.ofNullable(problem), counts,
                Map.copyOf(rebuilding), queued, Optional.ofNullable(lastRebuild));
    }

    // ---- plugins

    private static String key(Extension<?> ext) {
        return ext.bundleId() + ":" + System.identityHashCode(ext.service());
    }

    /** Collators come, change and go: read each one's type once, then rebuild that type. */
    private final class CollatorEvents implements ExtensionListener<SearchCollator> {
        @Override
        public void added(Extension<SearchCollator> ext) {
            String type;
            try {
                type = extensions.calls().call(ext, "SearchCollator.type", Duration.ofSeconds(5), ext.service()::type);
            } catch (PluginCallException e) {
                LOG.warning(() -> "A search collator of " + ext.symbolicName() + " gave no type: " + e.getMessage());
                return;
            }
            if (!SolrDocuments.validType(type)) {
                LOG.warning(() -> "The search collator of " + ext.symbolicName() + " has an unusable type '" + type
                        + "' (letters, digits, . _ -, at most 64): left out");
                return;
            }
            pluginTypes.put(key(ext), type);
            refresh(type);
        }

        @Override
        public void modified(Extension<SearchCollator> ext) {
            String type = pluginTypes.get(key(ext));
            if (type != null) {
                refresh(type);
            }
        }

        @Override
        public void removed(Extension<SearchCollator> ext) {
            String type = pluginTypes.remove(key(ext));
            if (type != null) {
                refresh(type); // another collator of the type, the built-in one, or none: dropped
            }
        }
    }

    @Override
    public void close() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing a search subscription failed", e);
            }
        }
        if (schedule != null) {
            schedule.cancel(false);
        }
        synchronized (this) {
            if (retry != null) {
                retry.cancel(false);
            }
        }
        lane.close();
        connection.close();
    }

    /** Waits until every index write queued so far has run (tests, benchmarks). */
    public void awaitIdle(Duration timeout) {
        try {
            lane.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Search did not become idle within " + timeout, e);
        }
    }

    /** Makes what was written so far searchable now (tests, benchmarks). */
    public void commit() throws IOException {
        index.commit();
    }
}
