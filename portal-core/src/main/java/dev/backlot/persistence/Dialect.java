package dev.backlot.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * What differs between the portal's two databases, in one place: how a transaction bounds its
 * statements' time, and which failures are worth another try.
 */
public enum Dialect {

    H2 {
        @Override
        void limit(Connection c, long millis) throws SQLException {
            // A session setting: set for this transaction, and reset before the connection goes back to the pool.
            try (Statement st = c.createStatement()) {
                st.execute("SET QUERY_TIMEOUT " + millis);
            }
        }

        @Override
        void unlimit(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SET QUERY_TIMEOUT 0");
            }
        }
    },

    POSTGRESQL {
        @Override
        void limit(Connection c, long millis) throws SQLException {
            // Enforced by the server, which cancels the statement itself; ends with the transaction.
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL statement_timeout = " + millis);
            }
        }

        @Override
        void unlimit(Connection c) {
            // SET LOCAL ended with the transaction
        }
    };

    /**
     * The SQL state of a statement cancelled by its time limit: PostgreSQL's {@code query_canceled},
     * which H2 uses too for "statement was canceled or the session timed out".
     */
    private static final String TIMED_OUT = "57014";

    /**
     * SQL states worth one more try: a table being swapped in by a bulk load (H2 renames it in
     * steps, so "table not found" or "index not found" for a moment: {@code 42S02}, {@code 42S04},
     * {@code 42S12}; PostgreSQL {@code 42P01}), a lock wait that timed out (H2 {@code HYT00}, PostgreSQL {@code 55P03}), a
     * deadlock or a serialisation failure ({@code 40001}, {@code 40P01}).
     */
    private static final Set<String> TRANSIENT = Set.of("42S02", "42S04", "42S12", "42P01", "HYT00", "55P03", "40001", "40P01");

    /** Bounds every statement of the current transaction to {@code millis}. */
    abstract void limit(Connection c, long millis) throws SQLException;

    /** Undoes {@link #limit} before the connection is reused. */
    abstract void unlimit(Connection c) throws SQLException;

    /** Whether {@code e} (or a cause) is a statement cancelled by its time limit. */
    public static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && TIMED_OUT.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} (or a cause) is a failure that another try may not meet. */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && TRANSIENT.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static Dialect of(String product) {
        return product.toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }
}
