package dev.backlot.catalog.internal.read;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads {@code git} targets through JGit: one file of one branch of a git repository, written
 * {@code <clone url>.git/blob/<branch>/<path>} (what {@code publish:git} and {@code catalog:register}
 * produce). The same limits as a {@code url} target: the host must be on the url allow-list (except
 * the portal's own git server, see below), the file is capped at {@code maxFileBytes}, and the
 * transfer at the url timeout.
 *
 * <p>The portal's own repositories ({@code http://127.0.0.1|localhost:<port>/git/<owner>/<repo>.git})
 * are read from {@code <data>/git} on disk, without a network round trip to itself; nothing else in
 * the data folder is reachable this way (names are checked, links refused).
 */
final class GitTargets {

    private static final Pattern TARGET = Pattern.compile("(https?://[^?#]+?\\.git)/blob/([A-Za-z0-9._/-]+?)/(.+)");
    private static final Pattern LOCAL_PATH = Pattern.compile(
            "/git/([A-Za-z0-9_][A-Za-z0-9._-]{0,99})/([A-Za-z0-9_][A-Za-z0-9._-]{0,99}\\.git)");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final ReadPolicy policy;
    private final HostAllowList allowList;
    private final Path localRoot;

    GitTargets(ReadPolicy policy) {
        this.policy = policy;
        this.allowList = new HostAllowList(policy.urlAllow());
        this.localRoot = policy.stateFolder() == null ? null : policy.stateFolder().resolve("git").toAbsolutePath().normalize();
    }

    byte[] read(String target) throws ReadException {
        Matcher m = TARGET.matcher(target);
        if (!m.matches()) {
            throw new ReadException("git target '" + target + "' is not of the form <clone url>.git/blob/<branch>/<path>");
        }
        String clone = m.group(1);
        String branch = m.group(2);
        String path = m.group(3).replaceFirst("^/+", "");
        if (branch.contains("..") || path.contains("..") || path.startsWith("/")) {
            throw new ReadException("git target '" + target + "' may not contain '..'");
        }
        return withBranch(clone, branch, "git target '" + target + "'", (repository, head) -> file(repository, target, head, branch, path));
    }

    /**
     * Reads every file below {@code path} of a branch (the default branch when {@code branch} is
     * {@code null}), within the limits: hidden entries ({@code .git*}) are left out, symbolic links and
     * submodules skipped with a warning, and the read fails as soon as a file is over
     * {@code maxFileBytes}, the files are more than {@code maxFiles} or hold more than {@code maxTotalBytes}.
     *
     * @return relative path ({@code /} separators) to content, in tree order
     */
    Map<String, byte[]> folder(String clone, String branch, String path, int maxFiles, long maxTotalBytes,
            Consumer<String> warnings) throws ReadException {
        return folder(clone, branch, path, maxFiles, maxTotalBytes, false, warnings);
    }

    /**
     * Every file below a folder named as a git target ({@code <clone url>.git/blob/<branch>/<folder>},
     * an empty folder for the root), by path relative to it, for writing out as it is (a template's
     * skeleton): hidden files ({@code .github/}, {@code .gitignore}) are included, a symbolic link
     * fails the read (written out, it could point anywhere), submodules are skipped; the same limits
     * as {@link #folder}.
     */
    Map<String, byte[]> readFolder(String target, int maxFiles, long maxTotalBytes) throws ReadException {
        Matcher m = TARGET.matcher(target.matches(".*\\.git/blob/[^/]+") ? target + "/." : target);
        if (!m.matches()) {
            throw new ReadException("git target '" + target + "' is not of the form <clone url>.git/blob/<branch>/<path>");
        }
        String path = m.group(3).replaceFirst("^/+", "");
        path = path.equals(".") ? "" : path.replaceFirst("/+$", "");
        return folder(m.group(1), m.group(2), path, maxFiles, maxTotalBytes, true, warning -> { });
    }

    private Map<String, byte[]> folder(String clone, String branch, String path, int maxFiles, long maxTotalBytes,
            boolean asWritten, Consumer<String> warnings) throws ReadException {
        String where = clone + (branch == null ? "" : " " + branch) + (path.isEmpty() ? "" : " " + path);
        if (branch != null && (branch.contains("..") || !BRANCH.matcher(branch).matches()) || path.contains("..")
                || path.startsWith("/")) {
            throw new ReadException("git folder '" + where + "' may not contain '..'");
        }
        return withBranch(clone, branch, "git folder '" + where + "'", (repository, head) -> {
            try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
                RevTree root = walk.parseCommit(head).getTree();
                ObjectId start = root;
                if (!path.isEmpty()) {
                    try (TreeWalk at = TreeWalk.forPath(repository, path, root)) {
                        if (at == null || !at.getFileMode(0).equals(FileMode.TREE)) {
                            throw new ReadException("git folder '" + where + "': no folder " + path, true);
                        }
                        start = at.getObjectId(0);
                    }
                }
                tree.addTree(start);
                tree.setRecursive(false);
                Map<String, byte[]> files = new LinkedHashMap<>();
                long total = 0;
                while (tree.next()) {
                    String name = tree.getNameString();
                    FileMode mode = tree.getFileMode(0);
                    if (name.startsWith(".") && !asWritten) {
                        continue;
                    }
                    if (mode.equals(FileMode.TREE)) {
                        tree.enterSubtree();
                        continue;
                    }
                    if (mode.equals(FileMode.SYMLINK) && asWritten) {
                        throw new ReadException("git folder '" + where + "': " + tree.getPathString()
                                + " is a symbolic link, which is refused");
                    }
                    if (mode.equals(FileMode.SYMLINK) || mode.equals(FileMode.GITLINK)) {
                        warnings.accept(tree.getPathString() + ": " + (mode.equals(FileMode.SYMLINK) ? "symbolic link"
                                : "submodule") + " skipped (only the folder's own files are read)");
                        continue;
                    }
                    if (files.size() >= maxFiles) {
                        throw new ReadException("git folder '" + where + "' has more than " + maxFiles + " files");
                    }
                    ObjectLoader loader = repository.open(tree.getObjectId(0));
                    if (loader.getSize() > policy.maxFileBytes()) {
                        throw new ReadException("git folder '" + where + "': " + tree.getPathString() + " is larger than "
                                + policy.maxFileBytes() + " bytes");
                    }
                    total += loader.getSize();
                    if (total > maxTotalBytes) {
                        throw new ReadException("git folder '" + where + "' holds more than " + maxTotalBytes + " bytes");
                    }
                    files.put(tree.getPathString(), loader.getBytes());
                }
                return files;
            }
        });
    }

    /** What is read from a repository once its branch is there. */
    @FunctionalInterface
    private interface BranchRead<T> {
        T read(Repository repository, ObjectId head) throws IOException, ReadException;
    }

    /**
     * Opens the repository behind a clone URL (the portal's own from disk, another over the network into
     * memory, allow-listed hosts only), resolves the branch ({@code null}: the default branch) and reads.
     */
    private <T> T withBranch(String clone, String branch, String what, BranchRead<T> read) throws ReadException {
        URI uri;
        try {
            uri = new URI(clone);
        } catch (URISyntaxException e) {
            throw new ReadException(what + " is not a valid URL: " + e.getMessage());
        }
        Matcher local = LOCAL_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (localRoot != null && uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))
                && local.matches() && uri.getRawUserInfo() == null) {
            Path dir = localRoot.resolve(local.group(1)).resolve(local.group(2)).normalize();
            if (!dir.startsWith(localRoot) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new ReadException(what + ": no such repository on this portal", true);
            }
            try (Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build()) {
                return read.read(repository, head(repository, what, branch == null ? Constants.HEAD : "refs/heads/" + branch));
            } catch (IOException e) {
                throw new ReadException(what + " cannot be read: " + e.getMessage());
            }
        }
        if (!allowList.allows(uri)) {
            throw new ReadException(what + ": host " + uri.getHost() + " is not in the allowed hosts"
                    + " (PORTAL_URL_ALLOW)");
        }
        try (InMemoryRepository repository = new InMemoryRepository(new DfsRepositoryDescription("catalog-read"));
                Transport transport = Transport.open(repository, new URIish(clone))) {
            transport.setTimeout((int) Math.max(1, policy.urlTimeout().toSeconds()));
            // the default branch is whatever the server's HEAD points at, fetched under a name of our own
            String remote = branch == null ? Constants.HEAD : "refs/heads/" + branch;
            String into = branch == null ? "refs/heads/backlot-default" : "refs/heads/" + branch;
            transport.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+" + remote + ":" + into)));
            return read.read(repository, head(repository, what, into));
        } catch (TransportException e) {
            throw new ReadException(what + " cannot be fetched: " + e.getMessage());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new ReadException(what + " cannot be read: " + e.getMessage());
        }
    }

    private static ObjectId head(Repository repository, String what, String ref) throws IOException, ReadException {
        ObjectId head = repository.resolve(ref);
        if (head == null) {
            throw new ReadException(what + ": no branch "
                    + (ref.equals(Constants.HEAD) ? "(HEAD names no commit: an empty repository?)" : ref.substring("refs/heads/".length())), true);
        }
        return head;
    }

    private byte[] file(Repository repository, String target, ObjectId head, String branch, String path)
            throws IOException, ReadException {
        try (RevWalk walk = new RevWalk(repository)) {
            TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(head).getTree());
            if (tree == null) {
                throw new ReadException("git target '" + target + "': no file " + path + " on " + branch, true);
            }
            ObjectLoader loader = repository.open(tree.getObjectId(0));
            if (loader.getSize() > policy.maxFileBytes()) {
                throw new ReadException("git target '" + target + "' is larger than " + policy.maxFileBytes() + " bytes");
            }
            return loader.getBytes();
        }
    }
}
