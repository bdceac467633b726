package dev.backlot.techdocs.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of one docs folder, read once per build within the limits, and their content hash.
 * Hidden files and folders ({@code .git}, {@code .github}) are skipped; symbolic links are skipped
 * with a warning, so nothing is read from outside the folder through one.
 *
 * @param files relative path ({@code /} separators) to content, sorted by path
 * @param hash SHA-256 over every path and content, hex
 */
record DocsFolder(Map<String, byte[]> files, String hash) {

    /** Thrown when the folder cannot be read or breaks a limit; the build fails with the message. */
    static class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /** Thrown when the folder breaks a limit; the build fails with the message. */
    static final class TooLarge extends Unreadable {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    static DocsFolder read(Path root, Limits limits, BuildLog log) throws IOException, TooLarge {
        Map<String, byte[]> files = new TreeMap<>();
        long[] total = {0};
        TooLarge[] problem = {null};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    String name = dir.getFileName().toString();
                    if (name.startsWith(".") || name.equals("node_modules") || root.relativize(dir).getNameCount() > limits.maxDepth()) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (file.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink() || Files.isSymbolicLink(file)) {
                    log.warn(rel + ": symbolic link skipped (docs are read from the docs folder only)");
                    return FileVisitResult.CONTINUE;
                }
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    return FileVisitResult.CONTINUE;
                }
                if (files.size() >= limits.maxFiles()) {
                    problem[0] = new TooLarge("the docs folder has more than " + limits.maxFiles() + " files");
                    return FileVisitResult.TERMINATE;
                }
                if (attrs.size() > limits.maxFileBytes()) {
                    problem[0] = new TooLarge(rel + " is " + attrs.size() + " bytes; the limit for one file is "
                            + limits.maxFileBytes());
                    return FileVisitResult.TERMINATE;
                }
                total[0] += attrs.size();
                if (total[0] > limits.maxTotalBytes()) {
                    problem[0] = new TooLarge("the docs folder holds more than " + limits.maxTotalBytes() + " bytes");
                    return FileVisitResult.TERMINATE;
                }
                files.put(rel, Files.readAllBytes(file));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                log.warn(root.relativize(file) + ": cannot be read");
                return FileVisitResult.CONTINUE;
            }
        });
        if (problem[0] != null) {
            throw problem[0];
        }
        return new DocsFolder(files, hash(files));
    }

    static String hash(Map<String, byte[]> files) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Long.toString(e.getValue().length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            digest.update(e.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String hash(List<String> parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String hash(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
