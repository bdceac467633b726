package dev.backlot.catalog;

import java.time.Instant;

/**
 * A {@link ProcessingError} with what a page needs to act on it: which registered location's read
 * reported it, and when.
 *
 * @param error the error
 * @param locationId the id of the registered location whose read reported it, or {@code null} when
 *     a provider plugin or another source did
 * @param at when the read that reported it ran
 */
public record ProcessingProblem(ProcessingError error, String locationId, Instant at) {

    /** Whether it is a conflict: a valid entity another location already provides (the first owner wins). */
    public boolean conflict() {
        return error.message() != null && error.message().startsWith("Conflict:");
    }
}
