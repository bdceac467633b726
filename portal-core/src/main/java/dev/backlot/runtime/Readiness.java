package dev.backlot.runtime;

import java.util.Map;

/**
 * Whether the portal can serve, and each check behind the answer.
 *
 * @param up true only when every check passed
 * @param checks check name to {@code UP} or a sentence saying what is wrong
 */
public record Readiness(boolean up, Map<String, String> checks) {
    public Readiness {
        checks = Map.copyOf(checks);
    }
}
