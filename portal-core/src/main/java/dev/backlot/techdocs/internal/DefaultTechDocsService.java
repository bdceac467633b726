package dev.backlot.techdocs.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.catalog.LocationReader;
import dev.backlot.common.SerialExecutor;
import dev.backlot.model.Annotations;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.techdocs.BuildState;
import dev.backlot.techdocs.BuildStatus;
import dev.backlot.techdocs.DocsFile;
import dev.backlot.techdocs.DocsPage;
import dev.backlot.techdocs.DocsSite;
import dev.backlot.techdocs.DocumentedEntity;
import dev.backlot.techdocs.TechDocsService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsoup.nodes.Entities;

/**
 * The TechDocs engine: builds on one lane of the runtime's scheduler (one build at a time, so that
 * two builds never compete for the two cores or for Asciidoctor), serves what {@link SiteStore} holds,
 * and follows the catalog through its listener.
 */
public final class DefaultTechDocsService implements TechDocsService, TechDocsCollator.Sites, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DefaultTechDocsService.class.getName());
    private static final String FILTER = "metadata.annotations." + Annotations.TECHDOCS_REF;

    private final CatalogService catalog;
    private final LocationReader reader;
    private final SiteStore store;
    private final SiteBuilder builder;
    private final Renderers renderers;
    private final SerialExecutor lane;
    private final ScheduledExecutorService scheduler;
    private final Map<String, CompletableFuture<BuildStatus>> queued = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Builds waiting for Asciidoctor's one-time start, off the lane. */
    private final Map<String, CompletableFuture<BuildStatus>> waiting = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private AutoCloseable catalogSubscription;
    private AutoCloseable rendererSubscription;
    /** Background builds start no earlier than this (the check after start covers what comes before). */
    private volatile long backgroundFromMillis;
    private final java.util.concurrent.atomic.AtomicBoolean rendererSweepPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** How long after a renderer plugin came or went the documented entities are checked (a burst coalesces). */
    static final long RENDERER_SWEEP_DELAY_MS = 1_000;

    private record Running(BuildLog log, long startedMillis) {
    }

    public DefaultTechDocsService(CatalogService catalog, Renderers renderers, Path dataDir, LocationReader reader,
            ScheduledExecutorService scheduler, Limits limits) {
        this.catalog = catalog;
        this.reader = reader;
        this.store = new SiteStore(dataDir.resolve("techdocs"));
        this.renderers = renderers;
        this.builder = new SiteBuilder(store, renderers, limits);
        this.scheduler = scheduler;
        this.lane = new SerialExecutor(scheduler, "techdocs");
    }

    /**
     * Follows the catalog from now on, and after {@code sweepDelayMs} checks every documented entity
     * once (a build runs only where the sources changed while the portal was down).
     *
     * <p>Background builds wait for that check: until it runs, the catalog's changes (the whole catalog is
     * processed at start) and renderer plugins coming or going start no build, since the check covers
     * them all. So a starting portal spends no CPU on docs (nor on booting JRuby for AsciiDoc) while it
     * gets ready and answers its first requests; a build someone asks for (sync, Rebuild, reading a
     * site not built yet) runs at once.
     *
     * @param sweepDelayMs when to check every documented entity; negative for never (and no hold)
     */
    public void start(long sweepDelayMs) {
        backgroundFromMillis = sweepDelayMs < 0 ? 0 : System.currentTimeMillis() + sweepDelayMs;
        catalogSubscription = catalog.addListener(refs -> {
            if (holdingBackground()) {
                return;
            }
            for (String ref : refs) {
                try {
                    EntityRef parsed = EntityRef.parse(ref, null, null);
                    catalog.entity(parsed).filter(e -> DocsLocation.reference(e) != null)
                            .ifPresent(e -> build(parsed, false));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "No docs build for " + ref, e);
                }
            }
        });
        if (sweepDelayMs >= 0) {
            scheduler.schedule(this::sweep, sweepDelayMs, TimeUnit.MILLISECONDS);
        }
        // A renderer plugin that comes or goes changes the content hash of the sites with its file endings
        // (and only those): check every documented entity once, shortly after a burst of such changes.
        rendererSubscription = renderers.onChange(() -> {
            if (!holdingBackground() && rendererSweepPending.compareAndSet(false, true)) {
                scheduler.schedule(() -> {
                    rendererSweepPending.set(false);
                    sweep();
                }, RENDERER_SWEEP_DELAY_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Whether background builds still wait for the check after start. */
    private boolean holdingBackground() {
        return System.currentTimeMillis() < backgroundFromMillis;
    }

    private void sweep() {
        try {
            for (DocumentedEntity d : documented()) {
                build(d.entity().ref(), false);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The docs check at start failed; docs are built when read", e);
        }
    }

    @Override
    public List<DocumentedEntity> documented() {
        EntityQuery query = new EntityQuery(EntityFilter.parse(List.of(FILTER)),
                List.of(new EntityOrder("metadata.name", true)), 0, EntityQuery.MAX_LIMIT, null, List.of());
        List<DocumentedEntity> out = new ArrayList<>();
        for (Entity e : catalog.entities(query)) {
            if (DocsLocation.reference(e) != null) {
                String owner = e.specText("owner");
                out.add(new DocumentedEntity(e, owner == null ? "" : owner, currentStatus(e.ref())));
            }
        }
        return out;
    }

    @Override
    public Optional<BuildStatus> status(EntityRef ref) {
        return documentedEntity(ref).map(e -> currentStatus(e.ref()));
    }

    private BuildStatus currentStatus(EntityRef ref) {
        Running now = running.get(SiteStore.key(ref));
        Optional<StoredStatus> stored = store.status(ref);
        Instant builtAt = store.site(ref).map(s -> Instant.ofEpochMilli(s.builtAtMillis())).orElse(null);
        if (now != null) {
            return new BuildStatus(BuildState.BUILDING, "building", Instant.ofEpochMilli(now.startedMillis()), null, builtAt,
                    now.log().lines());
        }
        if (waiting.containsKey(SiteStore.key(ref))) {
            return new BuildStatus(BuildState.BUILDING, "waiting for Asciidoctor to start", null, null, builtAt,
                    stored.map(StoredStatus::log).orElse(List.of()));
        }
        if (queued.containsKey(SiteStore.key(ref))) {
            return new BuildStatus(BuildState.BUILDING, "queued", null, null, builtAt,
                    stored.map(StoredStatus::log).orElse(List.of()));
        }
        return stored.map(StoredStatus::toStatus).orElse(BuildStatus.none());
    }

    @Override
    public Optional<DocsSite> site(EntityRef ref) {
        return servable(ref).map(DefaultTechDocsService::toSite);
    }

    /** The stored site of an entity that still has docs; starts a first build when there is none. */
    private Optional<StoredSite> servable(EntityRef ref) {
        Optional<Entity> entity = documentedEntity(ref);
        if (entity.isEmpty() || store.folder(ref).isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredSite> site = store.site(ref);
        if (site.isEmpty() && store.status(ref).isEmpty()) {
            build(ref, false);
        }
        return site;
    }

    private Optional<Entity> documentedEntity(EntityRef ref) {
        return catalog.entity(ref).filter(e -> DocsLocation.reference(e) != null);
    }

    static DocsSite toSite(StoredSite s) {
        return new DocsSite(s.entityRef(), s.namespace(), s.kind(), s.name(), s.siteName(), s.siteDescription(), s.format(),
                s.nav(), s.pages().stream().map(StoredSite.StoredPage::path).toList(),
                Instant.ofEpochMilli(s.builtAtMillis()), s.hash());
    }

    @Override
    public Optional<DocsPage> page(EntityRef ref, String path) {
        Optional<StoredSite> site = servable(ref);
        if (site.isEmpty()) {
            return Optional.empty();
        }
        String wanted = pagePath(path);
        for (StoredSite.StoredPage p : site.get().pages()) {
            if (p.path().equals(wanted)) {
                return readHtml(ref, site.get(), p).map(html -> new DocsPage(p.path(), p.title(), html, p.toc(),
                        p.sourcePath(), p.editUrl()));
            }
        }
        return Optional.empty();
    }

    /** {@code guide/setup}, {@code /guide/setup/index.html} -> {@code guide/setup/}; {@code ""} stays. */
    static String pagePath(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("index.html")) {
            p = p.substring(0, p.length() - "index.html".length());
        }
        if (!p.isEmpty() && !p.endsWith("/")) {
            p += "/";
        }
        return p;
    }

    private Optional<String> readHtml(EntityRef ref, StoredSite site, StoredSite.StoredPage page) {
        return store.file(ref, site, page.path() + "index.html").flatMap(f -> {
            try {
                return Optional.of(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<DocsFile> file(EntityRef ref, String path) {
        Optional<StoredSite> found = servable(ref);
        if (found.isEmpty() || path == null || path.contains("\\") || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        StoredSite site = found.get();
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.equals("techdocs_metadata.json")) {
            return Optional.of(new DocsFile("application/json", metadataJson(site), site.hash()));
        }
        if (p.isEmpty() || p.endsWith("/") || p.endsWith("index.html")) {
            String wanted = pagePath(p);
            for (StoredSite.StoredPage page : site.pages()) {
                if (page.path().equals(wanted)) {
                    return readHtml(ref, site, page).map(html -> new DocsFile("text/html; charset=utf-8",
                            document(page.title(), html).getBytes(StandardCharsets.UTF_8), site.hash()));
                }
            }
            return Optional.empty();
        }
        if (!site.assets().contains(p)) {
            return Optional.empty();
        }
        return store.file(ref, site, p).flatMap(f -> {
            try {
                return Optional.of(new DocsFile(contentType(p), Files.readAllBytes(f), site.hash()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** The metadata Backstage's reader asks for, as {@code techdocs_metadata.json}. */
    public byte[] metadataJson(StoredSite site) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site_name", site.siteName());
        out.put("site_description", site.siteDescription());
        out.put("etag", site.hash());
        out.put("build_timestamp", site.builtAtMillis());
        List<String> files = new ArrayList<>();
        site.pages().forEach(p -> files.add(p.path() + "index.html"));
        files.addAll(site.assets());
        out.put("files", files);
        try {
            return json.writeValueAsBytes(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The metadata of an entity's site, for {@code /api/techdocs/metadata/techdocs/...}. */
    public Optional<byte[]> metadata(EntityRef ref) {
        return servable(ref).map(this::metadataJson);
    }

    private static String document(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Entities.escape(title)
                + "</title></head><body><article class=\"td-page\">" + body + "</article></body></html>";
    }

    private static String contentType(String path) {
        return switch (SiteLayout.extension(path)) {
            case ".png" -> "image/png";
            case ".jpg", ".jpeg" -> "image/jpeg";
            case ".gif" -> "image/gif";
            case ".webp" -> "image/webp";
            case ".svg" -> "image/svg+xml";
            case ".ico" -> "image/x-icon";
            case ".pdf" -> "application/pdf";
            case ".csv" -> "text/csv; charset=utf-8";
            default -> "text/plain; charset=utf-8";
        };
    }

    @Override
    public CompletableFuture<BuildStatus> build(EntityRef ref, boolean force) {
        Entity entity = documentedEntity(ref).orElseThrow(() -> new NoSuchElementException(
                "No entity " + ref.canonical() + " with " + Annotations.TECHDOCS_REF));
        if (store.folder(ref).isEmpty()) {
            throw new NoSuchElementException("No docs can be stored for " + ref.canonical());
        }
        String key = SiteStore.key(ref);
        CompletableFuture<BuildStatus> pending = waiting.get(key);
        if (pending != null) {
            return pending;
        }
        CompletableFuture<BuildStatus> fresh = new CompletableFuture<>();
        CompletableFuture<BuildStatus> existing = queued.putIfAbsent(key, fresh);
        if (existing != null) {
            return existing;
        }
        try {
            lane.submit(() -> run(entity, force, fresh));
        } catch (RuntimeException e) {
            queued.remove(key, fresh);
            fresh.completeExceptionally(e);
        }
        return fresh;
    }

    /** Queues {@code done}'s build again, or hands it the build already queued meanwhile. */
    private void requeue(EntityRef ref, boolean force, CompletableFuture<BuildStatus> done) {
        Entity entity = documentedEntity(ref).orElse(null);
        if (entity == null) {
            done.complete(BuildStatus.none());
            return;
        }
        CompletableFuture<BuildStatus> existing = queued.putIfAbsent(SiteStore.key(ref), done);
        if (existing != null) {
            existing.whenComplete((status, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    done.complete(status);
                }
            });
            return;
        }
        lane.submit(() -> run(entity, force, done));
    }

    private void run(Entity queuedEntity, boolean force, CompletableFuture<BuildStatus> done) {
        EntityRef ref = queuedEntity.ref();
        String key = SiteStore.key(ref);
        BuildLog log = new BuildLog();
        long started = System.currentTimeMillis();
        running.put(key, new Running(log, started));
        queued.remove(key, done);
        StoredStatus result;
        boolean changed = false;
        Optional<StoredStatus> before = store.status(ref);
        long builtBefore = store.site(ref).map(StoredSite::builtAtMillis).orElse(0L);
        try {
            Entity entity = catalog.entity(ref).orElse(queuedEntity);
            DocsLocation location = DocsLocation.of(entity, reader);
            SiteBuilder.Outcome outcome = builder.build(entity, location, force, before.map(StoredStatus::hash).orElse(null),
                    log);
            long now = System.currentTimeMillis();
            if (outcome instanceof SiteBuilder.WaitingForAsciidoctor waiting) {
                // queued again once Asciidoctor runs; whoever waits on this build keeps waiting on that one
                running.remove(key);
                this.waiting.put(key, done);
                waiting.started().whenComplete((ok, failed) -> {
                    this.waiting.remove(key, done);
                    try {
                        requeue(entity.ref(), force, done);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                });
                return;
            }
            if (outcome instanceof SiteBuilder.Built built) {
                String message = "built " + built.pages() + " pages (" + built.rendered() + " rendered) in " + built.millis()
                        + " ms" + (log.warnings() > 0 ? ", " + log.warnings() + " warnings" : "");
                log.info(message);
                result = new StoredStatus(BuildState.READY, message, started, now, built.site().builtAtMillis(), log.lines(),
                        built.site().hash());
                changed = true;
            } else if (outcome instanceof SiteBuilder.Failed failed) {
                log.info("failed: " + failed.reason());
                result = new StoredStatus(BuildState.FAILED, failed.reason(), started, now, builtBefore, log.lines(),
                        before.map(StoredStatus::hash).orElse(null));
            } else {
                // keep the log of the build that made the site served (its warnings still hold), then this check
                List<String> lines = new ArrayList<>(before.map(StoredStatus::log).orElse(List.of()));
                lines.removeIf(l -> l.startsWith("checked again: "));
                log.lines().forEach(l -> lines.add("checked again: " + l));
                result = new StoredStatus(BuildState.READY, "up to date", started, now, builtBefore,
                        lines.subList(Math.max(0, lines.size() - BuildLog.MAX_LINES), lines.size()),
                        before.map(StoredStatus::hash).orElse(null));
            }
        } catch (DocsLocation.Refused e) {
            log.info("failed: " + e.getMessage());
            result = new StoredStatus(BuildState.FAILED, e.getMessage(), started, System.currentTimeMillis(), builtBefore,
                    log.lines(), null);
        } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
            // an error must not leave the build "building" for ever: it fails, with the reason in the server log
            LOG.log(Level.WARNING, "Docs build of " + ref.canonical() + " failed", e);
            String reason = "the build failed: " + e.getClass().getSimpleName();
            log.info(reason);
            result = new StoredStatus(BuildState.FAILED, reason, started, System.currentTimeMillis(), builtBefore,
                    log.lines(), before.map(StoredStatus::hash).orElse(null));
        }
        try {
            store.putStatus(ref, result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Docs build status of " + ref.canonical() + " not stored", e);
        }
        running.remove(key);
        done.complete(result.toStatus());
        if (changed) {
            for (Consumer<String> listener : listeners) {
                try {
                    listener.accept(ref.canonical());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A docs build listener failed", e);
                }
            }
        }
    }

    @Override
    public AutoCloseable addBuildListener(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The sites served now, for the search collator. */
    @Override
    public List<StoredSite> sites() {
        List<StoredSite> out = new ArrayList<>();
        for (DocumentedEntity d : documented()) {
            store.site(d.entity().ref()).ifPresent(out::add);
        }
        return out;
    }

    /** A page's HTML, for the search collator. */
    @Override
    public Optional<String> html(StoredSite site, StoredSite.StoredPage page) {
        return readHtml(EntityRef.parse(site.entityRef(), null, null), site, page);
    }

    /** How long Asciidoctor took to start, once; -1 when it has not started. */
    public long asciidoctorStartMillis() {
        return renderers.asciidoc().startMillis();
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : new AutoCloseable[] {catalogSubscription, rendererSubscription}) {
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "Listener not closed", e);
                }
            }
        }
        lane.close();
        renderers.close();
        String keys = String.join(",", queued.keySet()).toLowerCase(Locale.ROOT);
        if (!keys.isEmpty()) {
            LOG.fine(() -> "Docs builds dropped at stop: " + keys);
        }
    }
}
