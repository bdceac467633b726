package dev.backlot.catalog;

import java.io.IOException;
import java.util.Map;

/**
 * Reads what a {@code url} or {@code git} catalog location names, under the same rules as the
 * catalog's own reads: http(s) only, hosts on {@code PORTAL_URL_ALLOW} (redirects checked hop by
 * hop), files capped at {@code PORTAL_CATALOG_MAX_FILE_BYTES}, the portal's own git repositories
 * read from the data folder. Other features (the scaffolder's {@code fetch:*} actions) use it to
 * read beside a template that came from such a location. Thread-safe; made by
 * {@link Catalogs#locationReader}.
 *
 * <p>Locations are written as the catalog writes them: {@code url:https://host/path/file.yaml},
 * {@code git:<clone url>.git/blob/<branch>/<path>}.
 */
public interface LocationReader {

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
        };
    }
}
