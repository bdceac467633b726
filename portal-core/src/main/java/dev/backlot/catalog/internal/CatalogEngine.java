package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.LocationStatus;
import dev.backlot.catalog.ProcessingError;
import dev.backlot.catalog.internal.read.CrawlResult;
import dev.backlot.catalog.internal.read.FileStamp;
import dev.backlot.catalog.internal.read.LocationCrawler;
import dev.backlot.catalog.internal.read.ReadError;
import dev.backlot.catalog.internal.read.LocationRef;
import dev.backlot.persistence.Database;
import dev.backlot.persistence.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * The bound of one statement of background work (stores, stitching, index builds). Far above
     * what any of them takes at a million entities; it only stops one that hangs (a lock never
     * released), which is then tried again ({@link Database#background}).
     */
    static final long BACKGROUND_STATEMENT_MS = 15 * 60_000L;

    /**
     * What a location's last read leaves for the next one: the stamps of its leaves, the processors
     * they were processed with (with others, a plugin installed, updated or removed, every entity is
     * processed again), when it was last read in full, and which entities each file or url emitted
     * (so that an incremental read finds what a changed file no longer emits without reading every
     * stored entity of the location). Touched by the write lane only.
     */
    private record Memory(String processors, Map<String, FileStamp> files, long fullReadAt,
            Map<String, Set<String>> refsByLocation) {
    }

    /**
     * How often a location is processed in full even when its files did not change, for what
     * processors take from outside the files (a plugin's lookup in another system).
     */
    static final java.time.Duration FULL_READ_EVERY = java.time.Duration.ofHours(24);

    private final Database database;
    private final LocationCrawler crawler;
    private final EntityPipeline pipeline;
    private final CatalogSettings settings;
    private final Orphans orphans;
    // One lane for runs and for delayed orphan sweeps, so that sweeps never race a run.
    private final SerialExecutor worker;
    /** Told after every transaction that stitched or deleted entities. */
    private final CatalogChanges changes;
    private final LoadProgress progress = new LoadProgress();
    /** What each location's last complete read left, by location id; see {@link Memory}. */
    private final Map<String, Memory> memory = new java.util.concurrent.ConcurrentHashMap<>();
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
     *
     * <p>The read is incremental: what did not change since the last read is kept as stored
     * ({@link FileStamp}); every {@link #FULL_READ_EVERY} the location is processed in full anyway.
     */
    Future<?> refresh(CatalogLocation location) {
        return refresh(location, false);
    }

    /**
     * Queues a read of the location, with {@code full} processing every entity whether its file
     * changed or not: what someone asking for a refresh expects (a plugin's processor may enrich
     * entities from outside the files).
     */
    Future<?> refresh(CatalogLocation location, boolean full) {
        progress.queued(location.id());
        return worker.submit(() -> {
            if (full) {
                memory.remove(location.id());
            }
            Function<String, Optional<CatalogLocation>> lookup = registered;
            Optional<CatalogLocation> current = lookup == null ? Optional.of(location) : lookup.apply(location.id());
            current.ifPresentOrElse(this::runLocation, () -> forget(location.id()));
        });
    }

    /** What the catalog is doing with the location; see {@link dev.backlot.catalog.LocationStatus}. */
    dev.backlot.catalog.LocationStatus status(String locationId) {
        return progress.status(locationId);
    }

    /** The location is gone (removed, or pointed elsewhere): its progress and stamps go too. */
    void forget(String locationId) {
        progress.forget(locationId);
        memory.remove(locationId);
    }

    /** Queues a provider's full replacement of its entities. */
    Future<?> replaceProviderEntities(String provider, List<Map<String, Object>> entities) {
        return worker.submit(() -> {
            String source = "provider:" + provider;
            Expanded expanded = expandLocations(entities, source);
            runSource(source, source, expanded.emitted(), expanded.errors(), expanded.failed(), true, Set.of(), null,
                    LoadProgress.Tracker.none());
            scheduleSweep();
        });
    }

    /** Queues a provider's delta: upserts {@code added}, removes {@code removedRefs} it owns. */
    Future<?> applyProviderDelta(String provider, List<Map<String, Object>> added, List<String> removedRefs) {
        return worker.submit(() -> {
            String source = "provider:" + provider;
            Expanded expanded = expandLocations(added, source);
            runSource(source, source, expanded.emitted(), expanded.errors(), expanded.failed(), false, Set.of(), null,
                    LoadProgress.Tracker.none());
            List<String> touched = new ArrayList<>();
            background(c -> {
                touched.clear();
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
            background(c -> {
                touched.clear();
                Set<String> dirty = new HashSet<>(CatalogStore.delete(c, CatalogStore.bySource(c, sourceKey).values()));
                dirty.addAll(CatalogStore.replaceErrors(c, sourceKey, List.of()));
                return stitch(c, dirty, touched);
            });
            changes.committed(touched);
        });
    }

    /**
     * Queues the removal of one entity (Backstage's {@code DELETE /entities/by-uid}): in the write
     * lane like every other write, so that it never races a run or a bulk load's search table. Its
     * source brings it back at its next read, as in Backstage.
     *
     * @return whether an entity with this reference existed
     */
    Future<Boolean> removeEntity(String ref) {
        return worker.submit(() -> {
            List<String> touched = new ArrayList<>();
            boolean existed = background(c -> {
                touched.clear();
                Map<String, CatalogStore.Stored> rows = CatalogStore.byRefs(c, List.of(ref));
                // Its file is read again at the next refresh, which brings it back, as in Backstage.
                rows.values().forEach(r -> {
                    Memory m = r.sourceKey().startsWith("location:")
                            ? memory.get(r.sourceKey().substring("location:".length())) : null;
                    if (m != null) {
                        m.files().remove(r.locationKey());
                    }
                });
                // (delete's answer includes the removed entity itself)
                touched.addAll(CatalogStore.delete(c, rows.values()));
                Stitcher.stitch(c, touched);
                return !rows.isEmpty();
            });
            changes.committed(touched);
            return existed;
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
            background(c -> {
                touched.clear();
                return stitch(c, orphans.sweep(c, now), touched);
            });
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
            OptionalLong due = background(orphans::nextDue);
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
        LoadProgress.Tracker tracker = progress.start(location.id());
        String sourceKey = "location:" + location.id();
        try {
            LocationRef root = new LocationRef(location.type(), location.target());
            long started = System.nanoTime();
            // As in Backstage, a Location entity stands for the registered location and is the root
            // of the ancestry of everything read from it.
            Map<String, Object> rootEntity = RootLocationEntity.of(root);
            String processors = pipeline.processorsFingerprint();
            Memory before = memory.remove(location.id());
            long now = System.currentTimeMillis();
            boolean incremental = before != null && before.processors().equals(processors)
                    && now - before.fullReadAt() < FULL_READ_EVERY.toMillis();
            Map<String, FileStamp> known = incremental ? before.files() : Map.of();
            long fullReadAt = incremental ? before.fullReadAt() : now;
            CrawlResult crawl = crawler.crawl(root, RootLocationEntity.refOf(root), known);
            long read = System.nanoTime();
            tracker.filesRead = crawl.filesRead().size() + crawl.urlsRead().size();
            tracker.filesUnchanged = crawl.unchanged().size();
            tracker.entitiesRead = crawl.entities().size();
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
            Map<String, FileStamp> leaves = new HashMap<>(crawl.stamps());
            Set<String> unchanged = crawl.unchanged();
            crawl = null; // the entities as read are in emitted now, which the run lets go of one by one
            RunOutcome outcome = runSource(sourceKey, root.toString(), emitted, readErrors, failedLocations, true,
                    unchanged, incremental ? before.refsByLocation() : null, tracker);
            List<ProcessingError> errors = outcome.errors();
            // A file with errors is processed every time, so that its errors are reported every time.
            errors.forEach(e -> leaves.remove(e.location()));
            if (failedLocations.isEmpty()) {
                // What each file emitted: the unchanged ones as before, the others as read now. (After
                // a read that could not read some file, what that file emitted is unknown: the next
                // read is a full one.)
                Map<String, Set<String>> refs = new HashMap<>(outcome.refsByLocation());
                if (incremental) {
                    unchanged.forEach(l -> refs.put(l, before.refsByLocation().getOrDefault(l, Set.of())));
                }
                memory.put(location.id(), new Memory(processors, leaves, fullReadAt, refs));
            }
            tracker.finished(errors.size(), Optional.empty());
            scheduleSweep();
            LOG.fine(() -> String.format("Read %s in %d ms", root, (read - started) / 1_000_000));
            LocationWatcher w = watcher;
            if (w != null && "file".equals(location.type())) {
                w.watch(location, filesRead);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading location " + location.type() + ":" + location.target() + " failed", e);
            tracker.finished(1, Optional.of(String.valueOf(e.getMessage())));
            try {
                background(c -> CatalogStore.replaceErrors(c, sourceKey, List.of(new ProcessingError(
                        location.type() + ":" + location.target(), null, "Reading failed: " + e.getMessage()))));
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Recording the failure of location " + location.id() + " failed", again);
            }
        }
    }

    /**
     * Processes and stores what a source emitted.
     *
     * @param emitted what the source emitted; emptied as it is processed, so that a large run never
     *     holds an entity as read and as processed at once
     * @param full whether {@code emitted} is everything the source has (then what is missing is an
     *     orphan), or a part of it (a provider delta)
     * @param unchanged locations whose entities were not read again because they did not change:
     *     what is stored from them stays
     * @param known for an incremental read, what each location emitted at the last read (see
     *     {@link Memory}); null to compare with everything stored for the source
     */
    private RunOutcome runSource(String sourceKey, String sourceName, List<Input> emitted,
            List<ProcessingError> readErrors, Set<String> failedLocations, boolean full, Set<String> unchanged,
            Map<String, Set<String>> known, LoadProgress.Tracker tracker) {
        long started = System.nanoTime();
        tracker.phase(LocationStatus.Phase.PROCESSING);
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
            tracker.entitiesProcessed = i + 1;
        }
        long processedAt = System.nanoTime();
        tracker.phase(LocationStatus.Phase.STORING);
        Map<String, CatalogStore.NewRow> created = new java.util.HashMap<>();
        List<String> queued = new ArrayList<>();
        // A bulk load writes its relations without their indexes and builds them once before
        // stitching (see RelationIndexes). The DDL commits on its own, before the run.
        boolean relationsBulk = RelationIndexes.mayBeBulk(processed.size())
                && background(c -> RelationIndexes.worthRebuilding(c, processed.size()));
        if (relationsBulk) {
            background(c -> {
                RelationIndexes.drop(c);
                return null;
            });
        }
        int stitchedAtOnce;
        List<String> touched = new ArrayList<>();
        List<ProcessingError> recorded;
        Map<String, Set<String>> refsByLocation = new HashMap<>();
        processed.values().forEach(p -> refsByLocation.computeIfAbsent(p.locationKey(), k -> new HashSet<>()).add(p.ref()));
        try {
            StoreOutcome outcome = storeAndStitchSmall(sourceKey, processed, errors, failedRefs, failedLocations, full,
                    unchanged, known, created, queued, touched);
            stitchedAtOnce = outcome.stitched();
            recorded = outcome.errors();
            tracker.entitiesToStitch = stitchedAtOnce + queued.size();
            tracker.entitiesStitched = stitchedAtOnce;
            changes.committed(touched);
        } finally {
            if (relationsBulk) {
                background(c -> {
                    RelationIndexes.ensure(c);
                    return null;
                });
            }
        }
        long storedAt = System.nanoTime();
        int entities = processed.size();
        processed.clear(); // stored; what stitching needs is in created and the database
        int stitched = stitchedAtOnce + stitchQueued(queued, created, tracker);
        if (stitched > 1000 && database.dialect() == Dialect.POSTGRESQL) {
            analyse("catalog_entity, catalog_relation, catalog_search");
        }
        long done = System.nanoTime();
        java.util.function.Supplier<String> report = () -> String.format("Catalog source %s: %d entities read (%d"
                + " locations unchanged), %d errors, %d stitched; processing %d ms, storing and stitching %d ms (storing"
                + " %d ms, stitching %d ms)", sourceName, entities, unchanged.size(), recorded.size(), stitched,
                (processedAt - started) / 1_000_000, (done - processedAt) / 1_000_000,
                (storedAt - processedAt) / 1_000_000, (done - storedAt) / 1_000_000);
        // A refresh that found nothing to do is no news.
        LOG.log(stitched == 0 ? Level.FINE : Level.INFO, report);
        return new RunOutcome(recorded, refsByLocation);
    }

    /** What a run recorded: every error of the source, and which entities each location emitted. */
    private record RunOutcome(List<ProcessingError> errors, Map<String, Set<String>> refsByLocation) {
    }

    /** What {@link #storeAndStitchSmall} stitched, and the errors it recorded for the source. */
    private record StoreOutcome(int stitched, List<ProcessingError> errors) {
    }

    /**
     * Stores what a source emitted in one transaction and, when that touches one chunk at most,
     * stitches it there too; otherwise queues the references to stitch into {@code queued}.
     */
    private StoreOutcome storeAndStitchSmall(String sourceKey, Map<String, ProcessedEntity> processed,
            List<ProcessingError> emittedErrors, Set<String> failedRefs, Set<String> failedLocations, boolean full,
            Set<String> unchanged, Map<String, Set<String>> known, Map<String, CatalogStore.NewRow> created,
            List<String> queued, List<String> touched) {
        boolean postgres = database.dialect() == Dialect.POSTGRESQL;
        return background(c -> {
            // A try of its own: what an earlier, rolled back try collected is dropped.
            created.clear();
            queued.clear();
            touched.clear();
            List<ProcessingError> errors = new ArrayList<>(emittedErrors);
            Map<String, CatalogStore.Stored> own = full ? ownRows(c, sourceKey, processed.keySet(), unchanged, failedLocations,
                    known) : Map.of();
            Map<String, CatalogStore.Stored> existing = CatalogStore.byRefs(c, processed.keySet());
            List<ProcessedEntity> changed = new ArrayList<>();
            for (ProcessedEntity p : processed.values()) {
                CatalogStore.Stored stored = existing.get(p.ref());
                // An orphan has no owner any more: whoever emits it next takes it over.
                if (stored != null && !stored.sourceKey().equals(sourceKey) && stored.orphanedAt() == null) {
                    // First owner wins (Backstage's rule); the newcomer is reported, not stored.
                    // The same file reached through two registered locations: naming it twice would say nothing.
                    errors.add(new ProcessingError(p.locationKey(), p.ref(), stored.locationKey().equals(p.locationKey())
                            ? "Conflict: " + p.ref() + " in " + p.locationKey() + " is already provided through another"
                                    + " registered location that reads the same file; this location's copy is ignored"
                            : "Conflict: " + p.ref() + " is already provided by " + stored.locationKey() + "; the copy from "
                                    + p.locationKey() + " is ignored"));
                } else if (stored != null && unchanged.contains(stored.locationKey())
                        && !stored.locationKey().equals(p.locationKey())) {
                    // Kept from a file that did not change, which was read first: the same rule as within a read.
                    errors.add(new ProcessingError(p.locationKey(), p.ref(), "Entity " + p.ref() + " is emitted twice by"
                            + " this location (also by " + stored.locationKey() + "); the first one is kept"));
                } else if (stored == null || !stored.hash().equals(p.hash())) {
                    changed.add(p);
                }
            }
            Set<String> dirty = new HashSet<>(CatalogStore.upsert(c, sourceKey, changed, existing, created));
            if (full) {
                List<CatalogStore.Stored> gone = own.values().stream()
                        .filter(s -> !processed.containsKey(s.ref()) && !failedRefs.contains(s.ref())
                                && !failedLocations.contains(s.locationKey()) && !unchanged.contains(s.locationKey()))
                        .toList();
                dirty.addAll(orphans.handle(c, gone, System.currentTimeMillis()));
            }
            dirty.addAll(CatalogStore.replaceErrors(c, sourceKey, errors));
            if (postgres && changed.size() > 5000) {
                // The planner still has the statistics of before this run (often: empty tables) and
                // would scan instead of using indexes while stitching; ANALYZE sees this
                // transaction's own rows.
                try (var st = c.createStatement()) {
                    st.execute("ANALYZE catalog_entity, catalog_relation");
                }
            }
            if (dirty.size() <= CatalogStore.CHUNK) {
                Map<String, Map<String, Object>> fresh = new java.util.HashMap<>();
                changed.forEach(p -> fresh.put(p.ref(), p.entity()));
                touched.addAll(dirty);
                return new StoreOutcome(Stitcher.stitch(c, dirty, fresh, created), errors);
            }
            // Large: commit this much now and stitch in chunks of their own (see StitchQueue); a
            // changed entity is read back from its row then, a new one parsed from created.
            StitchQueue.add(c, dirty);
            queued.addAll(new java.util.TreeSet<>(dirty));
            return new StoreOutcome(0, errors);
        });
    }

    /**
     * The stored entities of the source that may be gone: every one of them for a full read; for an
     * incremental one only those the changed files emitted last time and do not emit now (reading
     * every stored entity of a 100k location costs more than the whole rest of a refresh).
     */
    private static Map<String, CatalogStore.Stored> ownRows(java.sql.Connection c, String sourceKey,
            Set<String> processed, Set<String> unchanged, Set<String> failedLocations, Map<String, Set<String>> known)
            throws java.sql.SQLException {
        if (known == null) {
            return CatalogStore.bySource(c, sourceKey);
        }
        Set<String> candidates = new HashSet<>();
        known.forEach((location, refs) -> {
            if (!unchanged.contains(location) && !failedLocations.contains(location)) {
                candidates.addAll(refs);
            }
        });
        candidates.removeAll(processed);
        Map<String, CatalogStore.Stored> own = CatalogStore.byRefs(c, candidates);
        own.values().removeIf(s -> !s.sourceKey().equals(sourceKey));
        return own;
    }

    /**
     * Stitches queued references chunk by chunk, each chunk in a transaction of its own that also
     * takes it off the queue: lists and lookups show a large location appear progressively, and the
     * database never holds one huge transaction. Enough of them write their search rows beside the
     * live ones and swap them in at the end ({@link SearchLoad}).
     */
    private int stitchQueued(List<String> queued, Map<String, CatalogStore.NewRow> created,
            LoadProgress.Tracker tracker) {
        if (queued.isEmpty()) {
            return 0;
        }
        tracker.phase(LocationStatus.Phase.STITCHING);
        boolean load = background(c -> SearchLoad.worthIt(c, queued.size()));
        if (load) {
            background(c -> {
                SearchLoad.begin(c);
                return null;
            });
        }
        try {
            return stitchChunks(queued, created, load ? SearchLoad.LOAD : SearchLoad.LIVE, tracker);
        } finally {
            if (load) {
                // Also after a failure: what was stitched is swapped in, what was not stays queued.
                tracker.phase(LocationStatus.Phase.INDEXING);
                finishLoad();
            }
        }
    }

    private int stitchChunks(List<String> queued, Map<String, CatalogStore.NewRow> created, String searchTable,
            LoadProgress.Tracker tracker) {
        boolean postgres = database.dialect() == Dialect.POSTGRESQL;
        int count = 0;
        int analysedAt = 0;
        for (List<String> chunk : CatalogStore.chunks(queued)) {
            count += background(c -> {
                int n = Stitcher.stitch(c, chunk, Map.of(), created, searchTable);
                StitchQueue.remove(c, chunk);
                return n;
            });
            tracker.entitiesStitched += chunk.size();
            changes.committed(chunk);
            if (postgres && count >= 5_000 && count >= 2 * analysedAt) {
                // Readers plan their queries on catalog_entity as it grows: statistics that still
                // describe an empty table make PostgreSQL choose plans that take minutes.
                analysedAt = count;
                analyse("catalog_entity");
            }
        }
        return count;
    }

    /** Completes, analyses and swaps in the load table; see {@link SearchLoad}. */
    private void finishLoad() {
        long from = System.nanoTime();
        Dialect dialect = database.dialect();
        background(c -> {
            SearchLoad.complete(c, dialect);
            return null;
        });
        try {
            database.autocommit(c -> {
                SearchLoad.analyse(c, dialect);
                return null;
            });
        } catch (RuntimeException e) {
            // Readers plan with older statistics until the next analysis: slower, never wrong.
            LOG.log(Level.WARNING, "Analysing the new search rows failed; the database's own analysis will catch up", e);
        }
        background(c -> {
            SearchLoad.swap(c, dialect);
            return null;
        });
        LOG.info(() -> "Search rows of a bulk load indexed and swapped in, " + (System.nanoTime() - from) / 1_000_000
                + " ms");
    }

    /**
     * PostgreSQL: refreshes a table's statistics and its visibility map (so that filters, counts and
     * facets read the indexes alone instead of visiting every matching row). Autovacuum would get
     * there too, but minutes later. A failure costs only slower reads.
     */
    private void analyse(String tables) {
        try {
            database.autocommit(c -> {
                try (var st = c.createStatement()) {
                    st.execute("VACUUM (ANALYZE) " + tables);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "VACUUM ANALYZE " + tables + " failed; autovacuum will catch up", e);
        }
    }

    /**
     * At start, before anything else is queued: finishes what a portal stopped in the middle of a
     * run left, a search load not swapped in and references not stitched.
     */
    Future<?> recoverInterruptedRun() {
        return worker.submit(() -> {
            background(c -> {
                RelationIndexes.ensure(c); // a load stopped half-way took them down
                SearchLoad.recover(c);
                return null;
            });
            if (background(SearchLoad::pending)) {
                LOG.info("Finishing the search rows of an interrupted bulk load");
                finishLoad();
            }
            List<String> pending = background(StitchQueue::recover);
            if (!pending.isEmpty()) {
                LOG.info(() -> "Finishing an interrupted catalog run: stitching " + pending.size() + " entities");
                stitchQueued(pending, Map.of(), LoadProgress.Tracker.none());
            }
        });
    }

    private <T> T background(Database.SqlWork<T> work) {
        return database.background(BACKGROUND_STATEMENT_MS, work);
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
