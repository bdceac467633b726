package dev.backlot.discovery;

import dev.backlot.model.Entity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The file walk and the Location entities it produces. */
final class Discovery {

    static final String FILE_NAME = "catalog-info.yaml";
    static final int MAX_DEPTH = 8;
    static final int MAX_FILES = 50_000;
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist");

    private Discovery() {
    }

    /** Absolute paths of every catalog-info.yaml below the roots, sorted; hidden and build folders skipped. */
    static List<String> find(List<Path> roots) {
        List<String> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try {
                Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name));
                        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && file.getFileName().toString().equals(FILE_NAME)) {
                            found.add(file.toAbsolutePath().normalize().toString());
                        }
                        return found.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // an unreadable root finds nothing this time; the next scan tries again
            }
        }
        return found.stream().distinct().sorted().toList();
    }

    /** A Location entity pointing at one discovered file, named after a hash of its path. */
    static Entity locationEntity(String file) {
        return new Entity("backstage.io/v1alpha1", "Location",
                Map.of("name", "discovered-" + hash(file), "annotations", Map.of("backlot.dev/discovered-file", file)),
                Map.of("type", "file", "target", file), List.of());
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
