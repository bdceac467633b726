package dev.backlot.techdocs.internal;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.spi.techdocs.RenderedPage;
import dev.backlot.techdocs.DocsHeading;
import dev.backlot.techdocs.DocsNavItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One build of one entity's docs: read the folder, skip when its content hash is the one already
 * built, lay out the pages, render each (reusing the last build's result for a page whose source and
 * context did not change), sanitise and rewrite them, build the navigation, and write the site.
 *
 * <p>Called on the docs lane only, one build at a time.
 */
final class SiteBuilder {

    /** Bumped when the output of the same sources changes, so that every site is built again. */
    static final String VERSION = "1";
    private static final Set<String> ASSET_ENDINGS = Set.of(".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico",
            ".pdf", ".txt", ".csv");

    /** How a build ended. */
    sealed interface Outcome {
    }

    record Unchanged() implements Outcome {
    }

    record Built(StoredSite site, int pages, int rendered, long millis) implements Outcome {
    }

    record Failed(String reason) implements Outcome {
    }

    /** Asciidoctor is still starting: the build is queued again once it has (the lane is not held meanwhile). */
    record WaitingForAsciidoctor(java.util.concurrent.CompletableFuture<?> started) implements Outcome {
    }

    private record Cached(String sourceHash, DocsHtml.Page page) {
    }

    private final SiteStore store;
    private final Renderers renderers;
    private final Limits limits;
    private final Map<String, Map<String, Cached>> cache = new ConcurrentHashMap<>();
    private volatile boolean asciidoctorReported;

    SiteBuilder(SiteStore store, Renderers renderers, Limits limits) {
        this.store = store;
        this.renderers = renderers;
        this.limits = limits;
    }

    Outcome build(Entity entity, DocsLocation location, boolean force, String lastHash, BuildLog log) throws IOException {
        long t0 = System.nanoTime();
        EntityRef ref = entity.ref();
        log.info("reading " + location.display());
        DocsFolder folder;
        try {
            folder = location.source().read(limits, log);
        } catch (DocsFolder.Unreadable e) {
            return new Failed(e.getMessage());
        }
        Map<String, Renderers.Chosen> chosen = renderers.current();
        // only the renderers of endings this folder has: a renderer plugin that comes or goes rebuilds just those sites
        Set<String> endings = new java.util.HashSet<>();
        folder.files().keySet().forEach(f -> endings.add(SiteLayout.extension(f)));
        List<String> identities = new ArrayList<>(new TreeMap<>(chosen).entrySet().stream()
                .filter(e -> endings.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue().identity()).toList());
        String gone = goneFormats(ref, chosen);
        if (!gone.isEmpty()) {
            log.warn("the last build rendered " + gone + " pages, which no renderer claims now (was its plugin removed?):"
                    + " those files are no longer pages");
        }
        String owner = entity.specText("owner") == null ? "" : entity.specText("owner");
        String hash = DocsFolder.hash(List.of(folder.hash(), String.join(",", identities), VERSION,
                String.valueOf(entity.displayName()), owner, String.valueOf(location.editBase())));
        if (!force && hash.equals(lastHash) && store.site(ref).map(s -> hash.equals(s.hash())).orElse(false)) {
            log.info("sources unchanged (" + folder.files().size() + " files hashed); nothing to build");
            return new Unchanged();
        }
        SiteLayout layout = SiteLayout.of(folder, log);
        List<String> sources = layout.pages(folder, chosen.keySet());
        if (sources.isEmpty()) {
            return new Failed("no pages found: " + location.display()
                    + (layout.docsDir().isEmpty() ? "" : "/" + layout.docsDir()) + " has no file ending in "
                    + String.join(", ", new TreeMap<>(chosen).keySet())
                    + (gone.isEmpty() ? "" : " (the last build rendered " + gone + " pages, which no renderer claims now:"
                            + " was its plugin removed?)"));
        }
        String ns = ref.namespace();
        String kind = ref.kind().toLowerCase(Locale.ROOT);
        String base = "/docs/" + SiteLinks.encode(ns) + "/" + SiteLinks.encode(kind) + "/" + SiteLinks.encode(ref.name()) + "/";
        String staticBase = "/api/techdocs/static" + base;
        Map<String, String> pagePaths = new LinkedHashMap<>();
        for (String source : sources) {
            pagePaths.put(layout.inDocs(source), SiteLinks.pagePath(layout.inDocs(source)));
        }
        Set<String> assets = new LinkedHashSet<>();
        List<String> context = new ArrayList<>(identities);
        context.add(base);
        for (Map.Entry<String, byte[]> f : folder.files().entrySet()) {
            if (!sources.contains(f.getKey())) {
                context.add(f.getKey() + "=" + DocsFolder.hash(f.getValue()));
                if (layout.inDocsDir(f.getKey()) && ASSET_ENDINGS.contains(SiteLayout.extension(f.getKey()))) {
                    assets.add(layout.inDocs(f.getKey()));
                }
            } else {
                context.add(f.getKey());
            }
        }
        String contextHash = DocsFolder.hash(context);
        SiteLinks links = new SiteLinks(base, staticBase, pagePaths, assets, chosen.keySet());

        long bootMillis = 0;
        if (sources.stream().anyMatch(s -> chosen.get(SiteLayout.extension(s)).renderer() == renderers.asciidoc())) {
            java.util.concurrent.CompletableFuture<?> started = renderers.asciidoc().start();
            if (!started.isDone()) {
                log.info("waiting for Asciidoctor to start (once per process; not counted in build times)");
                return new WaitingForAsciidoctor(started);
            }
            if (started.isCompletedExceptionally()) {
                return new Failed("Asciidoctor could not start; see the server log");
            }
            if (!asciidoctorReported) {
                asciidoctorReported = true;
                log.info("Asciidoctor started in " + renderers.asciidoc().startMillis() + " ms (once per process)");
            }
        }

        Map<String, Cached> previous = cache.getOrDefault(SiteStore.key(ref), Map.of());
        Map<String, Cached> next = new LinkedHashMap<>();
        Map<String, DocsHtml.Page> rendered = new LinkedHashMap<>();
        int renderedCount = 0;
        for (String source : sources) {
            byte[] bytes = folder.files().get(source);
            if (bytes.length > limits.maxPageBytes()) {
                return new Failed(source + " is " + bytes.length + " bytes; the limit for one page is " + limits.maxPageBytes());
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            Renderers.Chosen renderer = chosen.get(SiteLayout.extension(source));
            if (renderer.renderer() instanceof MarkdownRenderer && tooDeep(text)) {
                return new Failed(source + ": blocks are nested deeper than " + limits.maxDepth() + " levels");
            }
            String key = DocsFolder.hash(bytes) + contextHash;
            Cached hit = previous.get(source);
            DocsHtml.Page page;
            if (!force && hit != null && hit.sourceHash().equals(key)) {
                page = hit.page();
            } else {
                RenderedPage out;
                try {
                    out = renderers.render(renderer, new PageSource(ref.canonical(), source, text, folder, location.root(), log),
                            limits.pageTimeoutMs());
                } catch (Exception e) {
                    return new Failed(source + ": " + renderer.renderer().format() + " rendering failed: "
                            + SiteLayout.firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
                page = DocsHtml.process(out.html(), out.title(), layout.inDocs(source), links, log);
                renderedCount++;
            }
            next.put(source, new Cached(key, page));
            rendered.put(source, page);
            if ((System.nanoTime() - t0) / 1_000_000 - bootMillis > limits.buildTimeoutMs()) {
                return new Failed("the build took longer than " + limits.buildTimeoutMs() + " ms");
            }
        }

        Map<String, String> titles = new LinkedHashMap<>();
        for (String source : sources) {
            String title = rendered.get(source).title();
            titles.put(layout.inDocs(source), title != null && !title.isBlank() ? title : fileTitle(source));
        }
        List<DocsNavItem> nav = layout.nav() != null ? explicitNav(layout.nav(), pagePaths, titles, log)
                : folderNav(pagePaths, titles);
        List<String> order = new ArrayList<>();
        flatten(nav, order);
        for (String p : pagePaths.values()) {
            if (!order.contains(p)) {
                order.add(p);
            }
        }

        Path dir = store.newBuildDir(ref);
        List<StoredSite.StoredPage> pages = new ArrayList<>();
        Map<String, StoredSite.StoredPage> byPath = new LinkedHashMap<>();
        try {
            Path site = dir.resolve("site");
            for (String source : sources) {
                String inDocs = layout.inDocs(source);
                String path = pagePaths.get(inDocs);
                DocsHtml.Page page = rendered.get(source);
                Path file = site.resolve(path).resolve("index.html");
                Files.createDirectories(file.getParent());
                Files.writeString(file, page.html(), StandardCharsets.UTF_8);
                List<DocsHeading> toc = page.toc();
                byPath.put(path, new StoredSite.StoredPage(path, titles.get(inDocs), toc, source,
                        location.editBase() == null ? null : location.editBase() + source));
            }
            for (String asset : assets) {
                Path file = site.resolve(asset);
                Files.createDirectories(file.getParent());
                Files.write(file, folder.files().get(layout.docsDir().isEmpty() ? asset : layout.docsDir() + "/" + asset));
            }
        } catch (IOException | RuntimeException e) {
            store.discard(dir);
            throw e;
        }
        for (String p : order) {
            pages.add(byPath.get(p));
        }
        cache.put(SiteStore.key(ref), next);
        String siteName = layout.siteName() != null ? layout.siteName() : entity.displayName();
        String description = layout.siteDescription() != null ? layout.siteDescription()
                : entity.description() == null ? "" : entity.description();
        StoredSite stored = new StoredSite(ref.canonical(), ns, kind, ref.name(), owner, siteName, description,
                String.join(",", new LinkedHashSet<>(sources.stream()
                        .map(s -> chosen.get(SiteLayout.extension(s)).renderer().format()).toList())),
                nav, pages, List.copyOf(assets), System.currentTimeMillis(), hash, dir.getFileName().toString());
        store.publish(ref, stored);
        long millis = (System.nanoTime() - t0) / 1_000_000 - bootMillis;
        return new Built(stored, pages.size(), renderedCount, millis);
    }

    /** The formats of the entity's last site that no renderer offers now, comma-separated; {@code ""} for none. */
    private String goneFormats(EntityRef ref, Map<String, Renderers.Chosen> chosen) {
        Set<String> now = new java.util.HashSet<>(renderers.formats(chosen));
        return store.site(ref).map(site -> String.join(", ", java.util.Arrays.stream(site.format().split(","))
                .map(String::strip).filter(f -> !f.isEmpty() && !now.contains(f)).toList())).orElse("");
    }

    /** Forgets the cached pages of an entity (its docs were removed). */
    void forget(EntityRef ref) {
        cache.remove(SiteStore.key(ref));
    }

    /** Blockquote and list markers at the start of a line: each opens a nesting level. */
    private boolean tooDeep(String text) {
        int max = limits.maxDepth();
        for (String line : text.split("\n", -1)) {
            int depth = 0;
            int spaces = 0;
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '>') {
                    depth++;
                    i++;
                } else if ((c == '-' || c == '*' || c == '+') && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                    depth++;
                    i += 2;
                } else if (c == ' ' || c == '\t') {
                    spaces += c == '\t' ? 4 : 1;
                    i++;
                } else {
                    break;
                }
            }
            if (depth > max || spaces > max * 8) {
                return true;
            }
        }
        return false;
    }

    private static String fileTitle(String source) {
        String file = source.substring(source.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        if (stem.equalsIgnoreCase("index") || stem.equalsIgnoreCase("readme")) {
            String dir = source.contains("/") ? source.substring(0, source.lastIndexOf('/')) : "";
            stem = dir.isEmpty() ? "Home" : dir.substring(dir.lastIndexOf('/') + 1);
        }
        String words = stem.replace('-', ' ').replace('_', ' ').strip();
        return words.isEmpty() ? "Page" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<DocsNavItem> explicitNav(List<SiteLayout.NavEntry> entries, Map<String, String> pagePaths,
            Map<String, String> titles, BuildLog log) {
        List<DocsNavItem> out = new ArrayList<>();
        for (SiteLayout.NavEntry e : entries) {
            if (e.target() == null) {
                out.add(new DocsNavItem(e.title(), null, null, explicitNav(e.children(), pagePaths, titles, log)));
                continue;
            }
            String lower = e.target().toLowerCase(Locale.ROOT);
            if (lower.startsWith("https://") || lower.startsWith("http://")) {
                out.add(new DocsNavItem(e.title() == null ? e.target() : e.title(), null, e.target(), List.of()));
                continue;
            }
            String target = PageSource.resolve("", e.target());
            if (target == null) {
                log.warn("nav entry " + e.target() + " refused: it leaves the docs folder");
                continue;
            }
            if (!pagePaths.containsKey(target)) {
                log.warn("nav entry " + e.target() + " names no page of the docs");
                continue;
            }
            out.add(new DocsNavItem(e.title() != null ? e.title() : titles.get(target), pagePaths.get(target), null,
                    explicitNav(e.children(), pagePaths, titles, log)));
        }
        return out;
    }

    /** The navigation when none is written: the home page, then each folder's pages, then its subfolders as sections. */
    static List<DocsNavItem> folderNav(Map<String, String> pagePaths, Map<String, String> titles) {
        return folderNav("", pagePaths, titles);
    }

    private static List<DocsNavItem> folderNav(String dir, Map<String, String> pagePaths, Map<String, String> titles) {
        List<DocsNavItem> index = new ArrayList<>();
        List<DocsNavItem> pages = new ArrayList<>();
        TreeMap<String, Boolean> subdirs = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(pagePaths).entrySet()) {
            String source = e.getKey();
            if (!source.startsWith(dir)) {
                continue;
            }
            String rest = source.substring(dir.length());
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                subdirs.put(rest.substring(0, slash), true);
            } else if (e.getValue().equals(dir)) {
                index.add(new DocsNavItem(titles.get(source), e.getValue(), null, List.of()));
            } else {
                pages.add(new DocsNavItem(titles.get(source), e.getValue(), null, List.of()));
            }
        }
        List<DocsNavItem> out = new ArrayList<>(index);
        out.addAll(pages);
        for (String sub : subdirs.keySet()) {
            String words = sub.replace('-', ' ').replace('_', ' ');
            out.add(new DocsNavItem(Character.toUpperCase(words.charAt(0)) + words.substring(1), null, null,
                    folderNav(dir + sub + "/", pagePaths, titles)));
        }
        return out;
    }

    private static void flatten(List<DocsNavItem> nav, List<String> into) {
        for (DocsNavItem item : nav) {
            if (item.path() != null && !into.contains(item.path())) {
                into.add(item.path());
            }
            flatten(item.children(), into);
        }
    }
}
