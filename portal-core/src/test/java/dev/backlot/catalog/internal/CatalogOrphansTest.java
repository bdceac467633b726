package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.annotations;
import static dev.backlot.catalog.internal.CatalogFixture.component;
import static dev.backlot.catalog.internal.CatalogFixture.eventually;
import static dev.backlot.catalog.internal.CatalogFixture.uid;
import static dev.backlot.catalog.internal.CatalogIngestionTest.relations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities their location stops emitting: marked with {@code backstage.io/orphan}, then deleted after
 * the grace period (strategy {@code delete}) or kept (strategy {@code keep}). Real files, real H2.
 * Sweeps are triggered with a chosen clock reading, so no test waits out a grace period but one.
 */
class CatalogOrphansTest {

    private static final long HOUR = 3600;
    private static final String GROUP = "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\n"
            + "spec: {type: team, children: []}\n";

    @TempDir
    Path dir;
    private CatalogFixture f;
    private Path file;

    @AfterEach
    void stop() {
        f.close();
    }

    /** A location emitting {@code stay}, {@code leaver} and their group; then {@code leaver} is dropped. */
    private void orphanLeaver(String strategy, long graceSeconds) throws Exception {
        f = new CatalogFixture(dir, null, strategy, graceSeconds, List.of());
        file = f.write("x/catalog-info.yaml", component("stay", "team-a", null) + "---\n"
                + component("leaver", "team-a", null) + GROUP);
        f.catalog.addLocation("file", file.toString(), false);
        f.idle();
        Files.writeString(file, component("stay", "team-a", null) + GROUP);
        f.catalog.refresh("component:default/stay");
        f.idle();
    }

    private void sweepAt(long epochMillis) {
        f.catalog.sweepOrphansAsOf(epochMillis);
        f.idle();
    }

    @Test
    void orphanIsMarkedAndStaysReadableDuringTheGracePeriod() throws Exception {
        orphanLeaver("delete", HOUR);

        sweepAt(System.currentTimeMillis() + (HOUR - 60) * 1000);

        Map<String, Object> leaver = f.trees.entity("component", "default", "leaver").orElseThrow();
        assertThat(annotations(leaver)).containsEntry("backstage.io/orphan", "true");
        assertThat(annotations(f.trees.entity("component", "default", "stay").orElseThrow()))
                .doesNotContainKey("backstage.io/orphan");
        assertThat(f.catalog.count(new EntityQuery(EntityFilter.parse(List.of("metadata.annotations.backstage.io/orphan=true")),
                List.of(), 0, 10, null, List.of()))).isEqualTo(1);
        assertThat(relations(f.trees.entity("group", "default", "team-a").orElseThrow()))
                .contains("ownerOf component:default/leaver");
    }

    @Test
    void orphanIsDeletedOnceTheGracePeriodHasPassed() throws Exception {
        orphanLeaver("delete", HOUR);

        sweepAt(System.currentTimeMillis() + (HOUR + 1) * 1000);

        assertThat(f.trees.entity("component", "default", "leaver")).isEmpty();
        assertThat(f.trees.entity("component", "default", "stay")).isPresent();
        assertThat(relations(f.trees.entity("group", "default", "team-a").orElseThrow()))
                .containsExactly("ownerOf component:default/stay");
    }

    @Test
    void orphanEmittedAgainLosesItsMarkAndIsNotDeleted() throws Exception {
        orphanLeaver("delete", HOUR);
        String uid = uid(f.trees.entity("component", "default", "leaver").orElseThrow());

        Files.writeString(file, component("stay", "team-a", null) + "---\n" + component("leaver", "team-a", null) + GROUP);
        f.catalog.refresh("component:default/stay");
        f.idle();
        sweepAt(System.currentTimeMillis() + (HOUR + 1) * 1000);

        Map<String, Object> leaver = f.trees.entity("component", "default", "leaver").orElseThrow();
        assertThat(annotations(leaver)).doesNotContainKey("backstage.io/orphan");
        assertThat(uid(leaver)).isEqualTo(uid);
    }

    @Test
    void keepStrategyKeepsOrphansMarkedForever() throws Exception {
        orphanLeaver("keep", HOUR);

        sweepAt(System.currentTimeMillis() + 1000L * HOUR * 24 * 365);

        assertThat(annotations(f.trees.entity("component", "default", "leaver").orElseThrow()))
                .containsEntry("backstage.io/orphan", "true");
    }

    @Test
    void zeroGraceDeletesOrphansAtOnceWithoutMarkingThem() throws Exception {
        orphanLeaver("delete", 0);

        assertThat(f.trees.entity("component", "default", "leaver")).isEmpty();
    }

    @Test
    void orphanIsDeletedWhenItsGraceEndsWithoutAnyoneAsking() throws Exception {
        orphanLeaver("delete", 1);
        assertThat(f.trees.entity("component", "default", "leaver")).isPresent();

        eventually(() -> f.trees.entity("component", "default", "leaver").isEmpty(), "deletion after the grace period");
    }

    @Test
    void orphanIsTakenOverByAnotherLocationThatEmitsIt() throws Exception {
        orphanLeaver("delete", HOUR);
        Path other = f.write("y/catalog-info.yaml", component("leaver", "team-b", null));

        f.catalog.addLocation("file", other.toString(), false);
        f.idle();

        Map<String, Object> leaver = f.trees.entity("component", "default", "leaver").orElseThrow();
        assertThat(annotations(leaver)).doesNotContainKey("backstage.io/orphan")
                .containsEntry("backstage.io/managed-by-location", "file:" + other);
        assertThat(relations(leaver)).contains("ownedBy group:default/team-b");
        assertThat(f.catalog.processingErrors()).noneMatch(e -> e.message().contains("Conflict"));
        sweepAt(System.currentTimeMillis() + (HOUR + 1) * 1000);
        assertThat(f.trees.entity("component", "default", "leaver")).isPresent();
    }
}
