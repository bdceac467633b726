package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.component;
import static dev.backlot.catalog.internal.CatalogIngestionTest.relations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityQuery;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run larger than one chunk commits its stitching chunk by chunk through the stitch queue; a
 * portal stopped half-way finishes the queued work at its next start. Real files, real H2 (and
 * PostgreSQL where one answers on 127.0.0.1:5432).
 */
class CatalogLargeRunTest {

    @TempDir
    Path dir;

    private static String components(int from, int to, String owner) {
        StringBuilder yaml = new StringBuilder();
        for (int i = from; i < to; i++) {
            yaml.append("---\n").append(component("svc-" + i, owner, null));
        }
        return yaml.toString();
    }

    private static int count(CatalogFixture f, String sql) {
        return f.database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void runLargerThanOneChunkStitchesEveryEntityAndEmptiesTheQueue() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            f.write("big/a/catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-big}\n"
                    + "spec: {type: team, children: []}\n" + components(0, 600, "team-big"));
            f.write("big/b/catalog-info.yaml", components(600, 1200, "team-big"));

            f.catalog.addLocation("file", f.root.resolve("big").toString(), false);
            f.idle();

            EntityFilter components = EntityFilter.parse(List.of("kind=component,spec.owner=team-big"));
            assertThat(f.catalog.count(new EntityQuery(components, List.of(), 0, 10, null, List.of()))).isEqualTo(1200);
            assertThat(relations(f.trees.entity("group", "default", "team-big").orElseThrow()))
                    .hasSize(1200).contains("ownerOf component:default/svc-0", "ownerOf component:default/svc-1199");
            assertThat(relations(f.trees.entity("component", "default", "svc-777").orElseThrow()))
                    .containsExactly("ownedBy group:default/team-big");
            assertThat(count(f, "SELECT COUNT(*) FROM catalog_stitch_queue")).isZero();
        }
    }

    private static int searchIndexes(CatalogFixture f) {
        return count(f, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'CATALOG_SEARCH'"
                + " AND INDEX_NAME IN ('CATALOG_SEARCH_KEY_VALUE', 'CATALOG_SEARCH_ENTITY')");
    }

    @Test
    void bulkLoadOnH2SwapsInIndexedSearchRowsAndFiltersFindEveryEntity() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            for (int part = 0; part < 3; part++) {
                f.write("bulk/p" + part + "/catalog-info.yaml", components(part * 800, part * 800 + 800, "team-bulk"));
            }

            f.catalog.addLocation("file", f.root.resolve("bulk").toString(), false);
            f.idle();

            assertThat(searchIndexes(f)).isEqualTo(2);
            assertThat(tables(f, "CATALOG_SEARCH_LOAD")).isZero();
            EntityFilter owned = EntityFilter.parse(List.of("kind=component,relations.ownedby=group:default/team-bulk"));
            assertThat(f.catalog.count(new EntityQuery(owned, List.of(), 0, 10, null, List.of()))).isEqualTo(2400);
            assertThat(f.trees.entities(new EntityQuery(EntityFilter.parse(List.of("metadata.name=svc-2399")), List.of(),
                    0, 10, null, List.of()))).hasSize(1);
        }
    }

    @Test
    void bulkLoadOnPostgresqlSwapsInIndexedSearchRowsAndFiltersFindEveryEntity() throws Exception {
        try (PostgresSchema pg = PostgresSchema.create();
                CatalogFixture f = new CatalogFixture(dir, pg.url(), "postgres")) {
            String schema = pg.name;
            for (int part = 0; part < 3; part++) {
                f.write("bulk/p" + part + "/catalog-info.yaml", components(part * 800, part * 800 + 800, "team-bulk"));
            }

            f.catalog.addLocation("file", f.root.resolve("bulk").toString(), false);
            f.idle();

            assertThat(count(f, "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '" + schema + "' AND indexname IN"
                    + " ('catalog_search_key_value', 'catalog_search_entity', 'catalog_relation_emitter',"
                    + " 'catalog_relation_source')")).isEqualTo(4);
            assertThat(count(f, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = '" + schema + "' AND tablename LIKE"
                    + " 'catalog_search_%'")).isZero();
            assertThat(count(f, "SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = 'catalog_search_key_value_stats'"
                    + " AND stxnamespace = '" + schema + "'::regnamespace")).isEqualTo(1);
            assertThat(count(f, "SELECT COUNT(*) FROM catalog_stitch_queue")).isZero();
            EntityFilter owned = EntityFilter.parse(List.of("kind=component,relations.ownedby=group:default/team-bulk"));
            assertThat(f.catalog.count(new EntityQuery(owned, List.of(), 0, 10, null, List.of()))).isEqualTo(2400);
            assertThat(f.trees.entities(new EntityQuery(EntityFilter.parse(List.of("kind=component,spec.type=service")),
                    List.of(), 100, 5, null, List.of()))).hasSize(5);
        }
    }

    private static int tables(CatalogFixture f, String name) {
        return count(f, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '" + name + "'");
    }

    @Test
    void searchLoadInterruptedBeforeItsSwapIsFinishedAtTheNextStart() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            f.write("bulk/catalog-info.yaml", components(0, 700, "team-bulk"));
            f.catalog.addLocation("file", f.root.resolve("bulk").toString(), false);
            f.idle();
            // A load stopped half-way: its table holds new rows for some entities, none for the others.
            f.database.jdbc(c -> {
                SearchLoad.begin(c);
                try (var st = c.createStatement()) {
                    st.executeUpdate("UPDATE catalog_entity SET processed_json = REPLACE(processed_json, 'team-bulk', 'team-new')"
                            + " WHERE entity_ref IN ('component:default/svc-1', 'component:default/svc-2')");
                }
                Stitcher.stitch(c, List.of("component:default/svc-1", "component:default/svc-2"), Map.of(), Map.of(),
                        SearchLoad.LOAD);
                return null;
            });
        }

        try (CatalogFixture f = new CatalogFixture(dir)) {
            f.idle();

            assertThat(tables(f, "CATALOG_SEARCH_LOAD")).isZero();
            assertThat(searchIndexes(f)).isEqualTo(2);
            EntityFilter old = EntityFilter.parse(List.of("kind=component,spec.owner=team-bulk"));
            assertThat(f.catalog.count(new EntityQuery(old, List.of(), 0, 10, null, List.of()))).isEqualTo(698);
        }
    }

    @Test
    void searchTableSwapInterruptedHalfWayOnH2IsCompletedAtTheNextStart() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            f.write("bulk/catalog-info.yaml", components(0, 50, "team-bulk"));
            f.catalog.addLocation("file", f.root.resolve("bulk").toString(), false);
            f.idle();
            // H2 swaps in steps that each commit: stopped after the first, there is no live table.
            f.database.jdbc(c -> {
                SearchLoad.begin(c);
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO catalog_search_load SELECT * FROM catalog_search");
                    st.execute("CREATE INDEX catalog_search_load_entity ON catalog_search_load (entity_uid)");
                    st.execute("CREATE INDEX catalog_search_load_key_value ON catalog_search_load"
                            + " (skey, svalue, sorig, entity_uid)");
                    st.execute("ALTER TABLE catalog_search RENAME TO catalog_search_old");
                }
                return null;
            });
        }

        try (CatalogFixture f = new CatalogFixture(dir)) {
            f.idle();

            assertThat(tables(f, "CATALOG_SEARCH_LOAD") + tables(f, "CATALOG_SEARCH_OLD")).isZero();
            assertThat(searchIndexes(f)).isEqualTo(2);
            EntityFilter owned = EntityFilter.parse(List.of("kind=component,spec.owner=team-bulk"));
            assertThat(f.catalog.count(new EntityQuery(owned, List.of(), 0, 10, null, List.of()))).isEqualTo(50);
        }
    }

    @Test
    void interruptedRunIsFinishedAtTheNextStart() throws Exception {
        Path file;
        try (CatalogFixture f = new CatalogFixture(dir)) {
            file = f.write("small/catalog-info.yaml", component("steady", "team-a", null)
                    + "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\n"
                    + "spec: {type: team, children: []}\n");
            f.catalog.addLocation("file", file.toString(), false);
            f.idle();
            // What a run stopped after its first transaction leaves: a relation emitted by an entity
            // whose row was never written, and the references it had still to stitch.
            f.database.jdbc(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO catalog_relation (emitter_uid, source_ref, type, target_ref) VALUES"
                            + " ('never-written', 'group:default/team-a', 'ownerOf', 'component:default/lost')");
                    st.executeUpdate("UPDATE catalog_entity SET final_json = REPLACE(final_json, 'steady', 'stale')"
                            + " WHERE entity_ref = 'component:default/steady'");
                    st.executeUpdate("INSERT INTO catalog_stitch_queue (entity_ref) VALUES ('group:default/team-a'),"
                            + " ('component:default/steady')");
                }
                return null;
            });
        }

        try (CatalogFixture f = new CatalogFixture(dir)) {
            f.idle();

            assertThat(count(f, "SELECT COUNT(*) FROM catalog_stitch_queue")).isZero();
            assertThat(count(f, "SELECT COUNT(*) FROM catalog_relation WHERE emitter_uid = 'never-written'")).isZero();
            assertThat(relations(f.trees.entity("group", "default", "team-a").orElseThrow()))
                    .containsExactly("ownerOf component:default/steady");
            assertThat(f.trees.entity("component", "default", "steady").orElseThrow().toString()).doesNotContain("stale");
        }
    }
}
