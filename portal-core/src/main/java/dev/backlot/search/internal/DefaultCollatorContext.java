package dev.backlot.search.internal;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.model.Entity;
import dev.backlot.spi.search.CollatorContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The portal's side of {@link CollatorContext}: the catalog's entities, the {@code portal.search.*}
 * settings, and reads under the catalog's rules: files only inside the allowed roots (real paths,
 * so a symbolic link cannot lead out), URLs only to allow-listed hosts ({@code host},
 * {@code host:port}, {@code *.domain}), no redirects, bounded size and time.
 */
final class DefaultCollatorContext implements CollatorContext {

    private static final int PAGE = 1_000;
    private static final int MAX_FILES = 10_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final CatalogService catalog;
    private final List<Path> roots;
    private final List<String> hosts;
    private final Function<String, Optional<String>> settings;
    private final Path dataDir;
    private final List<Path> dataCatalogFolders;

    DefaultCollatorContext(CatalogService catalog, Path dataDir, List<Path> roots, List<String> hosts,
            Function<String, Optional<String>> settings) {
        this.catalog = catalog;
        this.dataDir = real(dataDir);
        this.dataCatalogFolders = dev.backlot.config.PortalConfig.catalogFolders(dataDir).stream()
                .map(DefaultCollatorContext::real).toList();
        this.roots = roots.stream().map(DefaultCollatorContext::real).toList();
        this.hosts = hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        this.settings = settings;
    }

    @Override
    public Stream<Entity> entities(String kind) {
        EntityFilter filter = EntityFilter.parse(List.of("kind=" + kind.replace(",", "")));
        var pages = new java.util.Iterator<List<Entity>>() {
            int offset;
            boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<Entity> next() {
                List<Entity> page = catalog.entities(new EntityQuery(filter, List.of(), offset, PAGE, null, List.of()));
                offset += page.size();
                done = page.size() < PAGE;
                return page;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false)
                .flatMap(List::stream);
    }

    @Override
    public Optional<String> setting(String name) {
        return name != null && name.startsWith("portal.search.") ? settings.apply(name) : Optional.empty();
    }

    @Override
    public byte[] read(String location) throws IOException {
        if (location.regionMatches(true, 0, "http://", 0, 7) || location.regionMatches(true, 0, "https://", 0, 8)) {
            return fetch(URI.create(location));
        }
        Path file = allowed(location);
        if (!Files.isRegularFile(file)) {
            throw new IOException("Not a file: " + location);
        }
        if (Files.size(file) > MAX_READ_BYTES) {
            throw new IOException(location + " is larger than " + MAX_READ_BYTES + " bytes");
        }
        return Files.readAllBytes(file);
    }

    @Override
    public List<String> list(String folder) throws IOException {
        Path dir = allowed(folder);
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (out.size() >= MAX_FILES) {
                    break;
                }
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(f.toString());
                }
            }
        }
        return out;
    }

    /** The real path of a file location, refused unless it lies inside an allowed root. */
    private Path allowed(String location) throws IOException {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        Path real;
        try {
            real = Path.of(path).toAbsolutePath().normalize().toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new IOException("Cannot read " + location + ": " + e.getMessage());
        }
        // As for catalog locations: nothing in the data folder but its catalog folders, whatever the roots say.
        if (real.startsWith(dataDir) && dataCatalogFolders.stream().noneMatch(real::startsWith)) {
            throw new IOException(location + " is in the portal's data folder, which is never read");
        }
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return real;
            }
        }
        throw new IOException(location + " is outside the allowed file roots (PORTAL_FILE_ROOTS)");
    }

    private byte[] fetch(URI uri) throws IOException {
        if (!allows(uri)) {
            throw new IOException(uri.getHost() + " is not on the URL allow-list (PORTAL_URL_ALLOW)");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered " + response.statusCode());
                }
                byte[] body = in.readNBytes(MAX_READ_BYTES + 1);
                if (body.length > MAX_READ_BYTES) {
                    throw new IOException(uri + " is larger than " + MAX_READ_BYTES + " bytes");
                }
                return body;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted reading " + uri);
        }
    }

    /** The catalog's host allow-list rule (see catalog locations): names and ports, no user info. */
    boolean allows(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String entry : hosts) {
            int colon = entry.lastIndexOf(':');
            boolean hasPort = colon > entry.lastIndexOf(']');
            String entryHost = hasPort ? entry.substring(0, colon) : entry;
            int entryPort;
            try {
                entryPort = hasPort ? Integer.parseInt(entry.substring(colon + 1)) : defaultPort;
            } catch (NumberFormatException e) {
                continue;
            }
            boolean hostMatches = entryHost.startsWith("*.") ? host.endsWith(entryHost.substring(1))
                    && host.length() > entryHost.length() - 1 : host.equals(entryHost);
            if (hostMatches && port == entryPort) {
                return true;
            }
        }
        return false;
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }
}
