package dev.backlot.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backlot.persistence.internal.PortalPersistenceUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;

/**
 * The portal's database: a connection pool, the schema brought up to date by versioned migrations,
 * and a JPA unit over it.
 *
 * <p>The application opens the database itself (rather than having the server deploy a persistence
 * unit) so that a database that is down shows up in readiness instead of failing the deployment,
 * and so that the same code runs in plain tests. Migrations live in {@code db/migration} and are
 * written in SQL that both H2 and PostgreSQL accept; the few that only PostgreSQL understands live in
 * {@code db/vendor/postgresql}.
 *
 * <p>Each {@link #transaction} call runs in its own resource-local transaction: committed when the
 * function returns, rolled back when it throws.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final EntityManagerFactory factory;
    private final String product;
    private final Dialect dialect;
    private final String schemaVersion;

    private Database(HikariDataSource dataSource, EntityManagerFactory factory, String product, String schemaVersion) {
        this.dataSource = dataSource;
        this.factory = factory;
        this.product = product;
        this.dialect = Dialect.of(product);
        this.schemaVersion = schemaVersion;
    }

    /** The driver class of the databases the portal supports, by URL prefix; empty for others. */
    static java.util.Optional<String> driverClass(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return java.util.Optional.of("org.postgresql.Driver");
        }
        if (url.startsWith("jdbc:h2:")) {
            return java.util.Optional.of("org.h2.Driver");
        }
        return java.util.Optional.empty();
    }

    /**
     * Connects, migrates and opens the JPA unit.
     *
     * @param url a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...})
     * @param entityClasses every JPA entity class of the portal
     * @throws DatabaseException when the database cannot be reached or a migration fails; the
     *     message names the URL (never the password) and the cause
     */
    public static Database open(String url, String user, String password, List<Class<?>> entityClasses) {
        HikariDataSource dataSource = null;
        try {
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(url);
            // Named, not looked up through DriverManager: inside the application server the JDBC
            // drivers in WEB-INF/lib never register with DriverManager, which only sees the JVM's
            // class path ("No suitable driver").
            driverClass(url).ifPresent(pool::setDriverClassName);
            if (user != null) {
                pool.setUsername(user);
            }
            if (password != null) {
                pool.setPassword(password);
            }
            if (url.startsWith("jdbc:postgresql:")) {
                // Plan each catalog query for its actual values. After a few runs PostgreSQL would
                // otherwise reuse one generic plan per prepared statement, made for an "average"
                // value: right for a rare one ("relations.memberof = group:default/x"), ten times
                // too slow at 100k entities for a common one ("spec.type = service"). Planning
                // takes about a millisecond.
                pool.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
            }
            pool.setPoolName("backlot");
            pool.setMaximumPoolSize(10);
            pool.setMinimumIdle(1);
            // Fail within seconds, not the default 30 s, so a wrong URL is reported at start promptly.
            pool.setInitializationFailTimeout(10_000);
            pool.setConnectionTimeout(10_000);
            dataSource = new HikariDataSource(pool);

            String product;
            try (var connection = dataSource.getConnection()) {
                product = connection.getMetaData().getDatabaseProductName();
            }
            var result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(migrationLocations(product))
                    .load()
                    .migrate();
            var unit = new PortalPersistenceUnit(dataSource, entityClasses, Database.class.getClassLoader());
            EntityManagerFactory factory = new PersistenceProvider()
                    .createContainerEntityManagerFactory(unit, PortalPersistenceUnit.properties(product));
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : Flyway.configure(Database.class.getClassLoader()).dataSource(dataSource)
                            .locations(migrationLocations(product)).load().info().current()
                            .getVersion().getVersion();
            return new Database(dataSource, factory, product, version);
        } catch (RuntimeException | java.sql.SQLException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            throw new DatabaseException("Cannot open the database at " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    /** Runs {@code work} in one transaction and returns its result. */
    public <T> T transaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Runs {@code work} in one transaction. */
    public void run(Consumer<EntityManager> work) {
        transaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /**
     * Runs {@code work} on one JDBC connection in one transaction, for bulk paths where JPA would
     * cost too much (the catalog's search rows). Committed when it returns, rolled back when it throws.
     */
    public <T> T jdbc(SqlWork<T> work) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (java.sql.SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (java.sql.SQLException e) {
            throw new DatabaseException("Database work failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} on a connection outside any transaction, each statement committing on its
     * own: for what PostgreSQL refuses inside a transaction, such as {@code VACUUM}.
     */
    public <T> T autocommit(SqlWork<T> work) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.apply(connection);
        } catch (java.sql.SQLException e) {
            throw new DatabaseException("Database work failed: " + e.getMessage(), e);
        }
    }

    /** Work on a JDBC connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(java.sql.Connection connection) throws java.sql.SQLException;
    }

    /**
     * A read: {@link #jdbc}, with every statement bounded to {@code millis} (the database cancels
     * one that runs longer, so nothing is left running), and tried again when it meets a passing
     * condition (a table being swapped in by a bulk load, a lock wait), for as long as the bound
     * itself (a busy machine can stretch a swap well past half a second), waiting a little longer
     * each time, at most 200 ms. A cancelled statement is not tried again: {@link Dialect#timedOut}
     * tells it apart.
     *
     * @throws DatabaseException for a failure
     */
    public <T> T read(long millis, SqlWork<T> work) {
        return bounded(millis, Integer.MAX_VALUE, millis, false, work);
    }

    /**
     * Background work (loads, stitching, maintenance): {@link #jdbc} with a larger bound on each
     * statement, tried again up to three times on a time-out, a deadlock or another passing failure,
     * so that a busy moment delays the run instead of failing it. {@code work} must be safe to run
     * again: each try is a transaction of its own, and a failed one is rolled back.
     */
    public <T> T background(long millis, SqlWork<T> work) {
        return bounded(millis, 3, Long.MAX_VALUE, true, work);
    }

    private <T> T bounded(long millis, int tries, long retryForMillis, boolean againAfterTimeout, SqlWork<T> work) {
        long startedAt = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc(c -> {
                    dialect.limit(c, millis);
                    try {
                        return work.apply(c);
                    } finally {
                        dialect.unlimit(c);
                    }
                });
            } catch (RuntimeException e) {
                boolean again = attempt < tries && (System.nanoTime() - startedAt) / 1_000_000 < retryForMillis
                        && (Dialect.transientFailure(e) || againAfterTimeout && Dialect.timedOut(e));
                if (!again) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(200L, 30L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The dialect of this database. */
    public Dialect dialect() {
        return dialect;
    }

    /** The database product, e.g. {@code H2} or {@code PostgreSQL}. */
    public String product() {
        return product;
    }

    /**
     * Where the migrations are: {@code db/migration} for every database, plus
     * {@code db/vendor/postgresql} on PostgreSQL for what only it understands (planner statistics).
     * Version numbers are shared: a vendor migration takes a number no common one uses.
     */
    static String[] migrationLocations(String product) {
        return product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? new String[] {"classpath:db/migration", "classpath:db/vendor/postgresql"}
                : new String[] {"classpath:db/migration"};
    }

    /** The version of the newest migration applied, e.g. {@code 1}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        factory.close();
        dataSource.close();
    }

    private static String redact(String url) {
        // A JDBC URL may carry a password as a parameter or user info; never let it reach a log.
        return dev.backlot.config.Redact.jdbcUrl(url);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
