package dev.backlot.techdocs.internal;

import dev.backlot.catalog.LocationReadException;
import dev.backlot.catalog.LocationReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docs in a folder of a git repository, read through the catalog's git reader (JGit; the portal's own
 * repositories from disk, others fetched into memory from allowed hosts), bounded by the build's file
 * count and total size limits and the catalog's per-file cap.
 *
 * <p>The URL forms understood, for {@code url:} references:
 * <ul>
 * <li>{@code <clone url>.git}: the root of the default branch, e.g.
 *     {@code http://127.0.0.1:8080/git/team/payments.git};</li>
 * <li>{@code <clone url>.git/tree/<branch>/<path>} (or {@code /blob/}): a folder of a branch, the
 *     form the catalog's {@code git} locations use for files;</li>
 * <li>{@code https://host/<owner>/<repo>/tree/<branch>/<path>} (GitHub, Gitea) and
 *     {@code https://host/<group>/<repo>/-/tree/<branch>/<path>} (GitLab), read from
 *     {@code https://host/<owner>/<repo>.git}; the host must be on the url allow-list.</li>
 * </ul>
 * The branch is the first path segment after {@code tree}: a branch whose name has a {@code /} cannot be
 * told from its folders in these URLs (Backstage asks the host's API; Backlot does not).
 */
final class GitDocs implements DocsSource {

    private static final Pattern CLONE = Pattern.compile(
            "(https?://[^?#]+?\\.git)(?:/(?:tree|blob)/([A-Za-z0-9._-]+)(?:/(.*))?)?/?");
    private static final Pattern HOSTED = Pattern.compile(
            "(https?://[^/?#]+(?:/[^/?#]+)*?/[^/?#]+/[^/?#]+?)(?:/-)?/(?:tree|blob)/([A-Za-z0-9._-]+)(?:/(.*))?/?");
    /** {@code <clone url>.git/blob/<branch>/<path to the descriptor>}, as the catalog writes git locations. */
    private static final Pattern DESCRIPTOR = Pattern.compile("(https?://[^?#]+?\\.git)/blob/([A-Za-z0-9._-]+)/(.+)");

    private final LocationReader reader;
    private final String clone;
    private final String branch;
    private final String path;
    private final String hosted;

    GitDocs(LocationReader reader, String clone, String branch, String path, String hosted) {
        this.hosted = hosted;
        this.reader = reader;
        this.clone = clone;
        this.branch = branch;
        this.path = path;
    }

    /**
     * The git folder a docs URL names, or {@code null} when it does not look like a repository (a plain
     * web folder then).
     *
     * @throws DocsLocation.Refused when the path inside the repository climbs out of it
     */
    static GitDocs parse(URI uri, LocationReader reader, String ref) throws DocsLocation.Refused {
        String url = uri.normalize().toString();
        Matcher m = CLONE.matcher(url);
        if (!m.matches()) {
            m = HOSTED.matcher(url);
            if (!m.matches()) {
                return null;
            }
            return new GitDocs(reader, m.group(1) + ".git", m.group(2), inRepository(m.group(3), ref), url);
        }
        return new GitDocs(reader, m.group(1), m.group(2), inRepository(m.group(3), ref), null);
    }

    /** The folder {@code dir} beside a descriptor read from a {@code git} location. */
    static GitDocs besideDescriptor(String location, String dir, LocationReader reader, String ref) throws DocsLocation.Refused {
        Matcher m = DESCRIPTOR.matcher(location);
        if (!m.matches()) {
            throw new DocsLocation.Refused(ref + ": the entity's git location " + location
                    + " is not of the form <clone url>.git/blob/<branch>/<path>");
        }
        String descriptor = m.group(3);
        String parent = descriptor.contains("/") ? descriptor.substring(0, descriptor.lastIndexOf('/')) : "";
        String joined = parent.isEmpty() ? dir : parent + "/" + dir;
        return new GitDocs(reader, m.group(1), m.group(2), inRepository(joined, ref), null);
    }

    /** A path inside the repository, normalised, {@code ""} for its root; refused when it climbs out. */
    private static String inRepository(String path, String ref) throws DocsLocation.Refused {
        if (path == null || path.isBlank()) {
            return "";
        }
        String normal = Path.of(path.replaceAll("/+$", "")).normalize().toString().replace('\\', '/');
        if (normal.equals("..") || normal.startsWith("../") || normal.startsWith("/")) {
            throw new DocsLocation.Refused(ref + ": the path climbs out of the repository");
        }
        return normal.equals(".") ? "" : normal;
    }

    /** Edit links for a GitHub/GitLab/Gitea-style tree URL ({@code /tree/} becomes {@code /edit/}); none for a clone URL. */
    String editBase() {
        return hosted == null ? null : DocsLocation.editBase(hosted);
    }

    @Override
    public DocsFolder read(Limits limits, BuildLog log) throws DocsFolder.Unreadable {
        log.info("reading git " + clone + (branch == null ? " (default branch)" : " branch " + branch)
                + (path.isEmpty() ? "" : ", folder " + path));
        Map<String, byte[]> files;
        try {
            files = reader.gitFolder(clone, branch, path, limits.maxFiles(), limits.maxTotalBytes(), log::warn);
        } catch (LocationReadException e) {
            throw new DocsFolder.Unreadable(e.getMessage());
        }
        Map<String, byte[]> sorted = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().split("/").length - 1 > limits.maxDepth()) {
                continue;
            }
            sorted.put(e.getKey(), e.getValue());
        }
        return new DocsFolder(sorted, DocsFolder.hash(sorted));
    }
}
