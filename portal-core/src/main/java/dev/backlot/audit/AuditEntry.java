package dev.backlot.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who did what to which target, and how it ended.
 *
 * @param at when
 * @param actor the caller's name, or {@code system} for the portal itself
 * @param action e.g. {@code plugin.install}
 * @param target e.g. a bundle's symbolic name
 * @param outcome {@link #SUCCESS}, {@link #FAILURE}, or {@link #REFUSED} for a request refused before anything changed
 * @param detail a human-readable detail, such as the reason of a failure
 */
public record AuditEntry(Instant at, String actor, String action, String target, String outcome, String detail) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String REFUSED = "refused";

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
