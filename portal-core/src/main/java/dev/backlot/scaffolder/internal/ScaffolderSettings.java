package dev.backlot.scaffolder.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scaffolder's settings, from {@code PORTAL_SCAFFOLDER_*} environment variables (or the
 * {@code portal.scaffolder.*} system properties).
 *
 * @param workers tasks run at once ({@code PORTAL_SCAFFOLDER_WORKERS}, 3); more wait in line
 * @param maxWorkspaceBytes the most a task's workspace may hold ({@code PORTAL_SCAFFOLDER_MAX_WORKSPACE_BYTES}, 100 MiB)
 * @param stepTimeout the longest one step may run ({@code PORTAL_SCAFFOLDER_STEP_TIMEOUT_SECONDS}, 900)
 * @param dataDir the portal's data folder: workspaces in {@code scaffolder/workspaces}, the secrets key
 *     in {@code scaffolder/secrets.key}
 */
public record ScaffolderSettings(int workers, long maxWorkspaceBytes, Duration stepTimeout, Path dataDir,
        Map<String, String> actionSettings) {

    public ScaffolderSettings(int workers, long maxWorkspaceBytes, Duration stepTimeout, Path dataDir) {
        this(workers, maxWorkspaceBytes, stepTimeout, dataDir, Map.of("git.local.root",
                dataDir.resolve("git").toAbsolutePath().toString(), "git.local.url", "http://127.0.0.1:8080/git"));
    }

    public ScaffolderSettings {
        actionSettings = Map.copyOf(actionSettings);
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("PORTAL_SCAFFOLDER_WORKERS must be 1-64, was " + workers);
        }
        if (maxWorkspaceBytes < 1024) {
            throw new IllegalArgumentException("PORTAL_SCAFFOLDER_MAX_WORKSPACE_BYTES must be at least 1024, was "
                    + maxWorkspaceBytes);
        }
    }

    /**
     * @param localGitUrl the clone URL base of the portal's own git server ({@code PORTAL_GIT_PUBLIC_URL}
     *     overrides it, for a portal behind a proxy)
     */
    public static ScaffolderSettings from(Path dataDir, String localGitUrl, Function<String, Optional<String>> env) {
        Map<String, String> actions = new TreeMap<>();
        actions.put("git.local.root", dataDir.resolve("git").toAbsolutePath().normalize().toString());
        actions.put("git.local.url", env.apply("PORTAL_GIT_PUBLIC_URL").orElse(localGitUrl).replaceAll("/+$", ""));
        System.getenv().forEach((name, value) -> {
            Matcher m = GIT_REMOTE.matcher(name);
            if (m.matches() && !value.isBlank()) {
                String host = m.group(1).toLowerCase(Locale.ROOT).replace('_', '.');
                actions.put("git." + host + "." + m.group(2).toLowerCase(Locale.ROOT), value.trim());
            }
        });
        return new ScaffolderSettings(
                Integer.parseInt(env.apply("PORTAL_SCAFFOLDER_WORKERS").orElse("3").trim()),
                Long.parseLong(env.apply("PORTAL_SCAFFOLDER_MAX_WORKSPACE_BYTES").orElse("104857600").trim()),
                Duration.ofSeconds(Long.parseLong(env.apply("PORTAL_SCAFFOLDER_STEP_TIMEOUT_SECONDS").orElse("900").trim())),
                dataDir, actions);
    }

    private static final Pattern GIT_REMOTE = Pattern.compile("PORTAL_GIT_([A-Z0-9_]+)_(URL|USERNAME|TOKEN)");

    /** Environment first, then the matching system property ({@code portal.scaffolder.workers}). */
    public static Optional<String> environment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    Path workspaces() {
        return dataDir.resolve("scaffolder").resolve("workspaces");
    }
}
