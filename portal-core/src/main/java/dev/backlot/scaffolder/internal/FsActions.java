package dev.backlot.scaffolder.internal;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** {@code fs:rename} and {@code fs:delete}: inside the workspace only. */
final class FsActions {

    private FsActions() {
    }

    static BuiltinAction rename() {
        return new BuiltinAction("fs:rename", "Renames files and folders in the workspace",
                BuiltinAction.schema(List.of("files"), Map.of("files", Map.of("type", "array", "items",
                        BuiltinAction.schema(List.of("from", "to"), Map.of("from", BuiltinAction.type("string"),
                                "to", BuiltinAction.type("string"), "overwrite", BuiltinAction.type("boolean"))))))) {
            @Override
            void run(StepContext context) throws Exception {
                for (Object item : (List<?>) context.input().get("files")) {
                    Map<?, ?> file = (Map<?, ?>) item;
                    Path from = context.workspace().resolve(String.valueOf(file.get("from")));
                    Path to = context.workspace().resolve(String.valueOf(file.get("to")));
                    if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IllegalStateException("There is no " + file.get("from") + " to rename");
                    }
                    boolean overwrite = Boolean.TRUE.equals(file.get("overwrite"));
                    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
                        throw new IllegalStateException(file.get("to") + " exists already (set overwrite: true)");
                    }
                    Files.createDirectories(to.getParent());
                    if (overwrite) {
                        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.move(from, to);
                    }
                    context.log("Renamed " + file.get("from") + " to " + file.get("to"));
                }
            }
        };
    }

    static BuiltinAction delete() {
        return new BuiltinAction("fs:delete", "Deletes files and folders in the workspace (globs allowed)",
                BuiltinAction.schema(List.of("files"), Map.of("files", Map.of("type", "array", "items",
                        BuiltinAction.type("string"))))) {
            @Override
            void run(StepContext context) throws Exception {
                Workspace workspace = context.workspace();
                for (String pattern : BuiltinAction.strings(context.input(), "files")) {
                    if (pattern.contains("*") || pattern.contains("?") || pattern.contains("{")) {
                        workspace.resolve(pattern.replaceAll("[*?{}\\[\\],]", "x")); // same path rules for the glob
                        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
                        for (String file : workspace.files()) {
                            if (matcher.matches(Path.of(file))) {
                                Files.deleteIfExists(workspace.resolve(file));
                                context.log("Deleted " + file);
                            }
                        }
                    } else {
                        Path target = workspace.resolve(pattern);
                        if (target.equals(workspace.root())) {
                            throw new IllegalArgumentException("fs:delete cannot delete the whole workspace");
                        }
                        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                            Workspace.delete(target);
                        } else {
                            Files.deleteIfExists(target);
                        }
                        context.log("Deleted " + pattern);
                    }
                }
            }
        };
    }
}
