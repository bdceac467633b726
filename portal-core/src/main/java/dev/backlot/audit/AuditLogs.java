package dev.backlot.audit;

import dev.backlot.audit.internal.AuditEntryEntity;
import dev.backlot.audit.internal.JpaAuditLog;
import dev.backlot.audit.internal.LoggingAuditLog;
import dev.backlot.persistence.Database;
import java.util.List;

/** The audit feature's factory: the one place that wires its internals. */
public final class AuditLogs {

    private AuditLogs() {
    }

    /** The JPA classes the audit log stores, for {@link Database#open}. */
    public static List<Class<?>> persistentClasses() {
        return List.of(AuditEntryEntity.class);
    }

    /** The audit log in the portal's database. */
    public static AuditLog inDatabase(Database database) {
        return new JpaAuditLog(database);
    }

    /** The audit log when there is no database: entries reach the server log only, and none are listed. */
    public static AuditLog serverLogOnly() {
        return new LoggingAuditLog();
    }
}
