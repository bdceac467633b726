package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.annotations;
import static dev.backlot.catalog.internal.CatalogFixture.component;
import static dev.backlot.catalog.internal.CatalogFixture.eventually;
import static dev.backlot.catalog.internal.CatalogFixture.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlot.catalog.CatalogException;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.CatalogService.LocationPage;
import dev.backlot.catalog.EntityPredicate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updating a registered location and querying locations, on real files and a real H2 database. */
class CatalogLocationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private CatalogFixture f;

    @AfterEach
    void stop() {
        f.close();
    }

    private static CatalogException.Reason reason(Throwable e) {
        return ((CatalogException) e).reason();
    }

    private static EntityPredicate predicate(String json) throws Exception {
        return EntityPredicate.parse(JSON.readValue(json, Object.class));
    }

    @Test
    void updatedLocationReadsItsNewTargetAndWhatOnlyTheOldOneEmittedGoes() throws Exception {
        f = new CatalogFixture(dir);
        Path old = f.write("old/catalog-info.yaml", component("shared", "team-a", null) + "---\n" + component("old-only", "team-a", null));
        Path now = f.write("new/catalog-info.yaml", component("shared", "team-b", null) + "---\n" + component("new-only", "team-a", null));
        CatalogLocation registered = f.catalog.addLocation("file", old.toString(), false).location();
        f.idle();
        String sharedUid = uid(f.trees.entity("component", "default", "shared").orElseThrow());

        CatalogLocation updated = f.catalog.updateLocation(registered.id(), "file", now.toString());
        f.idle();

        assertThat(updated).isEqualTo(new CatalogLocation(registered.id(), "file", now.toString()));
        assertThat(f.catalog.locations()).containsExactly(updated);
        assertThat(f.trees.entity("component", "default", "new-only")).isPresent();
        assertThat(f.trees.entity("component", "default", "old-only")).isEmpty();
        Map<String, Object> shared = f.trees.entity("component", "default", "shared").orElseThrow();
        assertThat(spec(shared).get("owner")).isEqualTo("team-b");
        assertThat(uid(shared)).as("an entity both targets emit is updated in place").isEqualTo(sharedUid);
        // The Location entity standing for the location is the new target's.
        assertThat(f.trees.entity("location", "default", CatalogLocation.entityName("file", now.toString()))).isPresent();
        assertThat(f.trees.entity("location", "default", CatalogLocation.entityName("file", old.toString()))).isEmpty();
        assertThat(f.catalog.locationOfEntity(new dev.backlot.model.EntityRef("component", "default", "new-only"))).contains(updated);
    }

    @Test
    void underAGracePeriodTheOldTargetsEntitiesAreMarkedAsOrphans() throws Exception {
        f = new CatalogFixture(dir, null, "delete", 3600, List.of());
        Path old = f.write("old/catalog-info.yaml", component("old-only", "team-a", null));
        Path now = f.write("new/catalog-info.yaml", component("new-only", "team-a", null));
        CatalogLocation registered = f.catalog.addLocation("file", old.toString(), false).location();
        f.idle();

        f.catalog.updateLocation(registered.id(), "file", now.toString());
        f.idle();

        Map<String, Object> orphan = f.trees.entity("component", "default", "old-only").orElseThrow();
        assertThat(annotations(orphan)).containsEntry("backstage.io/orphan", "true");
        assertThat(annotations(f.trees.entity("component", "default", "new-only").orElseThrow()))
                .doesNotContainKey("backstage.io/orphan");
    }

    @Test
    void editsOfTheNewFileAreWatchedAfterAnUpdate() throws Exception {
        f = new CatalogFixture(dir);
        Path old = f.write("old/catalog-info.yaml", component("old-only", "team-a", null));
        Path now = f.write("new/catalog-info.yaml", component("new-only", "team-a", null));
        CatalogLocation registered = f.catalog.addLocation("file", old.toString(), false).location();
        f.idle();
        f.catalog.updateLocation(registered.id(), "file", now.toString());
        f.idle();

        Files.writeString(now, component("new-only", "team-c", null));

        eventually(() -> f.trees.entity("component", "default", "new-only")
                .map(e -> "team-c".equals(spec(e).get("owner"))).orElse(false), "the edit of the new file being read");
    }

    @Test
    void registrationsOfOneTargetAtTheSameMomentGiveOneLocationAndConflictsNeverADatabaseError() throws Exception {
        f = new CatalogFixture(dir);
        Path file = f.write("race/catalog-info.yaml", component("raced", "team-a", null));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return f.catalog.addLocation("file", file.toString(), false);
                }));
            }
            start.countDown();
            int registered = 0;
            for (var call : calls) {
                try {
                    call.get();
                    registered++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(CatalogException.class).hasMessageContaining("already registered");
                    assertThat(((CatalogException) e.getCause()).reason()).isEqualTo(CatalogException.Reason.CONFLICT);
                }
            }
            assertThat(registered).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownIdIsNotFound() throws Exception {
        f = new CatalogFixture(dir);
        Path file = f.write("a/catalog-info.yaml", component("a", "team-a", null));

        assertThatThrownBy(() -> f.catalog.updateLocation("no-such-id", "file", file.toString()))
                .isInstanceOf(CatalogException.class).hasMessageContaining("no-such-id")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(CatalogException.Reason.NOT_FOUND));
    }

    @Test
    void targetOfAnotherLocationIsAConflictAndChangesNothingWhileItsOwnTargetIsAFreshRead() throws Exception {
        f = new CatalogFixture(dir);
        Path a = f.write("a/catalog-info.yaml", component("a", "team-a", null));
        Path b = f.write("b/catalog-info.yaml", component("b", "team-a", null));
        CatalogLocation first = f.catalog.addLocation("file", a.toString(), false).location();
        f.catalog.addLocation("file", b.toString(), false);
        f.idle();

        assertThatThrownBy(() -> f.catalog.updateLocation(first.id(), "file", b.toString()))
                .isInstanceOf(CatalogException.class).hasMessage("Location file:" + b + " is already registered")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(CatalogException.Reason.CONFLICT));
        assertThat(f.catalog.location(first.id())).contains(first);

        Files.writeString(a, component("a", "team-z", null));
        assertThat(f.catalog.updateLocation(first.id(), "file", a.toString())).isEqualTo(first);
        f.idle();
        assertThat(spec(f.trees.entity("component", "default", "a").orElseThrow()).get("owner")).isEqualTo("team-z");
    }

    @Test
    void newTargetPassesTheChecksOfRegistrationWithTheSameMessages() throws Exception {
        f = new CatalogFixture(dir);
        Path a = f.write("a/catalog-info.yaml", component("a", "team-a", null));
        CatalogLocation registered = f.catalog.addLocation("file", a.toString(), false).location();
        Path outside = Files.writeString(dir.resolve("outside.yaml"), component("sneaky", "team-a", null));

        for (String[] target : List.of(new String[] {"file", outside.toString()},
                new String[] {"file", f.root.resolve("nowhere/catalog-info.yaml").toString()},
                new String[] {"ftp", "ftp://example.com/catalog-info.yaml"},
                new String[] {"url", "https://not-allowed.example.com/catalog-info.yaml"})) {
            Throwable onAdd = catchThrown(() -> f.catalog.addLocation(target[0], target[1], false));
            Throwable onUpdate = catchThrown(() -> f.catalog.updateLocation(registered.id(), target[0], target[1]));

            assertThat(onUpdate).as(target[1]).isInstanceOf(CatalogException.class).hasMessage(onAdd.getMessage());
            assertThat(reason(onUpdate)).isEqualTo(CatalogException.Reason.INPUT);
        }
        assertThat(f.catalog.locations()).containsExactly(registered);
    }

    @Test
    void configuredLocationIsRefusedBecauseTheConfigurationWouldBringItBack() throws Exception {
        Path configured = Files.createDirectories(dir.resolve("repos/conf")).resolve("catalog-info.yaml");
        Files.writeString(configured, component("conf", "team-a", null));
        f = new CatalogFixture(dir, null, "delete", List.of("file:" + configured));
        Path other = f.write("other/catalog-info.yaml", component("other", "team-a", null));
        CatalogLocation location = f.catalog.locations().get(0);

        assertThatThrownBy(() -> f.catalog.updateLocation(location.id(), "file", other.toString()))
                .isInstanceOf(CatalogException.class).hasMessageContaining("comes from the portal's configuration")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(CatalogException.Reason.CONFLICT));
        assertThat(f.catalog.locations()).containsExactly(location);
    }

    @Test
    void queryPagesInIdOrderWithTheTotalOfAllMatchesOnEveryPage() throws Exception {
        f = new CatalogFixture(dir);
        for (String name : List.of("a", "b", "c", "d")) {
            f.catalog.addLocation("file", f.write("team/" + name + "/catalog-info.yaml", component(name, "team-a", null)).toString(),
                    false);
        }
        f.catalog.addLocation("file", f.write("other/catalog-info.yaml", component("other", "team-a", null)).toString(), false);
        List<CatalogLocation> team = f.catalog.locations().stream().filter(l -> l.target().contains("/team/"))
                .sorted(Comparator.comparing(CatalogLocation::id)).toList();
        EntityPredicate underTeam = predicate("{\"type\": \"file\", \"target\": {\"$hasPrefix\": \"" + f.root.resolve("team") + "\"}}");

        LocationPage first = f.catalog.locations(underTeam, null, 3);
        LocationPage second = f.catalog.locations(underTeam, first.items().get(2).id(), 3);

        assertThat(first.items()).containsExactlyElementsOf(team.subList(0, 3));
        assertThat(first.totalItems()).isEqualTo(4);
        assertThat(first.more()).isTrue();
        assertThat(second.items()).containsExactly(team.get(3));
        assertThat(second.totalItems()).isEqualTo(4);
        assertThat(second.more()).isFalse();
        assertThat(f.catalog.locations(EntityPredicate.ALL, null, 1000).items()).hasSize(5);
        assertThat(f.catalog.locations(predicate("{\"entityRef\": \"" + team.get(1).entityRef() + "\"}"), null, 10).items())
                .containsExactly(team.get(1));
    }

    @Test
    void queryRefusesOtherPathsAndAnEmptyPageSize() throws Exception {
        f = new CatalogFixture(dir);

        assertThatThrownBy(() -> f.catalog.locations(predicate("{\"spec.target\": \"x\"}"), null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not by 'spec.target'");
        assertThatThrownBy(() -> f.catalog.locations(EntityPredicate.ALL, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 or more, was 0");
    }

    private static Throwable catchThrown(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> entity) {
        return (Map<String, Object>) entity.get("spec");
    }
}
