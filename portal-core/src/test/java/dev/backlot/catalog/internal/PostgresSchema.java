package dev.backlot.catalog.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A schema of its own on the PostgreSQL server of these machines (127.0.0.1:5432, user postgres,
 * database test), dropped on close. The test is skipped, with that message, where none answers.
 */
final class PostgresSchema implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    final String name = "backlot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private PostgresSchema() throws SQLException {
        try (Connection c = connect()) {
            c.createStatement().execute("CREATE SCHEMA " + name);
        }
    }

    /** A fresh schema; skips the calling test when no PostgreSQL answers. */
    static PostgresSchema create() throws SQLException {
        assumeTrue(answers(), "No PostgreSQL at 127.0.0.1:5432 (user postgres, database test): skipped");
        return new PostgresSchema();
    }

    /** The JDBC URL of the schema. */
    String url() {
        return SERVER + "?currentSchema=" + name;
    }

    /** A new connection to the server, outside the portal's pool. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER, "postgres", null);
    }

    private static boolean answers() {
        try (Connection c = connect()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect()) {
            c.createStatement().execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
