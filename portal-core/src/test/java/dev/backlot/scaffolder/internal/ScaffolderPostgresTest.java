package dev.backlot.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskRequest;
import dev.backlot.scaffolder.TaskStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task tables (migration V11) and the engine on PostgreSQL; skipped when none answers on 127.0.0.1:5432. */
class ScaffolderPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;

    @Test
    void aTaskRunsAndItsEventsAreReadBackOnPostgres() throws Exception {
        assumeTrue(answers(), "No PostgreSQL at 127.0.0.1:5432 (user postgres, database test): skipped");
        String schema = "backlot_scaff_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try (EngineFixture engine = new EngineFixture(dir, SERVER + "?currentSchema=" + schema, "postgres", 100_000)) {
            engine.template("svc", ScaffolderEngineTest.SERVICE_TEMPLATE, Map.of(
                    "skeleton/catalog-info.yaml", "metadata:\n  name: ${{ values.name }}\n"));
            ScaffolderTask task = engine.service.create(new TaskRequest("template:default/svc",
                    Map.of("name", "orders"), Map.of("token", "pg-secret")), "alice");
            ScaffolderTask done = engine.await(task.id());
            assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(engine.service.tasks("alice", 10)).extracting(ScaffolderTask::id).containsExactly(task.id());
            long first = engine.service.events(task.id(), 0).get(0).id();
            assertThat(engine.service.events(task.id(), first)).isNotEmpty().allMatch(e -> e.id() > first);
            assertThat(engine.messages(task.id())).contains("token is ***");
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER, "postgres", null)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static boolean answers() {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", null)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
