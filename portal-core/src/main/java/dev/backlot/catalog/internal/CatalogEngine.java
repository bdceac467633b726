package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.ProcessingError;
import dev.backlot.catalog.internal.read.CrawlResult;
import dev.backlot.catalog.internal.read.LocationCrawler;
import dev.backlot.catalog.internal.read.ReadError;
import dev.backlot.catalog.internal.read.LocationRef;
import dev.backlot.persistence.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import dev.backlot.common.SerialExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the catalog's sources and keeps the stored entities in step with them.
 *
 * <p>All writes happen in one lane of the runtime's scheduler, in the order they were requested, so two runs never
 * race on the same rows; reads go straight to the database. A run of a source (a location read, a
 * provider mutation) processes every entity it emits, stores only what changed, removes what it no
 * longer emits, records its errors, and stitches every entity whose final form may have changed.
 * So a change is visible as soon as its run ends, in about a second for a small location.
 */
final class CatalogEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CatalogEngine.class.getName());

    private final Database database;
    private final LocationCrawler crawler;
    private final EntityPipeline pipeline;
    private final CatalogSettings settings;
    private final Orphans orphans;
    // One lane for runs and for delayed orphan sweeps, so that sweeps never race a run.
    private final SerialExecutor worker;
    /** Told after every transaction that stitched or deleted entities. */
    private final CatalogChanges changes;
    private volatile LocationWatcher watcher;
    private volatile Function<String, Optional<CatalogLocation>> registered;
    /** When the pending orphan sweep runs (epoch ms), or Long.MAX_VALUE for none; worker thread only. */
    private long sweepAt = Long.MAX_VALUE;

    CatalogEngine(Database database, LocationCrawler crawler, EntityPipeline pipeline, CatalogSettings settings,
            ScheduledExecutorService scheduler) {
        this.worker = new SerialExecutor(scheduler, "catalog");
        this.changes = new CatalogChanges(scheduler);
        this.database = database;
        this.crawler = crawler;
        this.pipeline = pipeline;
        this.settings = settings;
        this.orphans = new Orphans(settings);
    }

    void watchWith(LocationWatcher watcher) {
        this.watcher = watcher;
    }

    /** How a run finds the location as registered when it starts; without one, runs read what they were given. */
    void lookUpLocationsWith(Function<String, Optional<CatalogLocation>> registered) {
        this.registered = registered;
    }

    /**
     * Queues a read of the location; the future completes when its entities are stored and stitched.
     * The run reads the location as registered when it starts, and nothing if it is gone: a refresh
     * queued (by the timer, the watcher) before the location was updated or removed must not read
     * the old target into it again.
     */
    Future<?> refresh(CatalogLocation location) {
        return worker.submit(() -> {
            Function<String, Optional<CatalogLocation>> lookup = registered;
            (lookup == null ? Optional.of(location) : lookup.apply(location.id())).ifPresent(this::runLocation);
        });
    }

    /** Queues a provider's full replacement of its entities. */
    Future<?> replaceProviderEntities(String provider, List<Map<String, Object>> entities) {
        return worker.submit(() -> {
            String source = "provider:" + provider;
            Expanded expanded = expandLocations(entities, source);
            runSource(source, source, expanded.emitted(), expanded.errors(), expanded.failed(), true);
            scheduleSweep();
        });
    }

    /** Queues a provider's delta: upserts {@code added}, removes {@code removedRefs} it owns. */
    Future<?> applyProviderDelta(String provider, List<Map<String, Object>> added, List<String> removedRefs) {
        return worker.submit(() -> {
            String source = "provider:" + provider;
            Expanded expanded = expandLocations(added, source);
            runSource(source, source, expanded.emitted(), expanded.errors(), expanded.failed(), false);
            List<String> touched = new ArrayList<>();
            database.jdbc(c -> {
                Map<String, CatalogStore.Stored> owned = CatalogStore.byRefs(c, removedRefs.stream()
                        .map(CatalogStore::lower).toList());
                owned.values().removeIf(s -> !s.sourceKey().equals(source));
                return stitch(c, CatalogStore.delete(c, owned.values()), touched);
            });
            changes.committed(touched);
        });
    }

    /** Queues removal of everything a source owns (an unregistered location, a provider that left). */
    Future<?> removeSource(String sourceKey) {
        return worker.submit(() -> {
            List<String> touched = new ArrayList<>();
            database.jdbc(c -> {
                Set<String> dirty = new HashSet<>(CatalogStore.delete(c, CatalogStore.bySource(c, sourceKey).values()));
                dirty.addAll(CatalogStore.replaceErrors(c, sourceKey, List.of()));
                return stitch(c, dirty, touched);
            });
            changes.committed(touched);
        });
    }

    /**
     * Queues a sweep that deletes the orphans whose grace period has passed at {@code now} (epoch
     * ms), then plans the next sweep for the next orphan to become due.
     */
    Future<?> sweepOrphans(long now) {
        return worker.submit(() -> sweep(now));
    }

    private void sweep(long now) {
        sweepAt = Long.MAX_VALUE;
        try {
            List<String> touched = new ArrayList<>();
            database.jdbc(c -> stitch(c, orphans.sweep(c, now), touched));
            changes.committed(touched);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deleting orphaned entities failed", e);
        }
        scheduleSweep();
    }

    /** Plans a sweep for when the first marked orphan becomes due, unless one is planned before that. */
    private void scheduleSweep() {
        if (!orphans.sweeps()) {
            return;
        }
        try {
            OptionalLong due = database.jdbc(orphans::nextDue);
            if (due.isPresent() && due.getAsLong() < sweepAt) {
                sweepAt = due.getAsLong();
                long at = sweepAt;
                worker.schedule(() -> sweep(System.currentTimeMillis()),
                        Math.max(0, at - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Planning the deletion of orphaned entities failed", e);
        }
    }

    /** Waits until everything queued so far has run. */
    void awaitIdle(java.time.Duration timeout) throws Exception {
        worker.submit(() -> {
        }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One emitted entity, where it was read from, and the entities that emitted it. */
    record Input(Map<String, Object> entity, String location, List<String> parentRefs) {
    }

    private record Expanded(List<Input> emitted, List<ProcessingError> errors, Set<String> failed) {
    }

    /**
     * A provider's entities, plus what its {@code Location} entities point to: a provider may hand
     * over locations (as the discovery plugin does) and the catalog reads them under its own rules.
     */
    @SuppressWarnings("unchecked")
    private Expanded expandLocations(List<Map<String, Object>> entities, String source) {
        List<Input> emitted = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (Map<String, Object> entity : entities) {
            emitted.add(new Input(entity, source, List.of()));
            if (!(entity.get("kind") instanceof String kind) || !kind.equalsIgnoreCase("Location")
                    || !(entity.get("spec") instanceof Map<?, ?> spec)) {
                continue;
            }
            String type = spec.get("type") instanceof String t ? t : "file";
            List<Object> targets = new ArrayList<>();
            if (spec.get("target") != null) {
                targets.add(spec.get("target"));
            }
            if (spec.get("targets") instanceof List<?> list) {
                targets.addAll(list);
            }
            for (Object target : targets) {
                try {
                    String ref = EntityPipeline.refOf(entity);
                    CrawlResult crawl = crawler.crawl(new LocationRef(type, String.valueOf(target)),
                            ref == null ? null : ref.toLowerCase(Locale.ROOT));
                    crawl.entities().forEach(e -> emitted.add(new Input(e.entity(), e.location().toString(), e.parentRefs())));
                    for (ReadError e : crawl.errors()) {
                        errors.add(new ProcessingError(e.location().toString(), null, e.message()));
                        failed.add(e.location().toString());
                    }
                } catch (RuntimeException e) {
                    errors.add(new ProcessingError(type + ":" + target, null, "Cannot read: " + e.getMessage()));
                }
            }
        }
        return new Expanded(emitted, errors, failed);
    }

    private void runLocation(CatalogLocation location) {
        try {
            LocationRef root = new LocationRef(location.type(), location.target());
            long started = System.nanoTime();
            // As in Backstage, a Location entity stands for the registered location and is the root
            // of the ancestry of everything read from it.
            Map<String, Object> rootEntity = RootLocationEntity.of(root);
            CrawlResult crawl = crawler.crawl(root, RootLocationEntity.refOf(root));
            long read = System.nanoTime();
            List<ProcessingError> readErrors = new ArrayList<>();
            Set<String> failedLocations = new HashSet<>();
            for (ReadError e : crawl.errors()) {
                readErrors.add(new ProcessingError(e.location().toString(), null, e.message()));
                failedLocations.add(e.location().toString());
            }
            List<Input> emitted = new ArrayList<>();
            emitted.add(new Input(rootEntity, root.toString(), List.of()));
            crawl.entities().forEach(e -> emitted.add(new Input(e.entity(), e.location().toString(), e.parentRefs())));
            var filesRead = crawl.filesRead();
            crawl = null; // the entities as read are in emitted now, which the run lets go of one by one
            runSource("location:" + location.id(), root.toString(), emitted, readErrors, failedLocations, true);
            scheduleSweep();
            LOG.fine(() -> String.format("Read %s in %d ms", root, (read - started) / 1_000_000));
            LocationWatcher w = watcher;
            if (w != null && "file".equals(location.type())) {
                w.watch(location, filesRead);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading location " + location.type() + ":" + location.target() + " failed", e);
            database.jdbc(c -> CatalogStore.replaceErrors(c, "location:" + location.id(), List.of(new ProcessingError(
                    location.type() + ":" + location.target(), null, "Reading failed: " + e.getMessage()))));
        }
    }

    /**
     * Processes and stores what a source emitted.
     *
     * @param emitted what the source emitted; emptied as it is processed, so that a large run never
     *     holds an entity as read and as processed at once
     * @param full whether {@code emitted} is everything the source has (then what is missing is an
     *     orphan), or a part of it (a provider delta)
     */
    private void runSource(String sourceKey, String sourceName, List<Input> emitted, List<ProcessingError> readErrors,
            Set<String> failedLocations, boolean full) {
        long started = System.nanoTime();
        List<ProcessingError> errors = new ArrayList<>(readErrors);
        Map<String, ProcessedEntity> processed = new LinkedHashMap<>();
        Set<String> failedRefs = new HashSet<>();
        for (int i = 0; i < emitted.size(); i++) {
            Input e = emitted.set(i, null);
            EntityPipeline.Outcome outcome = pipeline.process(e.entity(), e.location());
            errors.addAll(outcome.errors());
            if (outcome.entity() == null) {
                String ref = EntityPipeline.refOf(e.entity());
                if (ref != null) {
                    failedRefs.add(CatalogStore.lower(ref));
                }
            } else if (processed.putIfAbsent(outcome.entity().ref(), withParents(outcome.entity(), e.parentRefs())) != null) {
                errors.add(new ProcessingError(e.location(), outcome.entity().ref(), "Entity " + outcome.entity().ref()
                        + " is emitted twice by " + sourceName + "; the first one is kept"));
            }
        }
        long processedAt = System.nanoTime();
        Map<String, CatalogStore.NewRow> created = new java.util.HashMap<>();
        boolean postgres = database.product().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        List<String> queued = new ArrayList<>();
        // A bulk load writes its relations without their indexes and builds them once before
        // stitching (see SearchIndexes). The DDL commits on its own, before the run.
        boolean relationsBulk = SearchIndexes.mayBeBulk(processed.size())
                && database.jdbc(c -> SearchIndexes.worthRebuildingRelations(c, processed.size()));
        if (relationsBulk) {
            database.jdbc(c -> {
                SearchIndexes.dropRelations(c);
                return null;
            });
        }
        int stitchedAtOnce;
        List<String> touched = new ArrayList<>();
        try {
            stitchedAtOnce = storeAndStitchSmall(sourceKey, processed, errors, failedRefs, failedLocations, full,
                    created, queued, postgres, touched);
            changes.committed(touched);
        } finally {
            if (relationsBulk) {
                database.jdbc(c -> {
                    SearchIndexes.ensureRelations(c);
                    return null;
                });
            }
        }
        long storedAt = System.nanoTime();
        int entities = processed.size();
        processed.clear(); // stored; what stitching needs is in created and the database
        int stitched = stitchedAtOnce + stitchQueued(queued, Map.of(), created);
        if (stitched > 1000 && postgres) {
            // After a bulk change: fresh statistics, or the planner keeps estimating empty tables;
            // and a vacuum, which marks the new pages all-visible so that filters, counts and facets
            // read the indexes alone (index-only scans) instead of visiting every matching row.
            // Autovacuum would get there too, but minutes later.
            // The run is stored and stitched by now: a failure here is only slower reads.
            try {
                database.autocommit(c -> {
                    try (var st = c.createStatement()) {
                        st.execute("VACUUM (ANALYZE) catalog_entity, catalog_relation, catalog_search");
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "VACUUM ANALYZE after a large catalog run failed; autovacuum will catch up", e);
            }
        }
        long done = System.nanoTime();
        LOG.info(() -> String.format("Catalog source %s: %d entities, %d errors, %d stitched; processing %d ms, storing"
                + " and stitching %d ms (storing %d ms, stitching %d ms)", sourceName, entities, errors.size(),
                stitched, (processedAt - started) / 1_000_000, (done - processedAt) / 1_000_000,
                (storedAt - processedAt) / 1_000_000, (done - storedAt) / 1_000_000));
    }

    /**
     * Stores what a source emitted in one transaction and, when that touches one chunk at most,
     * stitches it there too; otherwise queues the references to stitch into {@code queued}.
     *
     * @return how many entities were stitched in the transaction
     */
    private int storeAndStitchSmall(String sourceKey, Map<String, ProcessedEntity> processed, List<ProcessingError> errors,
            Set<String> failedRefs, Set<String> failedLocations, boolean full, Map<String, CatalogStore.NewRow> created,
            List<String> queued, boolean postgres, List<String> touched) {
        return database.jdbc(c -> {
            Map<String, CatalogStore.Stored> own = CatalogStore.bySource(c, sourceKey);
            Map<String, CatalogStore.Stored> existing = CatalogStore.byRefs(c, processed.keySet());
            List<ProcessedEntity> changed = new ArrayList<>();
            for (ProcessedEntity p : processed.values()) {
                CatalogStore.Stored stored = existing.get(p.ref());
                // An orphan has no owner any more: whoever emits it next takes it over.
                if (stored != null && !stored.sourceKey().equals(sourceKey) && stored.orphanedAt() == null) {
                    // First owner wins (Backstage's rule); the newcomer is reported, not stored.
                    errors.add(new ProcessingError(p.locationKey(), p.ref(), "Conflict: " + p.ref()
                            + " is already provided by " + stored.locationKey() + "; the copy from " + p.locationKey()
                            + " is ignored"));
                } else if (stored == null || !stored.hash().equals(p.hash())) {
                    changed.add(p);
                }
            }
            Set<String> dirty = new HashSet<>(CatalogStore.upsert(c, sourceKey, changed, existing, created));
            if (full) {
                List<CatalogStore.Stored> gone = own.values().stream()
                        .filter(s -> !processed.containsKey(s.ref()) && !failedRefs.contains(s.ref())
                                && !failedLocations.contains(s.locationKey()))
                        .toList();
                dirty.addAll(orphans.handle(c, gone, System.currentTimeMillis()));
            }
            dirty.addAll(CatalogStore.replaceErrors(c, sourceKey, errors));
            if (postgres && changed.size() > 5000) {
                // The planner still has the statistics of before this run (often: empty tables) and
                // would scan instead of using indexes while stitching; ANALYZE sees this
                // transaction's own rows.
                try (var st = c.createStatement()) {
                    st.execute("ANALYZE catalog_entity, catalog_relation, catalog_search");
                }
            }
            if (dirty.size() <= CatalogStore.CHUNK) {
                Map<String, Map<String, Object>> fresh = new java.util.HashMap<>();
                changed.forEach(p -> fresh.put(p.ref(), p.entity()));
                touched.addAll(dirty);
                return Stitcher.stitch(c, dirty, fresh, created);
            }
            // Large: commit this much now and stitch in chunks of their own (see StitchQueue); a
            // changed entity is read back from its row then, a new one parsed from created.
            StitchQueue.add(c, dirty);
            queued.addAll(new java.util.TreeSet<>(dirty));
            return 0;
        });
    }

    /**
     * Stitches queued references chunk by chunk, each chunk in a transaction of its own that also
     * takes it off the queue: readers see a large location appear progressively, and the database
     * never holds one huge transaction.
     */
    private int stitchQueued(List<String> queued, Map<String, Map<String, Object>> fresh,
            Map<String, CatalogStore.NewRow> created) {
        if (queued.isEmpty()) {
            return 0;
        }
        boolean rebuild = SearchIndexes.mayBeBulk(created.size())
                && database.jdbc(c -> SearchIndexes.worthRebuilding(c, created.size()));
        if (rebuild) {
            database.jdbc(c -> {
                SearchIndexes.drop(c);
                return null;
            });
        }
        try {
            return stitchChunks(queued, fresh, created);
        } finally {
            if (rebuild) {
                long from = System.nanoTime();
                database.jdbc(c -> {
                    SearchIndexes.ensure(c);
                    return null;
                });
                LOG.fine(() -> "Search indexes rebuilt in " + (System.nanoTime() - from) / 1_000_000 + " ms");
            }
        }
    }

    private int stitchChunks(List<String> queued, Map<String, Map<String, Object>> fresh,
            Map<String, CatalogStore.NewRow> created) {
        int count = 0;
        for (List<String> chunk : CatalogStore.chunks(queued)) {
            count += database.jdbc(c -> {
                int n = Stitcher.stitch(c, chunk, fresh, created);
                StitchQueue.remove(c, chunk);
                return n;
            });
            changes.committed(chunk);
        }
        return count;
    }

    /** Finishes the stitching of a run the portal was stopped in the middle of; queued first at start. */
    Future<?> recoverInterruptedRun() {
        return worker.submit(() -> {
            database.jdbc(c -> {
                SearchIndexes.ensure(c); // a load stopped half-way took them down
                return null;
            });
            List<String> pending = database.jdbc(StitchQueue::recover);
            if (!pending.isEmpty()) {
                LOG.info(() -> "Finishing an interrupted catalog run: stitching " + pending.size() + " entities");
                stitchQueued(pending, Map.of(), Map.of());
            }
        });
    }

    /** The entity with its parents, never itself (a Location that targets its own file). */
    private static ProcessedEntity withParents(ProcessedEntity entity, List<String> parents) {
        return parents.contains(entity.ref())
                ? entity.withParents(parents.stream().filter(p -> !p.equals(entity.ref())).toList())
                : entity.withParents(parents);
    }

    /** Stitches and notes what was touched, to announce once the transaction has committed. */
    private static int stitch(java.sql.Connection c, Collection<String> refs, List<String> touched)
            throws java.sql.SQLException {
        touched.addAll(refs);
        return Stitcher.stitch(c, refs);
    }

    /** Listeners told after every committed change; see {@link CatalogChanges}. */
    AutoCloseable addListener(dev.backlot.catalog.CatalogListener listener) {
        return changes.add(listener);
    }

    /** Announces changes made outside the engine's own runs (an entity removed through the API). */
    void committed(Collection<String> refs) {
        changes.committed(refs);
    }

    @Override
    public void close() {
        worker.close();
        changes.close();
    }
}
