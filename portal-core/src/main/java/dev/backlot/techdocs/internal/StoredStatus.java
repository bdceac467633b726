package dev.backlot.techdocs.internal;

import dev.backlot.techdocs.BuildState;
import dev.backlot.techdocs.BuildStatus;
import java.time.Instant;
import java.util.List;

/**
 * An entity's build status as kept in its {@code status.json}.
 *
 * @param state the state
 * @param message one line for people
 * @param startedMillis when the latest build started, 0 when never
 * @param finishedMillis when it finished, 0 when not (yet)
 * @param builtMillis when the served site was built, 0 when there is none
 * @param log the latest build's log
 * @param hash the content hash of the docs folder at the latest successful build
 */
record StoredStatus(BuildState state, String message, long startedMillis, long finishedMillis, long builtMillis,
        List<String> log, String hash) {

    BuildStatus toStatus() {
        return new BuildStatus(state, message, instant(startedMillis), instant(finishedMillis), instant(builtMillis), log);
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
