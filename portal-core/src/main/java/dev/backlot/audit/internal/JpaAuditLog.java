package dev.backlot.audit.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.persistence.Database;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The audit log in the {@code audit_log} table. */
public final class JpaAuditLog implements AuditLog {

    private static final Logger LOG = Logger.getLogger(JpaAuditLog.class.getName());
    private final Database database;

    public JpaAuditLog(Database database) {
        this.database = database;
    }

    @Override
    public void record(AuditEntry entry) {
        try {
            database.run(em -> em.persist(AuditEntryEntity.of(entry)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write audit entry " + entry.action() + " " + entry.target(), e);
        }
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return database.transaction(em -> em
                .createQuery("select a from AuditEntryEntity a order by a.atMs desc, a.id", AuditEntryEntity.class)
                .setMaxResults(Math.max(1, Math.min(limit, 1000)))
                .getResultList().stream().map(AuditEntryEntity::toRecord).toList());
    }
}
