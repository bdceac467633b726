package dev.backlot.catalog.internal.read;

import dev.backlot.catalog.LocationReadException;
import dev.backlot.catalog.LocationReader;
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

    public PolicyLocationReader(ReadPolicy policy) {
        this(policy, PolicyFetcher.httpClient(policy));
    }

    /** @param http must not follow redirects, see {@link PolicyFetcher#httpClient} */
    public PolicyLocationReader(ReadPolicy policy, HttpClient http) {
        this.policy = policy;
        this.files = new FileTargets(policy);
        this.urls = new UrlTargets(policy, http);
        this.gits = new GitTargets(policy);
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
}
