package dev.backlot.techdocs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The state of an entity's docs build and the log of the latest one.
 *
 * @param state where it stands
 * @param message one line for people, e.g. {@code built 12 pages in 84 ms} or the failure's reason
 * @param startedAt when the latest build started; {@code null} when never built
 * @param finishedAt when it finished; {@code null} while building or when never built
 * @param builtAt when the site now served was built; {@code null} when there is none
 * @param log the latest build's log lines (warnings included), oldest first, bounded
 */
public record BuildStatus(BuildState state, String message, Instant startedAt, Instant finishedAt, Instant builtAt,
        List<String> log) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public BuildStatus {
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
        log = log == null ? List.of() : List.copyOf(log);
    }

    /** Never built. */
    public static BuildStatus none() {
        return new BuildStatus(BuildState.NONE, "not built yet", null, null, null, List.of());
    }

    /** Whether a site can be served (from this build or an earlier one). */
    public boolean servable() {
        return builtAt != null;
    }
}
