package dev.backlot.catalog.internal.read;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds every {@code catalog-info.yaml} below a directory location, the way a {@code file} location naming
 * a directory is read. Hidden directories ({@code .git}) are skipped; symbolic links are followed only
 * while they stay inside the roots; at most {@link ReadPolicy#maxFilesPerLocation()} files are returned.
 */
final class CatalogFileWalk {

    static final String FILE_NAME = "catalog-info.yaml";

    /** The files found, sorted, and what was skipped and why. */
    record Result(List<Path> files, List<String> errors) {}

    private CatalogFileWalk() {}

    static Result walk(Path realDir, FileTargets targets, int maxFiles) {
        List<Path> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            Files.walkFileTree(realDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(realDir) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path real = dir.toRealPath();
                    if (!targets.walks(real)) {
                        if (!targets.isPortalState(real)) {
                            errors.add("directory " + dir + " links outside the allowed file roots; skipped");
                        }
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isRegularFile() || !FILE_NAME.equals(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path real = file.toRealPath();
                    if (!targets.allows(real)) {
                        if (!targets.isPortalState(real)) {
                            errors.add("file " + file + " links outside the allowed file roots; skipped");
                        }
                        return FileVisitResult.CONTINUE;
                    }
                    if (files.size() >= maxFiles) {
                        errors.add("directory " + realDir + " holds more than maxFilesPerLocation=" + maxFiles
                                + " " + FILE_NAME + " files; the rest were not read");
                        return FileVisitResult.TERMINATE;
                    }
                    files.add(real);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A link loop inside the roots is harmless: that tree is walked once through its real path.
                    if (!(e instanceof FileSystemLoopException)) {
                        errors.add("cannot read " + file + ": " + e.getMessage());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add("cannot walk directory " + realDir + ": " + e.getMessage());
        }
        files.sort(null);
        return new Result(files, errors);
    }
}
