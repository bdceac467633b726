package dev.backlot.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What happens to an entity its source no longer emits (an orphan). It is first marked: the
 * annotation {@code backstage.io/orphan: "true"} is added and the time recorded, and it stays
 * readable. Under the strategy {@code keep} it stays marked until its source emits it again. Under
 * {@code delete} it is deleted once the grace period has passed, unless it was emitted again
 * meanwhile, which clears the mark ({@link CatalogStore#upsert} does); with a grace period of 0 it
 * is deleted at once, never marked.
 *
 * <p>Called on the catalog's worker thread, inside the caller's transaction.
 */
final class Orphans {

    static final String ANNOTATION = "backstage.io/orphan";

    private final boolean delete;
    private final long graceMs;

    Orphans(CatalogSettings settings) {
        this.delete = "delete".equals(settings.orphanStrategy());
        this.graceMs = settings.orphanGraceSeconds() * 1000;
    }

    /** Whether marked orphans are ever deleted, so that sweeps are worth scheduling. */
    boolean sweeps() {
        return delete && graceMs > 0;
    }

    /**
     * Handles the orphans a full run of a source found.
     *
     * @return the references whose stitched form may have changed
     */
    Set<String> handle(Connection c, List<CatalogStore.Stored> orphans, long now) throws SQLException {
        if (orphans.isEmpty()) {
            return Set.of();
        }
        if (delete && graceMs == 0) {
            return CatalogStore.delete(c, orphans);
        }
        List<CatalogStore.Stored> due = new ArrayList<>();
        List<CatalogStore.Stored> unmarked = new ArrayList<>();
        for (CatalogStore.Stored orphan : orphans) {
            if (orphan.orphanedAt() == null) {
                unmarked.add(orphan);
            } else if (delete && orphan.orphanedAt() + graceMs <= now) {
                due.add(orphan);
            }
        }
        Set<String> dirty = new HashSet<>(CatalogStore.delete(c, due));
        dirty.addAll(mark(c, unmarked, now));
        return dirty;
    }

    /**
     * Deletes the orphans whose grace period has passed at {@code now}, from every source.
     *
     * @return the references whose stitched form may have changed
     */
    Set<String> sweep(Connection c, long now) throws SQLException {
        return sweeps() ? CatalogStore.delete(c, CatalogStore.orphanedBefore(c, now - graceMs)) : Set.of();
    }

    /** When the next marked orphan becomes due (epoch ms), if any is waiting. */
    OptionalLong nextDue(Connection c) throws SQLException {
        if (!sweeps()) {
            return OptionalLong.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(orphaned_at) FROM catalog_entity");
                ResultSet rs = ps.executeQuery()) {
            long first = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(first + graceMs);
        }
    }

    /** Adds the annotation to the processed entity (the stitcher carries it into the served one). */
    private static Set<String> mark(Connection c, List<CatalogStore.Stored> orphans, long now) throws SQLException {
        Set<String> dirty = new HashSet<>();
        try (PreparedStatement read = c.prepareStatement("SELECT processed_json FROM catalog_entity WHERE uid = ?");
                PreparedStatement write = c.prepareStatement("UPDATE catalog_entity SET processed_json = ?,"
                        + " processed_hash = ?, orphaned_at = ? WHERE uid = ?")) {
            for (CatalogStore.Stored orphan : orphans) {
                read.setString(1, orphan.uid());
                String json;
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    json = rs.getString(1);
                }
                Map<String, Object> entity = Json.read(json);
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) entity.get("metadata");
                @SuppressWarnings("unchecked")
                Map<String, Object> annotations = metadata.get("annotations") instanceof Map<?, ?> m
                        ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
                annotations.put(ANNOTATION, "true");
                metadata.put("annotations", annotations);
                write.setString(1, Json.write(entity));
                // Never equal to a real hash: the next emission of the entity rewrites it, clearing the mark.
                write.setString(2, "orphan");
                write.setLong(3, now);
                write.setString(4, orphan.uid());
                write.addBatch();
                dirty.add(orphan.ref());
            }
            write.executeBatch();
        }
        return dirty;
    }
}
