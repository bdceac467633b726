package dev.backlot.catalog.internal;

import dev.backlot.audit.internal.AuditEntryEntity;
import dev.backlot.catalog.internal.read.ReadPolicy;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.security.internal.AccountEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A catalog on a fresh H2 file database with a folder of descriptors as its only allowed root. */
final class CatalogFixture implements AutoCloseable {

    final Path root;
    final Database database;
    final DefaultCatalogService catalog;
    /** The catalog's reads as the trees the HTTP API serves. */
    final TreeReads trees;

    CatalogFixture(Path dir, ExtensionRegistry extensions, String orphanStrategy, List<String> configured) throws Exception {
        this(dir, extensions, orphanStrategy, 0, configured);
    }

    CatalogFixture(Path dir, ExtensionRegistry extensions, String orphanStrategy, long orphanGraceSeconds,
            List<String> configured) throws Exception {
        this(dir, "jdbc:h2:file:" + dir.resolve("db"), null, extensions, orphanStrategy, orphanGraceSeconds, configured);
    }

    /** A catalog on the database at {@code url} (files still under {@code dir}). */
    CatalogFixture(Path dir, String url, String user) throws Exception {
        this(dir, url, user, CatalogSettings.DEFAULT_READ_TIMEOUT_MS);
    }

    /** A catalog on the database at {@code url} whose reads time out after {@code readTimeoutMs}. */
    CatalogFixture(Path dir, String url, String user, long readTimeoutMs) throws Exception {
        this(dir, url, user, null, "delete", 0, List.of(), readTimeoutMs);
    }

    private CatalogFixture(Path dir, String url, String user, ExtensionRegistry extensions, String orphanStrategy,
            long orphanGraceSeconds, List<String> configured) throws Exception {
        this(dir, url, user, extensions, orphanStrategy, orphanGraceSeconds, configured,
                CatalogSettings.DEFAULT_READ_TIMEOUT_MS);
    }

    private CatalogFixture(Path dir, String url, String user, ExtensionRegistry extensions, String orphanStrategy,
            long orphanGraceSeconds, List<String> configured, long readTimeoutMs) throws Exception {
        root = Files.createDirectories(dir.resolve("repos"));
        database = Database.open(url, user, null, List.of(AuditEntryEntity.class, AccountEntity.class));
        ReadPolicy policy = new ReadPolicy(List.of(root), List.of(), 1024 * 1024, 1000, Duration.ofSeconds(5), 10, 10_000);
        catalog = new DefaultCatalogService(database, extensions,
                new CatalogSettings(policy, configured, 3600, orphanStrategy, orphanGraceSeconds, 2_000,
                        CatalogSettings.DEFAULT_MAX_ENTITY_BYTES, readTimeoutMs));
        trees = new TreeReads(catalog);
        catalog.start();
    }

    CatalogFixture(Path dir) throws Exception {
        this(dir, null, "delete", List.of());
    }

    Path write(String relative, String yaml) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    void idle() {
        // Generous: a bulk run on a busy 2-core machine can take well over half a minute.
        catalog.awaitIdle(Duration.ofMinutes(3));
    }

    /** Polls until the condition holds; for effects of the file watcher, which has no completion signal. */
    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " did not happen within 15 s");
    }

    static String component(String name, String owner, String extraSpec) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: service
                  lifecycle: production
                  owner: %s
                %s
                """.formatted(name, owner, extraSpec == null ? "" : extraSpec.indent(2).stripTrailing());
    }

    @Override
    public void close() {
        catalog.close();
        database.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> annotations(Map<String, Object> entity) {
        return (Map<String, Object>) ((Map<String, Object>) entity.get("metadata")).get("annotations");
    }

    @SuppressWarnings("unchecked")
    static String uid(Map<String, Object> entity) {
        return (String) ((Map<String, Object>) entity.get("metadata")).get("uid");
    }
}
