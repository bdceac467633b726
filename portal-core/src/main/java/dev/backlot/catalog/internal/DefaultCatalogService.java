package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogException;
import dev.backlot.catalog.CatalogJson;
import dev.backlot.model.Entity;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.LocationStatus;
import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.EntityAncestry;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityPredicate;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.catalog.FacetValue;
import dev.backlot.catalog.ProcessingError;
import dev.backlot.catalog.internal.model.BuiltinRelations;
import dev.backlot.catalog.internal.model.EntityNormalizer;
import dev.backlot.catalog.internal.model.EntityRules;
import dev.backlot.catalog.internal.read.CrawlResult;
import dev.backlot.catalog.internal.read.Emitted;
import dev.backlot.catalog.internal.read.LocationCrawler;
import dev.backlot.catalog.internal.read.LocationRef;
import dev.backlot.catalog.internal.read.ReadException;
import dev.backlot.model.EntityRef;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.ExtensionRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catalog: locations in the database, an engine that reads and stitches them, a watcher for
 * file locations, a periodic refresh for remote ones, and connections for provider plugins.
 *
 * <p>Lifecycle: {@link #start} registers the configured locations and queues a read of every
 * location; {@link #close} stops the threads. Reads are safe from any thread.
 */
public final class DefaultCatalogService implements CatalogService, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DefaultCatalogService.class.getName());

    private final Database database;
    private final CatalogSettings settings;
    private final CatalogQueries queries;
    private final LocationCrawler crawler;
    private final EntityPipeline pipeline;
    private final CatalogEngine engine;
    private final LocationWatcher watcher;
    private final dev.backlot.catalog.SourceNames sourceNames;
    private final ExtensionRegistry extensions;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private ProviderConnections providers;
    private java.util.concurrent.ScheduledFuture<?> periodicRefresh;

    /** A catalog with a scheduler of its own (tests, benchmarks); stopped by {@link #close}. */
    public DefaultCatalogService(Database database, ExtensionRegistry extensions, CatalogSettings settings)
            throws IOException {
        this(database, extensions, settings, Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "backlot-catalog");
            t.setDaemon(true);
            return t;
        }), true);
    }

    /**
     * A catalog on the runtime's scheduler.
     *
     * @param extensions the plugin registry; {@code null} runs without plugins
     * @param scheduler the runtime's scheduler: the catalog's lane of writes, the periodic refresh and
     *     the file watcher run on it; the catalog does not stop it
     */
    public DefaultCatalogService(Database database, ExtensionRegistry extensions, CatalogSettings settings,
            ScheduledExecutorService scheduler) throws IOException {
        this(database, extensions, settings, scheduler, false);
    }

    private DefaultCatalogService(Database database, ExtensionRegistry extensions, CatalogSettings settings,
            ScheduledExecutorService scheduler, boolean ownScheduler) throws IOException {
        this.scheduler = scheduler;
        this.ownScheduler = ownScheduler;
        this.extensions = extensions;
        this.database = database;
        this.settings = settings;
        this.queries = new CatalogQueries(database, settings.readTimeoutMs());
        this.crawler = new LocationCrawler(settings.readPolicy(), HttpClient.newBuilder()
                .connectTimeout(settings.readPolicy().urlTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        this.pipeline = new EntityPipeline(extensions, settings.processorTimeoutMs(), settings.maxEntityBytes());
        this.engine = new CatalogEngine(database, crawler, pipeline, settings, scheduler);
        engine.lookUpLocationsWith(this::location);
        this.watcher = new LocationWatcher(engine::refresh, scheduler);
        engine.watchWith(watcher);
        List<java.nio.file.Path> known = new ArrayList<>(settings.readPolicy().fileRoots());
        if (settings.readPolicy().stateFolder() != null) {
            known.add(settings.readPolicy().stateFolder());
        }
        this.sourceNames = new dev.backlot.catalog.SourceNames(known);
    }

    /** Registers configured locations (and drops configured ones no longer listed), then reads everything. */
    public void start() {
        engine.recoverInterruptedRun();
        List<String> wanted = new ArrayList<>();
        for (String configured : settings.configuredLocations()) {
            LocationRef ref = LocationRef.parse(configured);
            wanted.add(ref.type() + ":" + ref.target());
            if (queries.locationByTarget(ref.type(), ref.target()).isEmpty()) {
                insertLocation(ref.type(), ref.target(), "config");
            }
        }
        for (Map.Entry<CatalogLocation, String> row : locationsWithOrigin().entrySet()) {
            CatalogLocation l = row.getKey();
            if ("config".equals(row.getValue()) && !wanted.contains(l.type() + ":" + l.target())) {
                deleteLocationRow(l.id());
            }
        }
        locations().forEach(engine::refresh);
        // After the first runs: deletes orphans whose grace period passed while the portal was down.
        engine.sweepOrphans(System.currentTimeMillis());
        long every = settings.refreshIntervalSeconds();
        periodicRefresh = scheduler.scheduleWithFixedDelay(() -> locations().forEach(engine::refresh), every, every,
                TimeUnit.SECONDS);
        // Providers are connected as the registry tells of them, from now on (after recovery and the
        // configured locations are queued, so their runs come first).
        if (extensions != null) {
            providers = new ProviderConnections(extensions, engine);
        }
    }

    @Override
    public List<Entity> entities(EntityQuery query) {
        return queries.entities(query).stream().map(ModelEntities::fromJson).toList();
    }

    @Override
    public long count(EntityQuery query) {
        return queries.count(query);
    }

    @Override
    public Optional<Entity> entity(EntityRef ref) {
        return queries.byRef(ref.canonical()).map(ModelEntities::fromJson);
    }

    @Override
    public dev.backlot.catalog.SourceNames sourceNames() {
        return sourceNames;
    }

    @Override
    public Optional<Entity> entityByUid(String uid) {
        return queries.byUid(uid).map(ModelEntities::fromJson);
    }

    @Override
    public Optional<EntityAncestry> ancestry(EntityRef ref) {
        return queries.ancestry(ref.canonical()).map(a -> new EntityAncestry(a.rootEntityRef(), a.items().stream()
                .map(i -> new EntityAncestry.Item(ModelEntities.fromJson(i.entityJson()), i.parentEntityRefs())).toList()));
    }

    @Override
    public AutoCloseable addListener(dev.backlot.catalog.CatalogListener listener) {
        return engine.addListener(listener);
    }

    @Override
    public CatalogJson json() {
        return json;
    }

    /** The reads as stored JSON: straight from the queries, never parsed. */
    private final CatalogJson json = new CatalogJson() {
        @Override
        public List<String> entities(EntityQuery query) {
            return queries.entities(query);
        }

        @Override
        public Optional<String> entity(EntityRef ref) {
            return queries.byRef(ref.canonical());
        }

        @Override
        public Optional<String> entityByUid(String uid) {
            return queries.byUid(uid);
        }

        @Override
        public List<String> entitiesByRefs(List<String> refs, EntityPredicate predicate) {
            return byRefs(refs, predicate);
        }

        @Override
        public Optional<Ancestry> ancestry(EntityRef ref) {
            return queries.ancestry(ref.canonical());
        }
    };

    /** Queues an orphan sweep as if the clock showed {@code now}; for tests of the grace period. */
    void sweepOrphansAsOf(long now) {
        engine.sweepOrphans(now);
    }

    @Override
    public List<Entity> entitiesByRefs(List<String> refs, EntityPredicate predicate) {
        List<Entity> out = new ArrayList<>();
        byRefs(refs, predicate).forEach(json -> out.add(json == null ? null : ModelEntities.fromJson(json)));
        return out;
    }

    private List<String> byRefs(List<String> refs, EntityPredicate predicate) {
        List<String> canonical = new ArrayList<>();
        for (String ref : refs) {
            try {
                canonical.add(EntityRef.parse(ref, null, null).canonical());
            } catch (IllegalArgumentException e) {
                canonical.add(null);
            }
        }
        Map<String, String> found = queries.byRefs(canonical.stream().filter(r -> r != null).distinct().toList(),
                predicate);
        List<String> out = new ArrayList<>();
        canonical.forEach(r -> out.add(r == null ? null : found.get(r)));
        return out;
    }

    @Override
    public boolean removeEntity(String uid) {
        Optional<String> entity = queries.byUid(uid);
        if (entity.isEmpty()) {
            return false;
        }
        String ref = EntityPipeline.refOf(Json.read(entity.get())).toLowerCase(Locale.ROOT);
        try {
            return engine.removeEntity(ref).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while removing " + ref, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public Map<String, List<FacetValue>> facets(List<String> facets, EntityFilter filter) {
        return queries.facets(facets, filter, EntityPredicate.ALL);
    }

    @Override
    public Map<String, List<FacetValue>> facets(List<String> facets, EntityPredicate predicate) {
        return queries.facets(facets, EntityFilter.ALL, predicate);
    }

    @Override
    public List<CatalogLocation> locations() {
        return queries.locations();
    }

    @Override
    public LocationPage locations(EntityPredicate predicate, String afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        LocationPredicate matching = LocationPredicate.of(predicate);
        List<CatalogLocation> all = locations().stream().filter(matching::matches)
                .sorted(java.util.Comparator.comparing(CatalogLocation::id)).toList();
        List<CatalogLocation> rest = afterId == null ? all : all.stream().filter(l -> l.id().compareTo(afterId) > 0).toList();
        return new LocationPage(rest.subList(0, Math.min(limit, rest.size())), all.size(), rest.size() > limit);
    }

    @Override
    public Optional<CatalogLocation> location(String id) {
        return queries.location(id);
    }

    /** The engine, for tests in this package that wait for one run. */
    CatalogEngine engine() {
        return engine;
    }

    @Override
    public LocationStatus locationStatus(String id) {
        return engine.status(id);
    }

    @Override
    public Optional<CatalogLocation> locationOfEntity(EntityRef ref) {
        return queries.sourceOf(ref.canonical()).filter(s -> s.startsWith("location:"))
                .flatMap(s -> location(s.substring("location:".length())));
    }

    @Override
    public AddedLocation addLocation(String type, String target, boolean dryRun) {
        LocationRef ref = parseRef(type, target);
        Optional<CatalogLocation> existing = queries.locationByTarget(ref.type(), ref.target());
        if (dryRun) {
            CrawlResult crawl = crawler.crawl(ref);
            crawl.errors().stream().filter(e -> e.location().equals(ref)).findFirst().ifPresent(e -> {
                throw new CatalogException(CatalogException.Reason.INPUT, "Cannot read " + ref + ": " + e.message());
            });
            CatalogLocation location = existing.orElseGet(() -> new CatalogLocation(UUID.randomUUID().toString(),
                    ref.type(), ref.target()));
            return dryRun(crawl, location, existing.isPresent());
        }
        if (existing.isPresent()) {
            throw alreadyRegistered(ref);
        }
        checkReadable(ref);
        CatalogLocation location = insertLocation(ref.type(), ref.target(), "api");
        engine.refresh(location);
        return new AddedLocation(location, List.of(), false);
    }

    /**
     * What a registration would store, and what it would not and why: invalid documents and entities,
     * entities another location already provides (the first owner wins, as in a real read), and
     * references to entities the catalog does not have (warnings: they may arrive later).
     */
    private AddedLocation dryRun(CrawlResult crawl, CatalogLocation location, boolean exists) {
        List<CatalogService.Rejected> rejected = new ArrayList<>();
        List<CatalogService.Warning> warnings = new ArrayList<>();
        crawl.errors().forEach(e -> rejected.add(new CatalogService.Rejected(null, e.location().toString(), e.message(),
                false)));
        Map<String, EntityPipeline.Outcome> valid = new java.util.LinkedHashMap<>();
        for (Emitted emitted : crawl.entities()) {
            EntityPipeline.Outcome outcome = pipeline.process(emitted.entity(), emitted.location().toString());
            if (outcome.entity() == null) {
                String reason = String.join("; ", outcome.errors().stream().map(ProcessingError::message).toList());
                String ref = outcome.errors().isEmpty() ? null : outcome.errors().get(0).entityRef();
                rejected.add(new CatalogService.Rejected(ref, emitted.location().toString(), reason, false));
            } else if (valid.putIfAbsent(outcome.entity().ref(), outcome) != null) {
                rejected.add(new CatalogService.Rejected(outcome.entity().ref(), emitted.location().toString(),
                        "Emitted twice by this location; the first one is kept", true));
            } else {
                outcome.errors().forEach(e -> warnings.add(new CatalogService.Warning(outcome.entity().ref(), e.message())));
            }
        }
        String ownSource = exists ? "location:" + location.id() : null;
        Map<String, CatalogStore.Stored> stored = database.jdbc(c -> CatalogStore.byRefs(c, valid.keySet()));
        List<Entity> entities = new ArrayList<>();
        java.util.Set<String> targets = new java.util.TreeSet<>();
        for (EntityPipeline.Outcome outcome : valid.values()) {
            ProcessedEntity p = outcome.entity();
            CatalogStore.Stored other = stored.get(p.ref());
            if (other != null && !other.sourceKey().equals(ownSource) && other.orphanedAt() == null) {
                rejected.add(new CatalogService.Rejected(p.ref(), p.locationKey(), "Already provided by "
                        + other.locationKey() + "; this copy would be ignored", true));
                continue;
            }
            entities.add(ModelEntities.of(p.entity()));
            p.edges().stream().filter(e -> e.source().equals(p.ref())).forEach(e -> targets.add(e.target()));
        }
        targets.removeAll(valid.keySet());
        Map<String, String> found = targets.isEmpty() ? Map.of() : queries.byRefs(List.copyOf(targets), EntityPredicate.ALL);
        for (EntityPipeline.Outcome outcome : valid.values()) {
            ProcessedEntity p = outcome.entity();
            p.edges().stream().filter(e -> e.source().equals(p.ref()) && targets.contains(e.target())
                    && !found.containsKey(e.target())).forEach(e -> warnings.add(new CatalogService.Warning(p.ref(),
                            "Its " + e.type() + " relation points to " + e.target() + ", which is not in the catalog")));
        }
        return new AddedLocation(location, entities, exists, rejected, warnings);
    }

    @Override
    public LocationRemoval previewRemoval(String id) {
        CatalogLocation location = location(id).orElseThrow(() -> noLocation(id));
        List<String> refs = database.jdbc(c -> new ArrayList<>(CatalogStore.bySource(c, "location:" + id).keySet()));
        refs.sort(null);
        return new LocationRemoval(location, refs);
    }

    @Override
    public CatalogLocation updateLocation(String id, String type, String target) {
        CatalogLocation current = location(id).orElseThrow(() -> noLocation(id));
        if ("config".equals(locationsWithOrigin().get(current))) {
            throw new CatalogException(CatalogException.Reason.CONFLICT, "Location " + id + " (" + current.type() + ":"
                    + current.target() + ") comes from the portal's configuration (PORTAL_CATALOG_LOCATIONS or the sample"
                    + " catalog), which would register it again at the next start: change the configuration, or register"
                    + " the new target with POST /locations");
        }
        LocationRef ref = parseRef(type, target);
        if (queries.locationByTarget(ref.type(), ref.target()).filter(l -> !l.id().equals(id)).isPresent()) {
            throw alreadyRegistered(ref);
        }
        checkReadable(ref);
        CatalogLocation updated = new CatalogLocation(id, ref.type(), ref.target());
        uniqueTarget(ref.toString(), () -> database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE catalog_location SET type = ?, target = ?, target_hash = ? WHERE id = ?")) {
                ps.setString(1, updated.type());
                ps.setString(2, updated.target());
                ps.setString(3, Json.sha256(updated.type() + ":" + updated.target()));
                ps.setString(4, id);
                return ps.executeUpdate();
            }
        }));
        // The folders of the old target no longer concern this location; the read below watches the new ones.
        watcher.forget(id);
        engine.forget(id);
        engine.refresh(updated);
        return updated;
    }

    private static LocationRef parseRef(String type, String target) {
        try {
            return LocationRef.parse(type + ":" + target);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(CatalogException.Reason.INPUT, e.getMessage());
        }
    }

    /**
     * Only the location itself must be readable now; the engine reads what it leads to, and reports
     * problems there as processing errors.
     */
    private void checkReadable(LocationRef ref) {
        try {
            crawler.checkReadable(ref);
        } catch (ReadException e) {
            throw new CatalogException(CatalogException.Reason.INPUT, "Cannot read " + ref + ": " + e.getMessage());
        }
    }

    /**
     * Runs a write of a location row. The check before it can race another registration of the
     * same target (two API calls at once); the unique index then refuses the second, reported as the
     * same conflict rather than a database error.
     */
    private static void uniqueTarget(String location, Runnable write) {
        try {
            write.run();
        } catch (dev.backlot.persistence.DatabaseException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new CatalogException(CatalogException.Reason.CONFLICT, "Location " + location + " is already registered");
            }
            throw e;
        }
    }

    private static CatalogException alreadyRegistered(LocationRef ref) {
        return new CatalogException(CatalogException.Reason.CONFLICT, "Location " + ref + " is already registered");
    }

    private static CatalogException noLocation(String id) {
        return new CatalogException(CatalogException.Reason.NOT_FOUND, "No location with id " + id);
    }

    @Override
    public void removeLocation(String id) {
        if (location(id).isEmpty()) {
            throw noLocation(id);
        }
        deleteLocationRow(id);
    }

    @Override
    public void refresh(String entityRef) {
        String ref;
        try {
            ref = EntityRef.parse(entityRef, null, null).canonical();
        } catch (IllegalArgumentException e) {
            throw new CatalogException(CatalogException.Reason.INPUT, e.getMessage());
        }
        String source = queries.sourceOf(ref).orElseThrow(
                () -> new CatalogException(CatalogException.Reason.NOT_FOUND, "No entity " + ref));
        if (source.startsWith("location:")) {
            // Asked for: every entity processed again, not only those of changed files.
            location(source.substring("location:".length())).ifPresent(l -> engine.refresh(l, true));
        }
    }

    @Override
    public List<String> validate(Map<String, Object> entity) {
        List<String> problems = new ArrayList<>(EntityRules.validate(entity));
        if (problems.isEmpty()) {
            problems.addAll(BuiltinRelations.relationsOf(EntityNormalizer.normalize(entity)).problems());
        }
        return problems;
    }

    @Override
    public List<ProcessingError> processingErrors() {
        return queries.errors();
    }

    @Override
    public List<dev.backlot.catalog.ProcessingProblem> processingProblems() {
        return queries.problems();
    }

    @Override
    public void awaitIdle(Duration timeout) {
        try {
            engine.awaitIdle(timeout);
        } catch (Exception e) {
            throw new IllegalStateException("The catalog did not become idle within " + timeout, e);
        }
    }

    private Map<CatalogLocation, String> locationsWithOrigin() {
        return database.jdbc(c -> {
            Map<CatalogLocation, String> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, type, target, origin FROM catalog_location");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new CatalogLocation(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4));
                }
            }
            return out;
        });
    }

    private CatalogLocation insertLocation(String type, String target, String origin) {
        CatalogLocation location = new CatalogLocation(UUID.randomUUID().toString(), type, target);
        uniqueTarget(type + ":" + target, () -> database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_location (id, type, target, target_hash,"
                    + " origin, created_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, location.id());
                ps.setString(2, type);
                ps.setString(3, target);
                ps.setString(4, Json.sha256(type + ":" + target));
                ps.setString(5, origin);
                ps.setLong(6, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        }));
        return location;
    }

    private void deleteLocationRow(String id) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM catalog_location WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
        watcher.forget(id);
        engine.forget(id);
        engine.removeSource("location:" + id);
    }

    @Override
    public void close() {
        if (periodicRefresh != null) {
            periodicRefresh.cancel(false);
        }
        if (providers != null) {
            providers.close();
        }
        watcher.close();
        engine.close();
        pipeline.close();
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }
}
