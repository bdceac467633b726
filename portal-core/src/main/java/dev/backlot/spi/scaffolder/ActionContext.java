package dev.backlot.spi.scaffolder;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a running {@link ScaffolderAction} gets from the portal. Implemented by the portal; new
 * capabilities arrive as new methods with defaults.
 */
@ProviderType
public interface ActionContext {

    /** The step's {@code input}, templating already applied and validated: JSON-like values. */
    Map<String, Object> input();

    /** Appends a line to the task's log, visible to the user. Never pass a secret. */
    void log(String line);

    /** Sets an output of the step, readable by later steps as {@code steps.<id>.output.<name>}. */
    void output(String name, Object value);

    /**
     * The task's own working folder: files the template fetched and the actions write. Stay inside
     * it: resolve every relative path with {@link #resolveInWorkspace}. Removed when the task ends.
     *
     * @since 0.2.0
     */
    default Path workspacePath() {
        throw new UnsupportedOperationException("no workspace in this context");
    }

    /**
     * Resolves a relative path inside the workspace, refusing {@code ..}, absolute paths, drive
     * letters and symbolic links that lead out.
     *
     * @throws IllegalArgumentException for a path that would leave the workspace
     * @since 0.2.0
     */
    default Path resolveInWorkspace(String relative) {
        throw new UnsupportedOperationException("no workspace in this context");
    }

    /**
     * Whether the user cancelled the task. A long action checks it and returns early; a blocked
     * one is also interrupted.
     *
     * @since 0.2.0
     */
    default boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    /** The task id, for log correlation. @since 0.2.0 */
    default String taskId() {
        return "";
    }

    /** Whether this is a dry-run: do not change anything outside the workspace. @since 0.2.0 */
    default boolean isDryRun() {
        return false;
    }

    /**
     * The task's secrets ({@code secrets.x} in templates), e.g. a token for a remote. Never log them.
     *
     * @since 0.2.0
     */
    default Map<String, String> secrets() {
        return Map.of();
    }

    /**
     * Portal settings an action may read, like Backstage's {@code integrations} configuration:
     * <ul>
     * <li>{@code git.local.root}: the folder of the portal's own bare repositories
     *     ({@code <owner>/<repo>.git}), served read-only over smart HTTP at {@code git.local.url};</li>
     * <li>{@code git.local.url}: their clone URL base, e.g. {@code http://127.0.0.1:8080/git};</li>
     * <li>{@code git.<host>.url}, {@code git.<host>.username}, {@code git.<host>.token}: a remote for
     *     another host, from {@code PORTAL_GIT_<HOST>_URL} / {@code _USERNAME} / {@code _TOKEN}
     *     (host upper-cased, dots and dashes as underscores). Never log the token.</li>
     * </ul>
     *
     * @since 0.2.0
     */
    default Map<String, String> settings() {
        return Map.of();
    }

    /** The signed-in user's entity ref, e.g. {@code user:default/alice}, or empty. @since 0.2.0 */
    default String userRef() {
        return "";
    }
}
