package dev.backlot.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/catalog-client/check.mjs}: Backstage's published
 * {@code @backstage/catalog-client}, installed from the npm registry, against a running portal.
 */
final class NodeCheck {

    private static final Path SOURCE = Path.of("src", "test", "node", "catalog-client");

    private NodeCheck() {
    }

    static boolean available() {
        return run(List.of("node", "--version"), null, 30) == 0 && run(List.of("npm", "--version"), null, 60) == 0;
    }

    static JsonObject run(Path workDir, String baseUrl, String token) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        for (String file : List.of("package.json", "check.mjs")) {
            Files.copy(SOURCE.resolve(file), workDir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(workDir.resolve("node_modules/@backstage/catalog-client"))) {
            int installed = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), workDir, 300);
            if (installed != 0) {
                throw new AssertionError("npm install of @backstage/catalog-client failed; see " + workDir.resolve("npm.log"));
            }
        }
        Path output = workDir.resolve("check-output.json");
        Process node = new ProcessBuilder("node", "check.mjs", baseUrl, token).directory(workDir.toFile())
                .redirectOutput(output.toFile()).redirectError(workDir.resolve("check-error.log").toFile()).start();
        if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
            node.destroyForcibly();
            throw new AssertionError("check.mjs failed: " + Files.readString(workDir.resolve("check-error.log")));
        }
        try (var reader = Json.createReader(new StringReader(Files.readString(output)))) {
            return reader.readObject();
        }
    }

    private static int run(List<String> command, Path dir, int seconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir == null) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            } else {
                builder.directory(dir.toFile()).redirectOutput(dir.resolve("npm.log").toFile());
            }
            Process p = builder.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
