package dev.backlot.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backlot.persistence.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue of changes for a Solr that is away (migration V10), on H2 and on PostgreSQL. */
class PendingChangesTest {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;

    @Test
    void queuesOnceInOrderAndForgetsWhatWasWrittenOnH2() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null, List.of())) {
            behaves(new PendingChanges(db));
        }
    }

    @Test
    void queuesOnceInOrderAndForgetsWhatWasWrittenOnPostgres() throws Exception {
        assumeTrue(answers(), "No PostgreSQL at 127.0.0.1:5432 (user postgres, database test): skipped");
        String schema = "backlot_search_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try (Database db = Database.open(PG + "?currentSchema=" + schema, "postgres", null, List.of())) {
            behaves(new PendingChanges(db));
        } finally {
            try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void withoutADatabaseTheQueueLivesInMemory() {
        behaves(new PendingChanges(null));
    }

    private static void behaves(PendingChanges pending) {
        pending.add(List.of("entity:component:default/a", "type:template"));
        pending.add(List.of("entity:component:default/a", "entity:" + "x".repeat(700)));
        assertThat(pending.count()).isEqualTo(2);
        assertThat(pending.next(10)).containsExactlyInAnyOrder("entity:component:default/a", "type:template");
        pending.remove(List.of("type:template"));
        assertThat(pending.next(10)).containsExactly("entity:component:default/a");
        pending.remove(List.of("entity:component:default/a"));
        assertThat(pending.count()).isZero();
    }

    private static boolean answers() {
        try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
