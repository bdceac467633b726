package dev.backlot.audit;

import java.util.List;

/** The portal's audit log, append-only. Each method runs in its own transaction. */
public interface AuditLog {

    /** Appends an entry; a failure to write is logged, never thrown at the caller's action. */
    void record(AuditEntry entry);

    /** The newest entries first, at most {@code limit} of them. */
    List<AuditEntry> recent(int limit);

    /**
     * The newest entries that match {@code query}, at most its limit. The default looks through the
     * newest thousand entries; the database's log asks the database.
     */
    default List<AuditEntry> find(AuditQuery query) {
        return recent(1000).stream().filter(query::matches).limit(query.limit()).toList();
    }
}
