package dev.backlot.plugins.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.internal.AuditEntryEntity;
import dev.backlot.audit.internal.JpaAuditLog;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.BundleSource;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.security.internal.AccountEntity;
import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One portal node's plugin platform for tests: a real Felix and the real database-backed manager,
 * with polling left to the test ({@link PluginSync#poll()}). Closing it stops the framework and
 * closes its own database connection; the database itself stays for the next node.
 */
final class PlatformNode implements AutoCloseable {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final PluginPlatform.Settings SETTINGS = new PluginPlatform.Settings(256 * 1024, 3, 0,
            Duration.ofSeconds(3), Duration.ofSeconds(3));

    final Database database;
    final FelixPluginHost host;
    final PluginPlatform platform;

    private PlatformNode(Database database, FelixPluginHost host, PluginPlatform platform) {
        this.database = database;
        this.host = host;
        this.platform = platform;
    }

    /** Starts a node with its framework cache under {@code dir}, on the database at {@code url}. */
    static PlatformNode start(Path dir, String url, String user, List<BundleSource> builtins) throws Exception {
        Database database = Database.open(url, user, null, List.of(AuditEntryEntity.class, AccountEntity.class));
        FelixPluginHost host = new FelixPluginHost(dir.resolve("cache-" + UUID.randomUUID()), HostExports.exportPackage());
        host.start(List.of());
        return new PlatformNode(database, host, PluginPlatform.start(database, host, new JpaAuditLog(database),
                SETTINGS, builtins, SCHEDULER));
    }

    /** The scheduler the nodes of a test share, as the nodes of one portal share the runtime's. */
    private static final java.util.concurrent.ScheduledExecutorService SCHEDULER =
            java.util.concurrent.Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "test-platform-node");
                t.setDaemon(true);
                return t;
            });

    /** An H2 file database URL under {@code dir} that several nodes in this JVM can share. */
    static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db").resolve("portal");
    }

    /**
     * A fresh PostgreSQL schema when the server answers (and {@code -Dbacklot.test.no-postgres} is not
     * set, to run the H2 variant on a machine that has one), else {@code null}.
     */
    static String postgresSchema() {
        if (Boolean.getBoolean("backlot.test.no-postgres")) {
            return null;
        }
        try (var c = DriverManager.getConnection(POSTGRES, "postgres", null)) {
            String schema = "backlot_plugins_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            c.createStatement().execute("CREATE SCHEMA " + schema);
            return schema;
        } catch (Exception e) {
            return null;
        }
    }

    static void dropPostgresSchema(String schema) throws Exception {
        try (var c = DriverManager.getConnection(POSTGRES, "postgres", null)) {
            c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    DefaultPluginManager manager() {
        return (DefaultPluginManager) platform.manager();
    }

    PluginStore store() {
        return new PluginStore(database, SETTINGS.keepVersions());
    }

    List<AuditEntry> audit() {
        return new JpaAuditLog(database).recent(1000);
    }

    /** The ScaffolderAction services of one plugin the registry serves now. */
    List<Extension<ScaffolderAction>> actionsOf(String symbolicName) {
        return host.extensions(ScaffolderAction.class).stream().filter(e -> symbolicName.equals(e.symbolicName())).toList();
    }

    /**
     * Calls the plugin's action through the guard, as portal code would.
     *
     * @return the version that served, or {@code null} when the registry serves no action of that plugin
     * @throws IllegalStateException when the registry lists more than one, or the call fails
     */
    String versionServing(String symbolicName) {
        List<Extension<ScaffolderAction>> actions = actionsOf(symbolicName);
        if (actions.isEmpty()) {
            return null;
        }
        if (actions.size() > 1) {
            throw new IllegalStateException("two revisions served at once: " + actions);
        }
        Extension<ScaffolderAction> action = actions.get(0);
        Map<String, Object> out = new HashMap<>();
        try {
            host.calls().call(action, "ScaffolderAction.execute", Duration.ofSeconds(5), () -> {
                action.service().execute(context(out));
                return null;
            });
        } catch (PluginCallException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return (String) out.get("version");
    }

    private static ActionContext context(Map<String, Object> out) {
        return new ActionContext() {
            public Map<String, Object> input() {
                return Map.of();
            }

            public void log(String line) {
            }

            public void output(String name, Object value) {
                out.put(name, value);
            }
        };
    }

    @Override
    public void close() {
        platform.close();
        host.close();
        database.close();
    }
}
