package dev.backlot.audit.internal;

import dev.backlot.audit.AuditEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code audit_log}. */
@Entity
@Table(name = "audit_log")
public class AuditEntryEntity {

    @Id
    private String id;
    @Column(name = "at_ms", nullable = false)
    private long atMs;
    @Column(nullable = false)
    private String actor;
    @Column(nullable = false)
    private String action;
    private String target;
    @Column(nullable = false)
    private String outcome;
    private String detail;

    protected AuditEntryEntity() {
    }

    static AuditEntryEntity of(AuditEntry entry) {
        AuditEntryEntity row = new AuditEntryEntity();
        row.id = UUID.randomUUID().toString();
        row.atMs = entry.at().toEpochMilli();
        row.actor = clip(entry.actor(), 255);
        row.action = clip(entry.action(), 64);
        row.target = clip(entry.target(), 512);
        row.outcome = clip(entry.outcome(), 16);
        row.detail = clip(entry.detail(), 4000);
        return row;
    }

    AuditEntry toRecord() {
        return new AuditEntry(Instant.ofEpochMilli(atMs), actor, action, target, outcome, detail);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
