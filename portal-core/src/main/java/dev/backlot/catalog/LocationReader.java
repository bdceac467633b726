package dev.backlot.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads files and folders under the catalog's own read policy, for features that read sources
 * beside the catalog's descriptors (TechDocs): the same file roots (and the same refusal of the
 * portal's state in the data folder), the same url allow-list with each redirect checked again, the
 * same per-file size cap and time limit, and git repositories through JGit as {@code git} locations
 * are read.
 *
 * <pre>{@code
 * LocationReader reader = Catalogs.locationReader(config);
 * byte[] yml = reader.url("https://docs.example.com/payments/mkdocs.yml");
 * Map<String, byte[]> docs = reader.gitFolder("http://127.0.0.1:8080/git/team/payments.git", "main", "docs",
 *         5_000, 100L << 20, log::warn);
 * }</pre>
 *
 * <p>Two ways to name what to read: by kind ({@link #url}, {@link #gitFolder}, {@link #allowedPath}),
 * or as a catalog location string ({@link #read}, {@link #readFolder}: {@code url:<http(s) URL>},
 * {@code git:<clone url>.git/blob/<branch>/<path>}), for code that resolves paths beside a
 * location (the scaffolder's {@code fetch:*} actions).
 *
 * <p>Thread-safe; every call stands alone. Each method fails with a {@link LocationReadException}
 * (an {@link IOException}) whose message names the target and the reason, in words for the owner of
 * the source.
 */
public interface LocationReader {

    /** The largest single file any method returns, in bytes ({@code PORTAL_CATALOG_MAX_FILE_BYTES}). */
    long maxFileBytes();

    /**
     * The real path (symbolic links resolved) of an existing file or folder a {@code file} location
     * may read.
     *
     * @throws LocationReadException when it lies outside the file roots (before or after resolving
     *     links), inside the portal's own state, or does not exist ({@link LocationReadException#notFound()})
     */
    Path allowedPath(String path) throws LocationReadException;

    /**
     * Reads one http(s) URL on an allowed host with GET, following at most a few redirects, each to an
     * allowed host.
     *
     * @throws LocationReadException when the host is not allowed, the answer is not 2xx (404 and 410
     *     are {@link LocationReadException#notFound()}), the body is over {@link #maxFileBytes()}, or it timed out
     */
    byte[] url(String url) throws LocationReadException;

    /**
     * Reads the files below a folder of a git repository's branch: the portal's own repositories
     * ({@code http://127.0.0.1|localhost:<port>/git/<owner>/<repo>.git}) from disk, others on allowed
     * hosts fetched into memory. Hidden entries are left out; symbolic links and submodules are skipped
     * with a warning.
     *
     * @param cloneUrl the repository's clone URL, ending in {@code .git}
     * @param branch the branch, or {@code null} for the repository's default branch (its {@code HEAD})
     * @param path the folder inside the repository, {@code /}-separated, {@code ""} for its root
     * @param maxFiles the most files read; more fail the read
     * @param maxTotalBytes the most bytes read in all; more fail the read
     * @param warnings told of each entry skipped
     * @return relative path (to {@code path}, {@code /} separators) to content
     * @throws LocationReadException when the host is not allowed, the repository, branch or folder is
     *     missing, a limit is broken, or the transfer failed
     */
    Map<String, byte[]> gitFolder(String cloneUrl, String branch, String path, int maxFiles, long maxTotalBytes,
            Consumer<String> warnings) throws LocationReadException;

    /**
     * One file.
     *
     * @param location {@code url:<http(s) URL>} or {@code git:<clone url>.git/blob/<branch>/<file>}
     * @throws IOException when the location is refused (its host is not allowed, it is not http(s),
     *     ...), missing, larger than the limit or unreadable; the message names it and says why
     */
    byte[] read(String location) throws IOException;

    /**
     * Every file below a folder of a git repository, by path relative to the folder ({@code a/b.txt}).
     * A plain web server cannot list a folder, so {@code url} locations are refused here.
     *
     * @param location {@code git:<clone url>.git/blob/<branch>/<folder>}; an empty folder path is the
     *     repository's root
     * @param maxFiles the most files read; more is an error
     * @param maxTotalBytes the most bytes read in all; more is an error
     * @throws IOException as {@link #read}, and for symbolic links in the folder (refused), too many
     *     files or bytes
     */
    Map<String, byte[]> readFolder(String location, int maxFiles, long maxTotalBytes) throws IOException;

    /** A reader that refuses everything, with {@code why} as the reason. */
    static LocationReader refusing(String why) {
        return new LocationReader() {
            @Override
            public byte[] read(String location) throws IOException {
                throw new IOException(why);
            }

            @Override
            public Map<String, byte[]> readFolder(String location, int maxFiles, long maxTotalBytes) throws IOException {
                throw new IOException(why);
            }

            @Override
            public long maxFileBytes() {
                return 0;
            }

            @Override
            public Path allowedPath(String path) throws LocationReadException {
                throw new LocationReadException(why, false);
            }

            @Override
            public byte[] url(String url) throws LocationReadException {
                throw new LocationReadException(why, false);
            }

            @Override
            public Map<String, byte[]> gitFolder(String cloneUrl, String branch, String path, int maxFiles,
                    long maxTotalBytes, Consumer<String> warnings) throws LocationReadException {
                throw new LocationReadException(why, false);
            }
        };
    }
}
