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
import java.util.stream.Stream;

/**
 * {@code fetch:template}, {@code fetch:plain} and {@code fetch:plain:file}: copy a skeleton from the
 * template's folder into the workspace; {@code fetch:template} renders {@code ${{ values.x }}} in
 * contents and file names. Symbolic links in a skeleton are refused (they could point anywhere).
 */
final class FetchTemplateAction extends BuiltinAction {

    enum Mode { TEMPLATE, PLAIN, PLAIN_FILE }

    private final Mode mode;
    private final TemplateExpressions expressions;

    FetchTemplateAction(Mode mode, TemplateExpressions expressions) {
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
    }

    @Override
    void run(StepContext context) throws Exception {
        Map<String, Object> input = context.input();
        Path source = context.template().resolve(string(input, "url", "."));
        Workspace workspace = context.workspace();
        String targetPath = string(input, "targetPath", mode == Mode.PLAIN_FILE ? null : "./");
        if (targetPath == null) {
            throw new IllegalArgumentException("fetch:plain:file needs a targetPath");
        }
        Path target = workspace.resolve(targetPath.startsWith("./") ? targetPath.substring(2) : targetPath);
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
