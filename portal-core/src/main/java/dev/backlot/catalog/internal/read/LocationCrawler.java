package dev.backlot.catalog.internal.read;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * <p>Each emitted entity names its parents ({@link Emitted#parentRefs()}): the Location entities whose
 * targets led to the file or url it was read from, or for the root location's own documents the
 * {@code rootParentRef} given to {@link #crawl(LocationRef, String)}. A file reached through two
 * Location entities is read once and has both as parents.
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

    /**
     * Checks that a location itself can be read under the policy (a url answers, a file or folder
     * exists inside the allowed roots and a file is readable), without parsing it or following
     * anything: what registering a location needs before the engine reads it.
     *
     * @throws ReadException with the reason, as a crawl would report it for the root
     */
    public void checkReadable(LocationRef root) throws ReadException {
        if (root.isFetched()) {
            fetcher.fetch(root);
            return;
        }
        Path real = fetcher.checkFile(root.target());
        if (!Files.isDirectory(real)) {
            fetcher.readFile(real);
        }
    }

    /** Reads the root location and everything it leads to; see the class description. */
    public CrawlResult crawl(LocationRef root) {
        return crawl(root, null);
    }

    /**
     * Reads the root location and everything it leads to; see the class description.
     *
     * @param rootParentRef the entity reference to give as parent to the entities read directly from
     *     {@code root} (the Location entity standing for it), or null for none
     */
    public CrawlResult crawl(LocationRef root, String rootParentRef) {
        return crawl(root, rootParentRef, Map.of());
    }

    /**
     * Reads the root location and everything it leads to, except the leaves that did not change: a
     * file or url whose content and parents match its stamp from an earlier crawl is read and
     * hashed but not parsed, and is listed in {@link CrawlResult#unchanged()} (see {@link FileStamp}).
     *
     * @param stamps the {@link CrawlResult#stamps()} of the previous crawl of this root; empty for a full read
     */
    public CrawlResult crawl(LocationRef root, String rootParentRef, Map<String, FileStamp> stamps) {
        Crawl crawl = new Crawl(root, stamps);
        crawl.visit(root, 0, false, rootParentRef);
        crawl.reparseMoved();
        List<Emitted> entities = new ArrayList<>(crawl.entities.size());
        for (Emitted e : crawl.entities) {
            // Parents are known only once the crawl is over: a later Location may target a file read earlier.
            entities.add(new Emitted(e.entity(), e.location(), List.copyOf(crawl.parents.getOrDefault(e.location(), Set.of()))));
        }
        return new CrawlResult(entities, crawl.errors, crawl.filesRead, crawl.urlsRead, crawl.stamps(),
                crawl.unchanged.keySet().stream().map(LocationRef::toString).collect(java.util.stream.Collectors.toSet()));
    }

    /** The state of one crawl. */
    private final class Crawl {
        final LocationRef root;
        final List<Emitted> entities = new ArrayList<>();
        final List<ReadError> errors = new ArrayList<>();
        final Set<Path> filesRead = new LinkedHashSet<>();
        final Set<String> urlsRead = new LinkedHashSet<>();
        final Set<LocationRef> seen = new HashSet<>();
        final Map<LocationRef, Set<String>> parents = new HashMap<>();
        final Map<Path, List<Path>> walked = new HashMap<>();
        /** Stamps from the previous crawl, by location; an entry is removed once it no longer applies. */
        final Map<String, FileStamp> previous;
        /** Content hashes of what this crawl parsed. */
        final Map<LocationRef, String> hashes = new LinkedHashMap<>();
        /** What this crawl parsed that is no leaf (see {@link FileStamp}). */
        final Set<LocationRef> notLeaves = new HashSet<>();
        /** Leaves not parsed because their content matched their stamp, with the depth they were met at. */
        final Map<LocationRef, Integer> unchanged = new LinkedHashMap<>();
        int reads;

        Crawl(LocationRef root, Map<String, FileStamp> previous) {
            this.root = root;
            this.previous = new HashMap<>(previous);
        }

        /**
         * Parses the unchanged leaves whose parents are not those of their stamp (a Location entity
         * elsewhere now leads to them, or no longer does): their entities need the new parents.
         */
        void reparseMoved() {
            for (var it = unchanged.entrySet().iterator(); it.hasNext(); ) {
                var leaf = it.next();
                LocationRef location = leaf.getKey();
                List<String> now = parents.getOrDefault(location, Set.of()).stream().sorted().toList();
                if (now.equals(previous.get(location.toString()).parents())) {
                    continue;
                }
                it.remove();
                previous.remove(location.toString());
                try {
                    read(location, location.isFetched() ? fetcher.fetch(location)
                            : fetcher.readFile(Path.of(location.target())), leaf.getValue());
                } catch (ReadException e) {
                    errors.add(new ReadError(location, e.getMessage()));
                }
            }
        }

        /** The stamps of every leaf of this crawl, parsed or unchanged. */
        Map<String, FileStamp> stamps() {
            Map<String, FileStamp> out = new HashMap<>();
            hashes.forEach((location, hash) -> {
                if (!notLeaves.contains(location)) {
                    out.put(location.toString(), new FileStamp(hash, List.copyOf(parents.getOrDefault(location, Set.of()))));
                }
            });
            unchanged.keySet().forEach(location -> out.put(location.toString(), previous.get(location.toString())));
            return out;
        }

        void visit(LocationRef ref, int depth, boolean optional, String parentRef) {
            try {
                if (ref.isFetched()) {
                    addParent(ref, parentRef);
                    if (seen.add(ref) && budget(ref)) {
                        byte[] content = fetcher.fetch(ref);
                        urlsRead.add(ref.target());
                        read(ref, content, depth);
                    }
                    return;
                }
                Path real = fetcher.checkFile(ref.target());
                if (!Files.isDirectory(real)) {
                    readFile(real, depth, parentRef);
                    return;
                }
                if (seen.add(fileRef(real))) {
                    CatalogFileWalk.Result walk = fetcher.walk(real);
                    walked.put(real, walk.files());
                    walk.errors().forEach(message -> errors.add(new ReadError(ref, message)));
                }
                // A folder reached again is not walked again, but its files gain this parent too.
                for (Path file : walked.getOrDefault(real, List.of())) {
                    readFile(file, depth, parentRef);
                }
            } catch (ReadException e) {
                if (!(optional && e.notFound())) {
                    errors.add(new ReadError(ref, e.getMessage()));
                }
            }
        }

        private void readFile(Path real, int depth, String parentRef) {
            LocationRef location = fileRef(real);
            addParent(location, parentRef);
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

        private void addParent(LocationRef location, String parentRef) {
            if (parentRef != null) {
                parents.computeIfAbsent(location, k -> new LinkedHashSet<>()).add(parentRef);
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
            String hash = FileStamp.hashOf(content);
            FileStamp stamp = previous.get(location.toString());
            if (stamp != null && stamp.hash().equals(hash)) {
                unchanged.put(location, depth);
                return;
            }
            hashes.put(location, hash);
            int errorsBefore = errors.size();
            for (YamlDocuments.Document document : YamlDocuments.parse(content, location.toString(), policy)) {
                if (document.error() != null) {
                    errors.add(new ReadError(location, document.error()));
                } else {
                    accept(document.entity(), location, depth);
                }
            }
            if (errors.size() > errorsBefore) {
                // Its errors are reported by parsing it: it is parsed every time, until it has none.
                notLeaves.add(location);
            }
        }

        private void accept(Map<String, Object> parsed, LocationRef location, int depth) {
            Map<String, Object> entity;
            try {
                entity = Placeholders.resolve(parsed, location, included -> {
                    // What it includes may change without it: parsed every time.
                    notLeaves.add(location);
                    return fetchRecorded(included);
                });
            } catch (ReadException e) {
                errors.add(new ReadError(location, EntityTrees.describe(parsed) + ": " + e.getMessage()));
                return;
            }
            LocationAnnotations.apply(entity, location, root);
            entities.add(new Emitted(entity, location));
            if (EntityTrees.isLocation(entity)) {
                // What its targets lead to (a folder's files) may change without it: parsed every time.
                notLeaves.add(location);
                follow(entity, location, depth);
            }
        }

        /** Placeholder reads count as reads of the crawl, so a change to an included file is noticed. */
        private byte[] fetchRecorded(LocationRef ref) throws ReadException {
            if (ref.isFetched()) {
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
                visit(child, depth + 1, targets.optional(), EntityTrees.locationRef(entity));
            }
        }
    }

    private static LocationRef fileRef(Path real) {
        return new LocationRef(LocationRef.FILE, real.toString());
    }
}
