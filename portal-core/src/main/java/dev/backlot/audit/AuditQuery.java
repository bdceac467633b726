package dev.backlot.audit;

import java.time.Instant;

/**
 * Which audit entries to list: every criterion that is not {@code null} must hold.
 *
 * <pre>
 * audit.find(new AuditQuery("admin", "location.", null, null, null, 100)); // admin's location changes
 * </pre>
 *
 * @param actor the caller's name, compared ignoring case
 * @param action an action or the start of one ({@code location.} matches every location change)
 * @param target text found in the target, ignoring case
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param limit the most entries, newest first (1 to 1000)
 */
public record AuditQuery(String actor, String action, String target, Instant from, Instant to, int limit) {

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        target = blankToNull(target);
        limit = Math.max(1, Math.min(limit, 1000));
    }

    /** Whether an entry meets every criterion. */
    public boolean matches(AuditEntry entry) {
        return (actor == null || actor.equalsIgnoreCase(entry.actor()))
                && (action == null || entry.action().toLowerCase(java.util.Locale.ROOT)
                        .startsWith(action.toLowerCase(java.util.Locale.ROOT)))
                && (target == null || entry.target() != null && entry.target().toLowerCase(java.util.Locale.ROOT)
                        .contains(target.toLowerCase(java.util.Locale.ROOT)))
                && (from == null || !entry.at().isBefore(from))
                && (to == null || entry.at().isBefore(to));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
