package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.LocationStatus;
import dev.backlot.catalog.ProcessingError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh keeps what did not change: files whose content and parents are as at the last read are
 * not parsed or processed, and their entities stay as stored; a changed file re-processes its own
 * entities only. Real files, real H2.
 */
class CatalogIncrementalRefreshTest {

    @TempDir
    Path dir;

    private static final String ROOT = """
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata: {name: parts}
            spec:
              targets: [./a.yaml, ./b.yaml, ./c.yaml]
            """;

    private static String part(String prefix, String owner) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            yaml.append("---\n").append(component(prefix + "-" + i, owner, null));
        }
        return yaml.toString();
    }

    private CatalogLocation loadParts(CatalogFixture f) throws Exception {
        f.write("parts/a.yaml", part("a", "team-a"));
        f.write("parts/b.yaml", part("b", "team-b"));
        f.write("parts/c.yaml", part("c", "team-c"));
        Path root = f.write("parts/catalog-info.yaml", ROOT);
        CatalogLocation location = f.catalog.addLocation("file", root.toString(), false).location();
        f.idle();
        return location;
    }

    private static LocationStatus.Run lastRun(CatalogFixture f, CatalogLocation location) {
        return f.catalog.locationStatus(location.id()).lastRun().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String etag(CatalogFixture f, String name) {
        Map<String, Object> entity = f.trees.entity("component", "default", name).orElseThrow();
        return (String) ((Map<String, Object>) entity.get("metadata")).get("etag");
    }

    @Test
    void refreshThatFindsNothingChangedProcessesNoEntityFromTheLeafFiles() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            CatalogLocation location = loadParts(f);
            assertThat(lastRun(f, location).entities()).isEqualTo(10); // the Location and nine components
            String before = etag(f, "b-1");

            f.catalog.engine().refresh(location).get();

            LocationStatus.Run run = lastRun(f, location);
            assertThat(run.files()).isEqualTo(4);
            assertThat(run.filesUnchanged()).isEqualTo(3);
            assertThat(run.entities()).isEqualTo(1); // the root file's Location, parsed every time
            assertThat(run.stitched()).isZero();
            assertThat(run.failure()).isEmpty();
            assertThat(etag(f, "b-1")).isEqualTo(before);
            assertThat(f.trees.entity("component", "default", "c-2")).isPresent();
        }
    }

    @Test
    void changedFileReprocessesItsOwnEntitiesOnly() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            CatalogLocation location = loadParts(f);
            String untouched = etag(f, "a-0");

            f.write("parts/b.yaml", part("b", "team-new"));
            f.catalog.engine().refresh(location).get();

            LocationStatus.Run run = lastRun(f, location);
            assertThat(run.filesUnchanged()).isEqualTo(2);
            assertThat(run.entities()).isEqualTo(4); // the Location and b's three components
            assertThat(f.trees.entity("component", "default", "b-2").orElseThrow().toString()).contains("team-new");
            assertThat(etag(f, "a-0")).isEqualTo(untouched);
        }
    }

    @Test
    void fileNoLongerTargetedLosesItsEntitiesWhileTheOthersStay() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            CatalogLocation location = loadParts(f);

            f.write("parts/catalog-info.yaml", ROOT.replace(", ./c.yaml", ""));
            f.catalog.engine().refresh(location).get();
            f.idle();

            assertThat(f.trees.entity("component", "default", "c-0")).isEmpty();
            assertThat(f.trees.entity("component", "default", "a-0")).isPresent();
            assertThat(f.trees.entity("component", "default", "b-2")).isPresent();
        }
    }

    @Test
    void fileWithErrorsIsReadAgainEveryTimeAndItsErrorsStayReported() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            f.write("parts/a.yaml", part("a", "team-a"));
            f.write("parts/b.yaml", part("b", "team-b") + "---\napiVersion: backstage.io/v1alpha1\nkind: Component\n"
                    + "metadata: {name: 'not valid!'}\nspec: {type: service, lifecycle: x, owner: y}\n");
            f.write("parts/c.yaml", part("c", "team-c"));
            Path root = f.write("parts/catalog-info.yaml", ROOT);
            CatalogLocation location = f.catalog.addLocation("file", root.toString(), false).location();
            f.idle();
            List<ProcessingError> before = f.catalog.processingErrors();
            assertThat(before).anyMatch(e -> e.location().endsWith("b.yaml"));

            f.catalog.engine().refresh(location).get();

            assertThat(lastRun(f, location).filesUnchanged()).isEqualTo(2);
            assertThat(f.catalog.processingErrors()).anyMatch(e -> e.location().endsWith("b.yaml"));
        }
    }

    @Test
    void entityMovedFromAnUnchangedFileIntoAChangedOneKeepsTheFirstCopy() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            CatalogLocation location = loadParts(f);

            f.write("parts/c.yaml", part("c", "team-c") + "---\n" + component("a-0", "team-thief", null));
            f.catalog.engine().refresh(location).get();

            assertThat(f.trees.entity("component", "default", "a-0").orElseThrow().toString()).contains("team-a")
                    .doesNotContain("team-thief");
            assertThat(f.catalog.processingErrors()).anyMatch(e -> e.message().contains("component:default/a-0")
                    && e.message().contains("emitted twice"));
        }
    }

    @Test
    void entityRemovedThroughTheApiComesBackAtTheNextRefreshThoughItsFileDidNotChange() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            CatalogLocation location = loadParts(f);
            String uid = CatalogFixture.uid(f.trees.entity("component", "default", "a-1").orElseThrow());

            assertThat(f.catalog.removeEntity(uid)).isTrue();
            assertThat(f.trees.entity("component", "default", "a-1")).isEmpty();
            f.catalog.engine().refresh(location).get();

            assertThat(f.trees.entity("component", "default", "a-1")).isPresent();
            assertThat(lastRun(f, location).filesUnchanged()).isEqualTo(2);
        }
    }

    @Test
    void explicitRefreshProcessesEveryEntityAgain() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            CatalogLocation location = loadParts(f);

            f.catalog.refresh("component:default/a-1");
            f.idle();

            LocationStatus.Run run = lastRun(f, location);
            assertThat(run.filesUnchanged()).isZero();
            assertThat(run.entities()).isEqualTo(10);
        }
    }

    @Test
    void unchangedFileReachedThroughANewParentIsReadAgainForItsNewAncestry() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            CatalogLocation location = loadParts(f);
            Files.writeString(f.root.resolve("parts/catalog-info.yaml"), ROOT.replace("name: parts", "name: renamed"));

            f.catalog.engine().refresh(location).get();
            f.idle();

            assertThat(lastRun(f, location).filesUnchanged()).isZero();
            assertThat(f.catalog.ancestry(new dev.backlot.model.EntityRef("component", "default", "b-0"))
                    .orElseThrow().items().toString()).contains("renamed");
        }
    }
}
