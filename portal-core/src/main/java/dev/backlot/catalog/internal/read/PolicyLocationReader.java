package dev.backlot.catalog.internal.read;

import dev.backlot.catalog.LocationReadException;
import dev.backlot.catalog.LocationReader;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link LocationReader} over the catalog's own targets ({@link FileTargets}, {@link UrlTargets},
 * {@link GitTargets}) and its {@link ReadPolicy}: other features read exactly what a location could.
 */
public final class PolicyLocationReader implements LocationReader {

    private final ReadPolicy policy;
    private final FileTargets files;
    private final UrlTargets urls;
    private final GitTargets gits;
    private final PolicyFetcher fetcher;

    public PolicyLocationReader(ReadPolicy policy) {
        this(policy, PolicyFetcher.httpClient(policy));
    }

    /** @param http must not follow redirects, see {@link PolicyFetcher#httpClient} */
    public PolicyLocationReader(ReadPolicy policy, HttpClient http) {
        this.policy = policy;
        this.files = new FileTargets(policy);
        this.urls = new UrlTargets(policy, http);
        this.gits = new GitTargets(policy);
        this.fetcher = new PolicyFetcher(policy, http);
    }

    @Override
    public long maxFileBytes() {
        return policy.maxFileBytes();
    }

    @Override
    public Path allowedPath(String path) throws LocationReadException {
        try {
            return files.check(path);
        } catch (ReadException e) {
            throw translate(e);
        }
    }

    @Override
    public byte[] url(String url) throws LocationReadException {
        try {
            return urls.read(url);
        } catch (ReadException e) {
            throw translate(e);
        }
    }

    @Override
    public Map<String, byte[]> gitFolder(String cloneUrl, String branch, String path, int maxFiles, long maxTotalBytes,
            Consumer<String> warnings) throws LocationReadException {
        try {
            return gits.folder(cloneUrl, branch, path, maxFiles, maxTotalBytes, warnings);
        } catch (ReadException e) {
            throw translate(e);
        }
    }

    private static LocationReadException translate(ReadException e) {
        return new LocationReadException(e.getMessage(), e.notFound());
    }

    @Override
    public byte[] read(String location) throws IOException {
        LocationRef ref = remote(location);
        try {
            return fetcher.fetch(ref);
        } catch (ReadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, byte[]> readFolder(String location, int maxFiles, long maxTotalBytes) throws IOException {
        LocationRef ref = remote(location);
        if (!LocationRef.GIT.equals(ref.type())) {
            throw new IOException(location + " names a folder on a web server, which cannot be listed: only a folder of"
                    + " a git repository (git:<clone url>.git/blob/<branch>/<folder>) can be read");
        }
        try {
            return gits.readFolder(ref.target(), maxFiles, maxTotalBytes);
        } catch (ReadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static LocationRef remote(String location) throws IOException {
        LocationRef ref;
        try {
            ref = LocationRef.parse(location);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (!ref.isFetched()) {
            throw new IOException(location + " is refused: only url and git locations are read here");
        }
        return ref;
    }
}
