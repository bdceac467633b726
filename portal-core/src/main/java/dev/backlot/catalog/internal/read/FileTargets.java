package dev.backlot.catalog.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Confines {@code file} targets to the policy's roots and reads them. A target is allowed only when both
 * its normalised absolute path and its real path (symbolic links resolved) lie inside a root, and
 * neither lies in the portal's own state (the data folder outside its catalog openings).
 */
final class FileTargets {

    private final ReadPolicy policy;
    private final List<Path> roots = new ArrayList<>();
    private final List<Path> realRoots = new ArrayList<>();
    private final List<Path> state = new ArrayList<>();
    private final List<Path> openings = new ArrayList<>();

    FileTargets(ReadPolicy policy) {
        this.policy = policy;
        for (Path root : policy.fileRoots()) {
            Path normal = root.toAbsolutePath().normalize();
            roots.add(normal);
            try {
                realRoots.add(normal.toRealPath());
            } catch (IOException e) {
                // A root that does not exist yet can hold nothing real; keep it for the lexical check only.
            }
        }
        if (policy.stateFolder() != null) {
            addWithReal(policy.stateFolder(), state);
            policy.stateOpenings().forEach(p -> addWithReal(p, openings));
        }
    }

    private static void addWithReal(Path path, List<Path> into) {
        into.add(path);
        try {
            into.add(path.toRealPath());
        } catch (IOException e) {
            // not there (yet): the lexical form is all there is to compare
        }
    }

    /**
     * The real path of an allowed, existing target (file or directory).
     *
     * @throws ReadException when the target lies outside the roots, before or after resolving links, or is missing
     */
    Path check(String target) throws ReadException {
        Path path;
        try {
            path = Path.of(target).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ReadException("file target '" + target + "' is not a valid path");
        }
        if (isState(path)) {
            throw new ReadException("file target '" + target + "' is inside the portal's own data folder, which is"
                    + " never a catalog source (only its sample-catalog and discovery folders are)");
        }
        if (!inside(path, roots) && !inside(path, realRoots)) {
            throw new ReadException("file target '" + target + "' is outside the allowed file roots " + roots);
        }
        if (!Files.exists(path)) {
            throw new ReadException("file " + path + " does not exist", true);
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new ReadException("file " + path + " cannot be resolved: " + e.getMessage());
        }
        if (isState(real)) {
            throw new ReadException("file target '" + target + "' leads through a symbolic link into the portal's own"
                    + " data folder, which is never a catalog source");
        }
        if (!inside(real, realRoots)) {
            throw new ReadException("file target '" + target + "' leads through a symbolic link outside the allowed file roots " + roots);
        }
        return real;
    }

    /** True when a real path lies inside the real roots, for paths met while walking a directory. */
    boolean allows(Path real) {
        return inside(real, realRoots) && !isState(real);
    }

    /**
     * For a directory met while walking: whether to walk into it. Allowed directories, and the
     * portal's state folders that lead to a catalog opening (the data folder itself, when a walk
     * starts above it) are walked; the files inside are still checked one by one.
     */
    boolean walks(Path realDir) {
        return allows(realDir) || inside(realDir, realRoots) && openings.stream().anyMatch(o -> o.startsWith(realDir));
    }

    /** Whether a real path is the portal's own state, skipped without a word by directory walks. */
    boolean isPortalState(Path real) {
        return isState(real);
    }

    /** Whether a path is the portal's own state: inside the data folder and outside its catalog openings. */
    private boolean isState(Path path) {
        return inside(path, state) && !inside(path, openings);
    }

    /** Reads a real path returned by {@link #check}, refusing it unread when over {@code maxFileBytes}. */
    byte[] read(Path real) throws ReadException {
        try {
            if (!Files.isRegularFile(real)) {
                throw new ReadException("file " + real + " is not a regular file");
            }
            if (Files.size(real) > policy.maxFileBytes()) {
                throw new ReadException(tooLarge(real));
            }
            // NOFOLLOW_LINKS: check() resolved every link, so a link appearing here since then is a swap.
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, policy.maxFileBytes() + 1));
                if (content.length > policy.maxFileBytes()) {
                    throw new ReadException(tooLarge(real));
                }
                return content;
            }
        } catch (IOException e) {
            throw new ReadException("file " + real + " cannot be read: " + e.getMessage());
        }
    }

    private String tooLarge(Path real) {
        return "file " + real + " is over the limit of maxFileBytes=" + policy.maxFileBytes();
    }

    private static boolean inside(Path path, List<Path> candidates) {
        return candidates.stream().anyMatch(path::startsWith);
    }
}
