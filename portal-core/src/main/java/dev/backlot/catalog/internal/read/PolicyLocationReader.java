package dev.backlot.catalog.internal.read;

import dev.backlot.catalog.LocationReader;
import java.io.IOException;
import java.util.Map;

/** The {@link LocationReader} over a {@link ReadPolicy}: {@code url} and {@code git} targets only. */
public final class PolicyLocationReader implements LocationReader {

    private final PolicyFetcher fetcher;
    private final GitTargets git;

    public PolicyLocationReader(ReadPolicy policy) {
        this.fetcher = new PolicyFetcher(policy, PolicyFetcher.httpClient(policy));
        this.git = new GitTargets(policy);
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
            return git.readFolder(ref.target(), maxFiles, maxTotalBytes);
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
