package dev.backlot.audit.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import java.util.List;
import java.util.logging.Logger;

/** The audit log when there is no database: entries go to the server log only. */
public final class LoggingAuditLog implements AuditLog {

    private static final Logger LOG = Logger.getLogger(LoggingAuditLog.class.getName());

    @Override
    public void record(AuditEntry entry) {
        LOG.info(() -> "audit (not persisted): " + entry);
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return List.of();
    }
}
