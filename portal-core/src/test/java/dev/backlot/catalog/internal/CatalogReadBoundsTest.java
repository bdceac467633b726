package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.component;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityPredicate;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.EntityRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads are bounded and never fail because of a load: a statement over the read timeout is
 * cancelled in the database and reported as the catalog being unavailable; readers running through
 * a bulk load (its search rows swapped in at the end) all succeed. Real H2 and PostgreSQL.
 */
class CatalogReadBoundsTest {

    @TempDir
    Path dir;

    private static String components(int from, int to) {
        StringBuilder yaml = new StringBuilder();
        for (int i = from; i < to; i++) {
            yaml.append("---\n").append(component("svc-" + i, "team-" + (i % 20), "system: sys-" + (i % 50)));
        }
        return yaml.toString();
    }

    private static void writeParts(CatalogFixture f, int parts, int perPart) throws Exception {
        for (int part = 0; part < parts; part++) {
            f.write("load/p" + part + "/catalog-info.yaml", components(part * perPart, (part + 1) * perPart));
        }
    }

    @Test
    void readOverTheTimeoutOnH2IsCancelledAndReportedAsUnavailable() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir, "jdbc:h2:file:" + dir.resolve("db"), null, 1)) {
            // 8,000 entities: with 3,000 a warm, quiet machine once answered the count inside the 1 ms
            // bound (H2 checks its query timeout between rows), and the test saw no time-out.
            writeParts(f, 4, 2000);
            f.catalog.addLocation("file", f.root.resolve("load").toString(), false);
            f.idle();

            // A full-text term that matches nothing: every search row is compared, far longer than 1 ms.
            EntityQuery slow = new EntityQuery(EntityFilter.ALL, List.of(), 0, 10, "no-such-text", List.of());
            assertThatThrownBy(() -> f.catalog.count(slow)).isInstanceOf(ServiceUnavailableException.class)
                    .hasMessageContaining("PORTAL_DB_READ_TIMEOUT_MS").hasMessageContaining("cancelled");

            int running = f.database.jdbc(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                        + " WHERE EXECUTING_STATEMENT IS NOT NULL AND SESSION_ID <> SESSION_ID()")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(running).isZero();
        }
    }

    @Test
    void readOverTheTimeoutOnPostgresqlIsCancelledByTheServerAndLeavesNothingRunning() throws Exception {
        try (PostgresSchema pg = PostgresSchema.create();
                CatalogFixture f = new CatalogFixture(dir, pg.url(), "postgres", 300);
                Connection blocker = PostgresSchema.connect()) {
            writeParts(f, 1, 50);
            f.catalog.addLocation("file", f.root.resolve("load").toString(), false);
            f.idle();
            // A transaction that holds the table: the read waits, and the server cancels it at 300 ms.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE " + pg.name + ".catalog_entity IN ACCESS EXCLUSIVE MODE");

            assertThatThrownBy(() -> f.catalog.count(new EntityQuery(EntityFilter.ALL, List.of(), 0, 10, null, List.of())))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("300 ms");

            try (ResultSet rs = blocker.createStatement().executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                    + " WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE '%catalog_entity%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            blocker.rollback();
            assertThat(f.catalog.count(new EntityQuery(EntityFilter.ALL, List.of(), 0, 10, null, List.of())))
                    .isEqualTo(51);
        }
    }

    @Test
    void readersThroughABulkLoadOnH2NeverFail() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            readersThroughALoad(f);
        }
    }

    @Test
    void readersThroughABulkLoadOnPostgresqlNeverFail() throws Exception {
        try (PostgresSchema pg = PostgresSchema.create(); CatalogFixture f = new CatalogFixture(dir, pg.url(), "postgres")) {
            readersThroughALoad(f);
        }
    }

    /**
     * Two readers loop over every kind of read while a location of 5000 entities loads (its search
     * rows beside the live ones, swapped in at the end), then once more after it.
     */
    private static void readersThroughALoad(CatalogFixture f) throws Exception {
        f.write("small/catalog-info.yaml", components(100_000, 100_050));
        f.catalog.addLocation("file", f.root.resolve("small").toString(), false);
        f.idle();
        writeParts(f, 5, 1000); // (at most 1000 documents per file in the fixture's policy)

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread reader = new Thread(() -> {
                while (loading.get()) {
                    try {
                        readEverything(f);
                        reads.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        f.catalog.addLocation("file", f.root.resolve("load").toString(), false);
        // Readers compete for the two cores of a CI machine: give the load time, and never measure it here.
        f.catalog.awaitIdle(java.time.Duration.ofMinutes(5));
        readEverything(f);
        loading.set(false);
        for (Thread reader : readers) {
            reader.join(30_000);
            assertThat(reader.isAlive()).as("a reader still waiting 30 s after the load").isFalse();
        }

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
        EntityFilter owned = EntityFilter.parse(List.of("kind=component,spec.owner=team-7"));
        assertThat(f.catalog.count(new EntityQuery(owned, List.of(), 0, 10, null, List.of()))).isEqualTo(250 + 3);
        assertThat(f.catalog.facets(List.of("kind"), EntityFilter.ALL).get("kind").get(0).count()).isEqualTo(5050);
    }

    private static void readEverything(CatalogFixture f) {
        EntityFilter services = EntityFilter.parse(List.of("kind=component,spec.type=service"));
        f.catalog.entities(new EntityQuery(services, List.of(), 0, 20, null, List.of()));
        f.catalog.count(new EntityQuery(services, List.of(), 0, 20, null, List.of()));
        f.catalog.entities(new EntityQuery(EntityFilter.ALL, List.of(), 0, 20, null, List.of()));
        f.catalog.facets(List.of("kind", "spec.owner"), EntityFilter.ALL);
        f.catalog.facets(List.of("spec.system"), EntityFilter.parse(List.of("kind=component")));
        f.catalog.entity(new EntityRef("component", "default", "svc-100001"));
        f.catalog.entity(new EntityRef("component", "default", "svc-777"));
        f.catalog.ancestry(new EntityRef("component", "default", "svc-100002"));
        f.catalog.entitiesByRefs(List.of("component:default/svc-100003", "component:default/svc-5"), EntityPredicate.ALL);
        f.catalog.locations();
        f.catalog.processingErrors();
    }
}
