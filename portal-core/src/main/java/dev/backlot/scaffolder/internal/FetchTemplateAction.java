package dev.backlot.scaffolder.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import dev.backlot.catalog.LocationReader;

/**
 * {@code fetch:template}, {@code fetch:plain} and {@code fetch:plain:file}: copy a skeleton into the
 * workspace; {@code fetch:template} renders {@code ${{ values.x }}} in contents and file names.
 * Symbolic links in a skeleton are refused (they could point anywhere).
 *
 * <p>Where the skeleton is ({@link TemplateSource#remote}): beside a template read from a file, in its
 * folder; beside one read from a {@code url} or {@code git} location, or at an absolute http(s) url,
 * read through the catalog's {@link LocationReader} (its allow-list and size limits). A folder is
 * read from a git repository only (a web server cannot list one); it is written to a scratch folder
 * beside the workspace, bounded like the workspace, and copied from there like a local skeleton.
 */
final class FetchTemplateAction extends BuiltinAction {

    enum Mode { TEMPLATE, PLAIN, PLAIN_FILE }

    /** The most files a remote skeleton folder may hold. */
    static final int MAX_REMOTE_FILES = 10_000;

    private final Mode mode;
    private final TemplateExpressions expressions;
    private final LocationReader reader;

    FetchTemplateAction(Mode mode, TemplateExpressions expressions, LocationReader reader) {
        super(switch (mode) {
            case TEMPLATE -> "fetch:template";
            case PLAIN -> "fetch:plain";
            case PLAIN_FILE -> "fetch:plain:file";
        }, switch (mode) {
            case TEMPLATE -> "Copies a skeleton from the template's folder, rendering ${{ values.x }} in contents and names";
            case PLAIN -> "Copies a folder from the template's folder as it is";
            case PLAIN_FILE -> "Copies one file from the template's folder as it is";
        }, schema(List.of("url"), mode == Mode.TEMPLATE ? Map.of(
                "url", type("string"), "targetPath", type("string"), "values", type("object"),
                "copyWithoutRender", Map.of("type", "array", "items", type("string")),
                "copyWithoutTemplating", Map.of("type", "array", "items", type("string")),
                "cookiecutterCompat", type("boolean"),
                "replace", type("boolean"),
                "templateFileExtension", Map.of("type", List.of("string", "boolean")))
                : Map.of("url", type("string"), "targetPath", type("string"))));
        this.mode = mode;
        this.expressions = expressions;
        this.reader = reader;
    }

    @Override
    void run(StepContext context) throws Exception {
        Map<String, Object> input = context.input();
        String url = string(input, "url", ".");
        Optional<String> remote = context.template().remote(url);
        Workspace workspace = context.workspace();
        String targetPath = string(input, "targetPath", mode == Mode.PLAIN_FILE ? null : "./");
        if (targetPath == null) {
            throw new IllegalArgumentException("fetch:plain:file needs a targetPath");
        }
        Path target = workspace.resolve(targetPath.startsWith("./") ? targetPath.substring(2) : targetPath);
        if (remote.isPresent()) {
            fetchRemote(context, remote.get(), target, targetPath);
            return;
        }
        copy(context, context.template().resolve(url), target, targetPath);
    }

    private void fetchRemote(StepContext context, String location, Path target, String targetPath) throws Exception {
        Workspace workspace = context.workspace();
        if (mode == Mode.PLAIN_FILE) {
            byte[] content = read(() -> reader.read(location), location);
            write(workspace, target, content, context);
            context.log("Fetched 1 file from " + location);
            return;
        }
        Map<String, byte[]> files = read(() -> reader.readFolder(location, MAX_REMOTE_FILES, workspace.maxBytes()),
                location);
        Path scratch = workspace.root().resolveSibling(workspace.root().getFileName() + "-fetch-" + UUID.randomUUID());
        try (Workspace fetched = new Workspace(scratch, workspace.maxBytes())) {
            long used = 0;
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                fetched.write(fetched.resolve(file.getKey()), file.getValue(), used);
                used += file.getValue().length;
            }
            context.log("Read " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " from " + location);
            copy(context, fetched.root(), target, targetPath);
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T get() throws IOException;
    }

    /** A refused or failed read fails the step with the reader's reason. */
    private <T> T read(Read<T> read, String location) {
        try {
            return read.get();
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalStateException(id() + " cannot read " + location + ": " + why
                    + (why.contains("allow") ? " (hosts are allowed with PORTAL_URL_ALLOW, as for catalog locations)" : ""));
        }
    }

    private void copy(StepContext context, Path source, Path target, String targetPath) throws Exception {
        Map<String, Object> input = context.input();
        Workspace workspace = context.workspace();
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("The skeleton " + string(input, "url", ".") + " does not exist in the template's folder");
        }
        if (mode == Mode.PLAIN_FILE) {
            refuseLink(source, source.getParent());
            write(workspace, target, Workspace.readBounded(source, workspace.maxBytes()), context);
            context.log("Fetched 1 file");
            return;
        }
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("The skeleton " + string(input, "url", ".") + " is not a folder");
        }
        boolean replace = bool(input, "replace");
        List<PathMatcher> verbatim = new ArrayList<>();
        for (String glob : strings(input, "copyWithoutTemplating")) {
            verbatim.add(FileSystems.getDefault().getPathMatcher("glob:" + strip(glob)));
        }
        for (String glob : strings(input, "copyWithoutRender")) {
            verbatim.add(FileSystems.getDefault().getPathMatcher("glob:" + strip(glob)));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (input.get("values") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
        }
        Map<String, Object> renderContext = new LinkedHashMap<>();
        renderContext.put("values", values);
        if (bool(input, "cookiecutterCompat")) {
            renderContext.put("cookiecutter", values);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.forEach(files::add);
        }
        int count = 0;
        long used = workspace.size();
        for (Path file : files) {
            if (context.isCancelled()) {
                throw new InterruptedException("cancelled");
            }
            refuseLink(file, source);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String relative = source.relativize(file).toString().replace('\\', '/');
            boolean render = mode == Mode.TEMPLATE && verbatim.stream().noneMatch(m -> m.matches(Path.of(relative)));
            String name = mode == Mode.TEMPLATE ? renderName(relative, renderContext) : relative;
            if (name.isBlank()) {
                continue; // a conditional file name that rendered to nothing: the file is left out
            }
            Path destination = Workspace.resolveUnder(target, name, "workspace");
            if (Files.exists(destination) && !replace && mode == Mode.TEMPLATE) {
                context.log("Kept the existing " + name + " (replace is not set)");
                continue;
            }
            byte[] content = Workspace.readBounded(file, workspace.maxBytes());
            if (render) {
                String text = utf8(content);
                if (text != null) {
                    content = expressions.render(text, renderContext).getBytes(StandardCharsets.UTF_8);
                }
            }
            write(workspace, destination, content, used);
            used += content.length;
            count++;
        }
        context.log("Fetched " + count + " file" + (count == 1 ? "" : "s") + " into "
                + (targetPath.equals("./") ? "the workspace" : targetPath));
    }

    private String renderName(String relative, Map<String, Object> renderContext) {
        List<String> parts = new ArrayList<>();
        for (String part : relative.split("/")) {
            String rendered = expressions.render(part, renderContext);
            if (rendered.contains("/") || rendered.contains("\\") || rendered.equals("..")) {
                throw new IllegalArgumentException("The file name '" + Workspace.printable(part) + "' renders to '"
                        + Workspace.printable(rendered) + "', which is not a plain name");
            }
            if (rendered.isBlank()) {
                return "";
            }
            parts.add(rendered);
        }
        return String.join("/", parts);
    }

    private static void write(Workspace workspace, Path destination, byte[] content, StepContext context)
            throws IOException {
        workspace.write(destination, content, workspace.size());
    }

    private static void write(Workspace workspace, Path destination, byte[] content, long used) throws IOException {
        workspace.write(destination, content, used);
    }

    private static void refuseLink(Path file, Path base) {
        if (Files.isSymbolicLink(file)) {
            throw new IllegalArgumentException("The skeleton contains a symbolic link, which is refused: "
                    + base.relativize(file));
        }
    }

    private static String strip(String glob) {
        return glob.startsWith("./") ? glob.substring(2) : glob;
    }

    /** The text of a UTF-8 file, or null for a binary one (copied as it is). */
    private static String utf8(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8000); i++) {
            if (content[i] == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
