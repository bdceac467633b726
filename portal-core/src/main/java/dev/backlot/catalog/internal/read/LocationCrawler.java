package dev.backlot.catalog.internal.read;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a registered location and, through the Location entities found there, every location below it,
 * the way Backstage's file and url readers do.
 *
 * <pre>{@code
 * ReadPolicy policy = ReadPolicy.of(List.of(Path.of("/srv/catalog")), List.of("raw.githubusercontent.com"));
 * LocationCrawler crawler = new LocationCrawler(policy, PolicyFetcher.httpClient(policy));
 * CrawlResult result = crawler.crawl(LocationRef.parse("file:/srv/catalog/all.yaml"));
 * }</pre>
 *
 * <p>A {@code file} target is a YAML file, or a directory whose {@code catalog-info.yaml} files are all
 * read; a {@code url} target is fetched with GET. Each entity gets its placeholders resolved and the
 * location annotations set ({@link LocationAnnotations}). A {@code kind: Location} entity is emitted too,
 * and its {@code spec.target}/{@code spec.targets} are resolved against its own location (type
 * {@code spec.type}, else the type it was read with) and read in turn, up to
 * {@link ReadPolicy#maxLocationDepth()} levels; {@code spec.presence: optional} makes missing targets
 * silent. Each location is read once per crawl, which also ends cycles. One crawl reads at most
 * {@link ReadPolicy#maxFilesPerLocation()} files and urls in all.
 *
 * <p>Never throws for bad content or unreadable targets: those become {@link ReadError}s. Thread-safe;
 * every crawl has its own state.
 */
public final class LocationCrawler {

    private final ReadPolicy policy;
    private final PolicyFetcher fetcher;

    /**
     * @param http the client for url targets; must not follow redirects ({@link HttpClient.Redirect#NEVER}),
     *     see {@link PolicyFetcher#httpClient}
     * @throws IllegalArgumentException when the client follows redirects
     */
    public LocationCrawler(ReadPolicy policy, HttpClient http) {
        this.policy = policy;
        this.fetcher = new PolicyFetcher(policy, http);
    }

    /** Reads the root location and everything it leads to; see the class description. */
    public CrawlResult crawl(LocationRef root) {
        Crawl crawl = new Crawl(root);
        crawl.visit(root, 0, false);
        return new CrawlResult(crawl.entities, crawl.errors, crawl.filesRead, crawl.urlsRead);
    }

    /** The state of one crawl. */
    private final class Crawl {
        final LocationRef root;
        final List<Emitted> entities = new ArrayList<>();
        final List<ReadError> errors = new ArrayList<>();
        final Set<Path> filesRead = new LinkedHashSet<>();
        final Set<String> urlsRead = new LinkedHashSet<>();
        final Set<LocationRef> seen = new HashSet<>();
        int reads;

        Crawl(LocationRef root) {
            this.root = root;
        }

        void visit(LocationRef ref, int depth, boolean optional) {
            try {
                if (LocationRef.URL.equals(ref.type())) {
                    if (seen.add(ref) && budget(ref)) {
                        byte[] content = fetcher.fetch(ref);
                        urlsRead.add(ref.target());
                        read(ref, content, depth);
                    }
                    return;
                }
                Path real = fetcher.checkFile(ref.target());
                if (!Files.isDirectory(real)) {
                    readFile(real, depth);
                    return;
                }
                if (seen.add(fileRef(real))) {
                    CatalogFileWalk.Result walk = fetcher.walk(real);
                    walk.errors().forEach(message -> errors.add(new ReadError(ref, message)));
                    for (Path file : walk.files()) {
                        readFile(file, depth);
                    }
                }
            } catch (ReadException e) {
                if (!(optional && e.notFound())) {
                    errors.add(new ReadError(ref, e.getMessage()));
                }
            }
        }

        private void readFile(Path real, int depth) {
            LocationRef location = fileRef(real);
            if (!seen.add(location) || !budget(location)) {
                return;
            }
            try {
                byte[] content = fetcher.readFile(real);
                filesRead.add(real);
                read(location, content, depth);
            } catch (ReadException e) {
                errors.add(new ReadError(location, e.getMessage()));
            }
        }

        private boolean budget(LocationRef location) {
            if (++reads <= policy.maxFilesPerLocation()) {
                return true;
            }
            if (reads == policy.maxFilesPerLocation() + 1) {
                errors.add(new ReadError(location, "crawl of " + root + " reached maxFilesPerLocation="
                        + policy.maxFilesPerLocation() + " reads; " + location + " and the rest were not read"));
            }
            return false;
        }

        private void read(LocationRef location, byte[] content, int depth) {
            for (YamlDocuments.Document document : YamlDocuments.parse(content, location.toString(), policy)) {
                if (document.error() != null) {
                    errors.add(new ReadError(location, document.error()));
                } else {
                    accept(document.entity(), location, depth);
                }
            }
        }

        private void accept(Map<String, Object> parsed, LocationRef location, int depth) {
            Map<String, Object> entity;
            try {
                entity = Placeholders.resolve(parsed, location, this::fetchRecorded);
            } catch (ReadException e) {
                errors.add(new ReadError(location, EntityTrees.describe(parsed) + ": " + e.getMessage()));
                return;
            }
            LocationAnnotations.apply(entity, location, root);
            entities.add(new Emitted(entity, location));
            if (EntityTrees.isLocation(entity)) {
                follow(entity, location, depth);
            }
        }

        /** Placeholder reads count as reads of the crawl, so a change to an included file is noticed. */
        private byte[] fetchRecorded(LocationRef ref) throws ReadException {
            if (LocationRef.URL.equals(ref.type())) {
                byte[] content = fetcher.fetch(ref);
                urlsRead.add(ref.target());
                return content;
            }
            Path real = fetcher.checkFile(ref.target());
            byte[] content = fetcher.readFile(real);
            filesRead.add(real);
            return content;
        }

        private void follow(Map<String, Object> entity, LocationRef location, int depth) {
            String what = EntityTrees.describe(entity);
            LocationTargets targets = LocationTargets.of(entity, location.type());
            targets.problems().forEach(p -> errors.add(new ReadError(location, what + ": " + p)));
            if (targets.targets().isEmpty()) {
                return;
            }
            if (depth + 1 > policy.maxLocationDepth()) {
                errors.add(new ReadError(location, what + " nests deeper than maxLocationDepth="
                        + policy.maxLocationDepth() + "; its targets were not read"));
                return;
            }
            for (String target : targets.targets()) {
                LocationRef child;
                try {
                    child = location.resolve(targets.type(), target);
                } catch (IllegalArgumentException e) {
                    errors.add(new ReadError(location, what + ": " + e.getMessage()));
                    continue;
                }
                visit(child, depth + 1, targets.optional());
            }
        }
    }

    private static LocationRef fileRef(Path real) {
        return new LocationRef(LocationRef.FILE, real.toString());
    }
}
