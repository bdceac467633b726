package dev.backlot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.internal.AuditEntryEntity;
import dev.backlot.audit.internal.JpaAuditLog;
import dev.backlot.security.internal.AccountEntity;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations and a JPA round trip on the embedded H2 file database and on a real PostgreSQL. */
class DatabaseTest {

    static final List<Class<?>> ENTITIES = List.of(AuditEntryEntity.class, AccountEntity.class);
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;

    @Test
    void h2FileDatabaseMigratesAndKeepsWhatWasWritten() {
        String url = "jdbc:h2:file:" + dir.resolve("portal");
        try (Database db = Database.open(url, null, null, ENTITIES)) {
            assertThat(db.product()).isEqualTo("H2");
            assertThat(db.schemaVersion()).isEqualTo(newestMigration());
            new JpaAuditLog(db).record(entry("h2-round-trip"));
        }
        // Reopening runs no migration twice and finds the row.
        try (Database db = Database.open(url, null, null, ENTITIES)) {
            assertThat(new JpaAuditLog(db).recent(10)).extracting(AuditEntry::target).contains("h2-round-trip");
        }
    }

    /** The version of the newest migration shipped (V<n>__...sql), so that adding one needs no edit here. */
    private static String newestMigration() {
        return newestMigration("src/main/resources/db/migration");
    }

    private static String newestMigration(String folder) {
        try (var files = java.nio.file.Files.list(Path.of(folder))) {
            return String.valueOf(files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void postgresqlMigratesAndRoundTrips() throws Exception {
        assumeTrue(postgresAnswers(), "No PostgreSQL at 127.0.0.1:5432 (user postgres, database test): skipped");
        String schema = "backlot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = DriverManager.getConnection(POSTGRES, "postgres", null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try (Database db = Database.open(POSTGRES + "?currentSchema=" + schema, "postgres", null, ENTITIES)) {
            assertThat(db.product()).isEqualTo("PostgreSQL");
            // The PostgreSQL-only migrations run there too: planner statistics on the search table.
            assertThat(db.schemaVersion()).isEqualTo(String.valueOf(Math.max(Integer.parseInt(newestMigration()),
                    Integer.parseInt(newestMigration("src/main/resources/db/vendor/postgresql")))));
            int statistics = db.jdbc(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM pg_statistic_ext s JOIN"
                        + " pg_namespace n ON n.oid = s.stxnamespace WHERE s.stxname = 'catalog_search_key_value_stats'"
                        + " AND n.nspname = '" + schema + "'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(statistics).isEqualTo(1);
            // Every connection plans with the actual values (see Database.open).
            String planCache = db.jdbc(c -> {
                try (var rs = c.createStatement().executeQuery("SHOW plan_cache_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(planCache).isEqualTo("force_custom_plan");
            String target = "pg-round-trip-" + schema;
            new JpaAuditLog(db).record(entry(target));
            assertThat(new JpaAuditLog(db).recent(5)).extracting(AuditEntry::target).containsExactly(target);
        } finally {
            try (var c = DriverManager.getConnection(POSTGRES, "postgres", null)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void unreachableDatabaseIsReportedWithoutThePassword() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/none?password=hunter2", "x", "hunter2",
                ENTITIES))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("Cannot open the database at jdbc:postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("hunter2");
    }

    static boolean postgresAnswers() {
        try (var c = DriverManager.getConnection(POSTGRES, "postgres", null)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static AuditEntry entry(String target) {
        return new AuditEntry(Instant.now(), "tester", "test.write", target, AuditEntry.SUCCESS, "round trip");
    }
}
