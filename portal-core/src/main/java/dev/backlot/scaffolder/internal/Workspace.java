package dev.backlot.scaffolder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A task's working folder with a size limit, and the one place that turns a path from a template
 * into a file: relative, no {@code ..}, no drive letters or backslashes, no way out through a
 * symbolic link.
 */
public final class Workspace implements AutoCloseable {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private final Path root;
    private final long maxBytes;

    Workspace(Path root, long maxBytes) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        this.maxBytes = maxBytes;
    }

    public Path root() {
        return root;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Resolves a relative path from a template inside this workspace.
     *
     * @throws IllegalArgumentException for an absolute path, a drive letter, {@code ..}, a NUL, or a
     *     path that leads through a symbolic link
     */
    public Path resolve(String relative) {
        return resolveUnder(root, relative, "workspace");
    }

    /** The same rules for any folder (a template's own folder). */
    static Path resolveUnder(Path base, String relative, String what) {
        if (relative == null || relative.isEmpty() || relative.equals(".") || relative.equals("./")) {
            return base;
        }
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0 || relative.startsWith("/")
                || relative.startsWith("~") || DRIVE.matcher(relative).matches()) {
            throw new IllegalArgumentException("Path '" + printable(relative) + "' must be relative to the " + what
                    + " (no absolute paths, drive letters or backslashes)");
        }
        for (String segment : relative.split("/")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("Path '" + printable(relative) + "' may not contain '..'");
            }
        }
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base)) {
            throw new IllegalArgumentException("Path '" + printable(relative) + "' leaves the " + what);
        }
        for (Path p = resolved; p != null && !p.equals(base); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new IllegalArgumentException("Path '" + printable(relative) + "' leads through a symbolic link");
            }
        }
        return resolved;
    }

    static String printable(String s) {
        String shown = s.replaceAll("[\\p{Cntrl}]", "?");
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }

    /** Bytes used now. */
    public long size() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalStateException when the workspace holds more than its limit */
    public void checkSize() {
        long size = size();
        if (size > maxBytes) {
            throw new IllegalStateException("The workspace holds " + size + " bytes, more than its limit of "
                    + maxBytes + " bytes (PORTAL_SCAFFOLDER_MAX_WORKSPACE_BYTES)");
        }
    }

    /** Writes a file, refusing one that would take the workspace past its limit. */
    public void write(Path file, byte[] content, long usedBefore) throws IOException {
        if (usedBefore + content.length > maxBytes) {
            throw new IllegalStateException("Writing " + root.relativize(file) + " would take the workspace past its"
                    + " limit of " + maxBytes + " bytes (PORTAL_SCAFFOLDER_MAX_WORKSPACE_BYTES)");
        }
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** Every regular file, relative, sorted. */
    public List<String> files() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static byte[] readBounded(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (data.length > max) {
                throw new IllegalStateException(file.getFileName() + " is larger than the workspace limit");
            }
            return data;
        }
    }

    /** Removes the folder and everything in it (links are removed, never followed). */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() {
        try {
            delete(root);
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(Workspace.class.getName()).warning(
                    () -> "Could not remove the workspace " + root + ": " + e.getMessage());
        }
    }
}
