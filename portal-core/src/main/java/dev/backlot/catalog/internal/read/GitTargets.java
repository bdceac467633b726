package dev.backlot.catalog.internal.read;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
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
        return withRepository(target, (repository, branch, path) -> file(repository, target, branch, path));
    }

    /**
     * Every file below a folder of the repository ({@code <clone url>.git/blob/<branch>/<folder>}, an
     * empty folder for the root), by path relative to it. Symbolic links are refused (they could point
     * anywhere once written out), submodules skipped; each file is capped at {@code maxFileBytes}.
     */
    Map<String, byte[]> readFolder(String target, int maxFiles, long maxTotalBytes) throws ReadException {
        String folderTarget = target.matches(".*\\.git/blob/[^/]+") ? target + "/." : target;
        return withRepository(folderTarget, (repository, branch, path) ->
                folder(repository, target, branch, path.equals(".") ? "" : path.replaceFirst("/+$", ""), maxFiles,
                        maxTotalBytes));
    }

    @FunctionalInterface
    private interface RepositoryWork<T> {
        T apply(Repository repository, String branch, String path) throws IOException, ReadException;
    }

    private <T> T withRepository(String target, RepositoryWork<T> work) throws ReadException {
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
        URI uri;
        try {
            uri = new URI(clone);
        } catch (URISyntaxException e) {
            throw new ReadException("git target '" + target + "' is not a valid URL: " + e.getMessage());
        }
        Matcher local = LOCAL_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (localRoot != null && uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))
                && local.matches() && uri.getRawUserInfo() == null) {
            Path dir = localRoot.resolve(local.group(1)).resolve(local.group(2)).normalize();
            if (!dir.startsWith(localRoot) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new ReadException("git target '" + target + "': no such repository on this portal", true);
            }
            try (Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build()) {
                return work.apply(repository, branch, path);
            } catch (IOException e) {
                throw new ReadException("git target '" + target + "' cannot be read: " + e.getMessage());
            }
        }
        if (!allowList.allows(uri)) {
            throw new ReadException("git target '" + target + "': host " + uri.getHost() + " is not in the allowed hosts"
                    + " (PORTAL_URL_ALLOW)");
        }
        try (InMemoryRepository repository = new InMemoryRepository(new DfsRepositoryDescription("catalog-read"));
                Transport transport = Transport.open(repository, new URIish(clone))) {
            transport.setTimeout((int) Math.max(1, policy.urlTimeout().toSeconds()));
            transport.fetch(NullProgressMonitor.INSTANCE,
                    List.of(new RefSpec("+refs/heads/" + branch + ":refs/heads/" + branch)));
            return work.apply(repository, branch, path);
        } catch (TransportException e) {
            throw new ReadException("git target '" + target + "' cannot be fetched: " + e.getMessage());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new ReadException("git target '" + target + "' cannot be read: " + e.getMessage());
        }
    }

    private Map<String, byte[]> folder(Repository repository, String target, String branch, String path, int maxFiles,
            long maxTotalBytes) throws IOException, ReadException {
        ObjectId head = repository.resolve("refs/heads/" + branch);
        if (head == null) {
            throw new ReadException("git target '" + target + "': no branch " + branch, true);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId tree = walk.parseCommit(head).getTree();
            if (!path.isEmpty()) {
                TreeWalk at = TreeWalk.forPath(repository, path, tree);
                if (at == null) {
                    throw new ReadException("git target '" + target + "': no folder " + path + " on " + branch, true);
                }
                if (at.getFileMode(0) != FileMode.TREE) {
                    throw new ReadException("git target '" + target + "': " + path + " is not a folder");
                }
                tree = at.getObjectId(0);
            }
            long total = 0;
            try (TreeWalk files = new TreeWalk(repository)) {
                files.addTree(tree);
                files.setRecursive(true);
                while (files.next()) {
                    FileMode mode = files.getFileMode(0);
                    if (mode == FileMode.SYMLINK) {
                        throw new ReadException("git target '" + target + "': " + files.getPathString()
                                + " is a symbolic link, which is refused");
                    }
                    if (mode == FileMode.GITLINK) {
                        continue; // a submodule: another repository, not read
                    }
                    if (out.size() >= maxFiles) {
                        throw new ReadException("git target '" + target + "' holds more than " + maxFiles + " files");
                    }
                    ObjectLoader loader = repository.open(files.getObjectId(0));
                    if (loader.getSize() > policy.maxFileBytes()) {
                        throw new ReadException("git target '" + target + "': " + files.getPathString() + " is larger"
                                + " than " + policy.maxFileBytes() + " bytes");
                    }
                    total += loader.getSize();
                    if (total > maxTotalBytes) {
                        throw new ReadException("git target '" + target + "' holds more than " + maxTotalBytes + " bytes");
                    }
                    out.put(files.getPathString(), loader.getBytes());
                }
            }
        }
        return out;
    }

    private byte[] file(Repository repository, String target, String branch, String path) throws IOException, ReadException {
        ObjectId head = repository.resolve("refs/heads/" + branch);
        if (head == null) {
            throw new ReadException("git target '" + target + "': no branch " + branch, true);
        }
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
