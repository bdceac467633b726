package dev.backlot.web.api;

import dev.backlot.catalog.LocationStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code status} field of {@code GET /api/catalog/locations/{id}}: what the catalog is doing
 * with the location. Backstage has no such field; its clients ignore it.
 *
 * <pre>{@code
 * "status": {
 *   "phase": "stitching",            // idle, queued, reading, processing, storing, stitching, indexing
 *   "startedAt": "2026-12-02T10:00:00Z",             // while not idle
 *   "files": {"read": 501, "unchanged": 0},
 *   "entities": {"read": 50001, "processed": 50001, "toStitch": 50001, "stitched": 12000},
 *   "lastRun": {"startedAt": "...", "finishedAt": "...", "files": 501, "filesUnchanged": 500,
 *               "entities": 101, "stitched": 3, "errors": 0, "failure": "..."}   // failure only when it failed
 * }
 * }</pre>
 *
 * While a large location loads, lists and lookups show its entities as they are stitched, and
 * filters and facets find them once the {@code indexing} phase is over.
 */
final class LocationStatusJson {

    private LocationStatusJson() {
    }

    /**
     * @param text how a message looks to the caller: server paths and url secrets for admins only
     *     (see {@link dev.backlot.catalog.SourceNames#text})
     */
    static Map<String, Object> of(LocationStatus status, java.util.function.UnaryOperator<String> text) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", status.phase().name().toLowerCase(Locale.ROOT));
        status.startedAt().ifPresent(at -> out.put("startedAt", at.toString()));
        if (status.phase().busy()) {
            out.put("files", ApiJson.ordered("read", status.filesRead(), "unchanged", status.filesUnchanged()));
            Map<String, Object> entities = new LinkedHashMap<>();
            entities.put("read", status.entitiesRead());
            entities.put("processed", status.entitiesProcessed());
            entities.put("toStitch", status.entitiesToStitch());
            entities.put("stitched", status.entitiesStitched());
            out.put("entities", entities);
        }
        status.lastRun().ifPresent(run -> {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("startedAt", text(run.startedAt()));
            last.put("finishedAt", text(run.finishedAt()));
            last.put("files", run.files());
            last.put("filesUnchanged", run.filesUnchanged());
            last.put("entities", run.entities());
            last.put("stitched", run.stitched());
            last.put("errors", run.errors());
            run.failure().ifPresent(f -> last.put("failure", text.apply(f)));
            out.put("lastRun", last);
        });
        return out;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
