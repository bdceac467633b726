package dev.backlot.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditQuery;
import dev.backlot.persistence.Database;
import dev.backlot.security.internal.AccountEntity;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit page's filters, asked of the database: on H2 and on a real PostgreSQL. */
class JpaAuditLogFindTest {

    private static final List<Class<?>> ENTITIES = List.of(AuditEntryEntity.class, AccountEntity.class);
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void filtersByActorActionTargetAndTimeOnH2() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("portal"), null, null, ENTITIES)) {
            filtersByActorActionTargetAndTime(new JpaAuditLog(db));
        }
    }

    @Test
    void filtersByActorActionTargetAndTimeOnPostgresql() throws Exception {
        boolean answers;
        try (var c = DriverManager.getConnection(POSTGRES, "postgres", null)) {
            answers = c.isValid(2);
        } catch (java.sql.SQLException e) {
            answers = false;
        }
        assumeTrue(answers, "No PostgreSQL at 127.0.0.1:5432 (user postgres, database test): skipped");
        String schema = "backlot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = DriverManager.getConnection(POSTGRES, "postgres", null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try (Database db = Database.open(POSTGRES + "?currentSchema=" + schema, "postgres", null, ENTITIES)) {
            filtersByActorActionTargetAndTime(new JpaAuditLog(db));
        } finally {
            try (var c = DriverManager.getConnection(POSTGRES, "postgres", null)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void filtersByActorActionTargetAndTime(JpaAuditLog log) {
        // given
        log.record(new AuditEntry(DAY.plusSeconds(60), "admin", "location.register", "file:/srv/a_b%.yaml", "success", "id 1"));
        log.record(new AuditEntry(DAY.plusSeconds(120), "Admin", "location.remove", "file:/srv/a_b%.yaml", "success", "2 entities"));
        log.record(new AuditEntry(DAY.plusSeconds(86_400 * 2), "ci", "plugin.install", "com.example.x", "success", "1.0.0"));

        // then
        assertThat(log.find(new AuditQuery("ADMIN", null, null, null, null, 10))).extracting(AuditEntry::action)
                .containsExactly("location.remove", "location.register");
        assertThat(log.find(new AuditQuery(null, "location.", null, null, null, 10))).hasSize(2);
        assertThat(log.find(new AuditQuery(null, "location.re", null, null, null, 1))).extracting(AuditEntry::action)
                .containsExactly("location.remove");
        // LIKE's wildcards in the filter are text, not patterns
        assertThat(log.find(new AuditQuery(null, null, "a_b%", null, null, 10))).hasSize(2);
        assertThat(log.find(new AuditQuery(null, null, "a%b", null, null, 10))).isEmpty();
        assertThat(log.find(new AuditQuery(null, "plugin_", null, null, null, 10))).isEmpty();
        assertThat(log.find(new AuditQuery(null, null, null, DAY.plusSeconds(86_400), null, 10))).extracting(AuditEntry::actor)
                .containsExactly("ci");
        assertThat(log.find(new AuditQuery(null, null, null, null, DAY.plusSeconds(90), 10))).extracting(AuditEntry::action)
                .containsExactly("location.register");
    }
}
