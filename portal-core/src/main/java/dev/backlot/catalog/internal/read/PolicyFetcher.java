package dev.backlot.catalog.internal.read;

import java.net.http.HttpClient;
import java.nio.file.Path;

/**
 * The {@link Fetcher} that enforces a {@link ReadPolicy}: {@code file} targets only inside the file roots
 * (after resolving symbolic links), {@code url} targets only on allowed hosts over http(s), both capped at
 * {@code maxFileBytes}. Thread-safe; one instance may serve many crawls.
 */
public final class PolicyFetcher implements Fetcher {

    private final FileTargets files;
    private final UrlTargets urls;
    private final GitTargets gits;
    private final ReadPolicy policy;

    /**
     * @param http the client for url targets; it must not follow redirects ({@link HttpClient.Redirect#NEVER})
     * @throws IllegalArgumentException when the client follows redirects
     */
    public PolicyFetcher(ReadPolicy policy, HttpClient http) {
        this.policy = policy;
        this.files = new FileTargets(policy);
        this.urls = new UrlTargets(policy, http);
        this.gits = new GitTargets(policy);
    }

    /** A client suited to this fetcher: no automatic redirects, connect timeout from the policy. */
    public static HttpClient httpClient(ReadPolicy policy) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.urlTimeout())
                .build();
    }

    @Override
    public byte[] fetch(LocationRef ref) throws ReadException {
        if (LocationRef.URL.equals(ref.type())) {
            return urls.read(ref.target());
        }
        if (LocationRef.GIT.equals(ref.type())) {
            return gits.read(ref.target());
        }
        Path real = files.check(ref.target());
        return files.read(real);
    }

    /** The real path of an allowed, existing file target; see {@link FileTargets#check}. */
    Path checkFile(String target) throws ReadException {
        return files.check(target);
    }

    /** The {@code catalog-info.yaml} files below an allowed directory; see {@link CatalogFileWalk}. */
    CatalogFileWalk.Result walk(Path realDir) {
        return CatalogFileWalk.walk(realDir, files, policy.maxFilesPerLocation());
    }

    byte[] readFile(Path real) throws ReadException {
        return files.read(real);
    }

    ReadPolicy policy() {
        return policy;
    }
}
