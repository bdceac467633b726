package dev.backlot.techdocs.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlot.model.EntityRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Built sites under the data folder: {@code PORTAL_DATA/techdocs/<namespace>/<kind>/<name>/}, with
 * {@code status.json} (the latest build's state and log), {@code site.json} (the metadata of the site
 * served) and one folder per build, {@code b-<time>/}, holding a fragment per page
 * ({@code <page path>/index.html}) and the assets. A new build is written into a fresh folder and
 * switched to by replacing {@code site.json} atomically, so a reader never sees half a site; older
 * build folders are removed after the switch (one is kept for readers still on it).
 *
 * <p>The metadata of the sites served is kept in memory after its first read; pages are read from
 * the disk per request (the operating system caches them).
 */
final class SiteStore {

    private static final Logger LOG = Logger.getLogger(SiteStore.class.getName());
    /** Entity names, namespaces and kinds as the catalog allows them: safe as folder names. */
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,252}");

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, Optional<StoredSite>> sites = new ConcurrentHashMap<>();
    private final Map<String, Optional<StoredStatus>> statuses = new ConcurrentHashMap<>();

    SiteStore(Path root) {
        this.root = root;
    }

    static String key(EntityRef ref) {
        return ref.canonical().toLowerCase(Locale.ROOT);
    }

    /** The entity's folder, or empty when a part of its reference is not a safe folder name. */
    Optional<Path> folder(EntityRef ref) {
        String ns = ref.namespace().toLowerCase(Locale.ROOT);
        String kind = ref.kind().toLowerCase(Locale.ROOT);
        String name = ref.name().toLowerCase(Locale.ROOT);
        if (!SEGMENT.matcher(ns).matches() || !SEGMENT.matcher(kind).matches() || !SEGMENT.matcher(name).matches()
                || name.contains("..") || ns.contains("..") || kind.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(root.resolve(ns).resolve(kind).resolve(name));
    }

    Optional<StoredSite> site(EntityRef ref) {
        return sites.computeIfAbsent(key(ref), k -> folder(ref).flatMap(f -> read(f.resolve("site.json"), StoredSite.class)));
    }

    Optional<StoredStatus> status(EntityRef ref) {
        return statuses.computeIfAbsent(key(ref),
                k -> folder(ref).flatMap(f -> read(f.resolve("status.json"), StoredStatus.class)));
    }

    void putStatus(EntityRef ref, StoredStatus status) {
        Path folder = folder(ref).orElseThrow();
        write(folder.resolve("status.json"), status);
        statuses.put(key(ref), Optional.of(status));
    }

    /** A fresh folder for a build's files. */
    Path newBuildDir(EntityRef ref) throws IOException {
        Path folder = folder(ref).orElseThrow();
        Files.createDirectories(folder);
        Path dir = folder.resolve("b-" + System.currentTimeMillis());
        for (int n = 1; Files.exists(dir); n++) {
            dir = folder.resolve("b-" + System.currentTimeMillis() + "-" + n);
        }
        return Files.createDirectories(dir);
    }

    /** Serves {@code site} from now on, and removes the build folders older than the one it replaces. */
    void publish(EntityRef ref, StoredSite site) {
        Path folder = folder(ref).orElseThrow();
        String previous = site(ref).map(StoredSite::buildDir).orElse(null);
        write(folder.resolve("site.json"), site);
        sites.put(key(ref), Optional.of(site));
        try (DirectoryStream<Path> builds = Files.newDirectoryStream(folder, "b-*")) {
            for (Path dir : builds) {
                String name = dir.getFileName().toString();
                if (!name.equals(site.buildDir()) && !name.equals(previous)) {
                    delete(dir);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Old docs builds not removed", e);
        }
    }

    /** Removes a build folder that was not published (a failed build). */
    void discard(Path buildDir) {
        delete(buildDir);
    }

    /**
     * A file of the served build, by its path inside the site; empty when missing or when the path
     * would leave the build's folder.
     */
    Optional<Path> file(EntityRef ref, StoredSite site, String path) {
        Path build = folder(ref).orElseThrow().resolve(site.buildDir()).resolve("site");
        Path file = build.resolve(path).normalize();
        if (!file.startsWith(build) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), type));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Unreadable " + file.getFileName() + " in " + file.getParent() + "; the docs are built again", e);
            return Optional.empty();
        }
    }

    private void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a reader may still hold it open on some systems; the next publish tries again
                }
            });
        } catch (IOException e) {
            LOG.log(Level.FINE, "Build folder not removed", e);
        }
    }
}
