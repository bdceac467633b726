package dev.backlot.audit.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.audit.AuditQuery;
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

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        StringBuilder jpql = new StringBuilder("select a from AuditEntryEntity a where 1 = 1");
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        if (query.actor() != null) {
            jpql.append(" and lower(a.actor) = :actor");
            params.put("actor", query.actor().toLowerCase(java.util.Locale.ROOT));
        }
        if (query.action() != null) {
            jpql.append(" and lower(a.action) like :action escape '!'");
            params.put("action", like(query.action()) + "%");
        }
        if (query.target() != null) {
            jpql.append(" and lower(a.target) like :target escape '!'");
            params.put("target", "%" + like(query.target()) + "%");
        }
        if (query.from() != null) {
            jpql.append(" and a.atMs >= :from");
            params.put("from", query.from().toEpochMilli());
        }
        if (query.to() != null) {
            jpql.append(" and a.atMs < :to");
            params.put("to", query.to().toEpochMilli());
        }
        jpql.append(" order by a.atMs desc, a.id");
        return database.transaction(em -> {
            var q = em.createQuery(jpql.toString(), AuditEntryEntity.class).setMaxResults(query.limit());
            params.forEach(q::setParameter);
            return q.getResultList().stream().map(AuditEntryEntity::toRecord).toList();
        });
    }

    private static String like(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
