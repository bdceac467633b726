package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.component;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.catalog.CatalogException;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.ProcessingProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the catalog tells a page before and after a change: what a registration would leave out and
 * why, what removing a location takes with it, when and where a processing error was reported.
 */
class CatalogExplanationsTest {

    @TempDir
    Path dir;
    private CatalogFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CatalogFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aDryRunListsInvalidAndConflictingEntitiesAndWarnsAboutMissingReferences() throws Exception {
        Path first = f.write("first/catalog-info.yaml", component("taken", "team-a", null));
        f.catalog.addLocation("file", first.toString(), false);
        f.idle();
        Path second = f.write("second/catalog-info.yaml", component("taken", "team-a", null) + "---\n"
                + component("Not a valid name!", "team-a", null) + "---\n" + component("fine", "nobody-here", null));

        CatalogService.AddedLocation preview = f.catalog.addLocation("file", second.toString(), true);

        assertThat(preview.entities()).extracting(e -> e.name()).containsExactly("fine");
        assertThat(preview.rejected()).anySatisfy(r -> {
            assertThat(r.conflict()).isTrue();
            assertThat(r.entityRef()).isEqualTo("component:default/taken");
            assertThat(r.reason()).contains("Already provided by", first.toString());
        }).anySatisfy(r -> {
            assertThat(r.conflict()).isFalse();
            assertThat(r.reason()).contains("metadata.name");
        });
        assertThat(preview.warnings()).anySatisfy(w -> {
            assertThat(w.entityRef()).isEqualTo("component:default/fine");
            assertThat(w.message()).contains("ownedBy", "group:default/nobody-here", "not in the catalog");
        });
    }

    @Test
    void aDryRunOfBrokenYamlSaysWhereWithLineAndColumn() throws Exception {
        Path broken = f.write("broken/catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n"
                + "  name: [oops\n");

        assertThatThrownBy(() -> f.catalog.addLocation("file", broken.toString(), true))
                .isInstanceOf(CatalogException.class).hasMessageContaining("not valid YAML").hasMessageContaining("line")
                .hasMessageContaining("column");
    }

    @Test
    void theRemovalPreviewNamesEveryEntityTheLocationBrought() throws Exception {
        Path file = f.write("three/catalog-info.yaml", component("a", "team", null) + "---\n" + component("b", "team", null)
                + "---\n" + component("c", "team", null));
        CatalogLocation location = f.catalog.addLocation("file", file.toString(), false).location();
        f.idle();

        CatalogService.LocationRemoval plan = f.catalog.previewRemoval(location.id());

        assertThat(plan.location()).isEqualTo(location);
        assertThat(plan.entities()).containsExactly("component:default/a", "component:default/b", "component:default/c",
                location.entityRef());
        f.catalog.removeLocation(location.id());
        f.idle();
        assertThat(f.catalog.locations()).doesNotContain(location);
        assertThatThrownBy(() -> f.catalog.previewRemoval(location.id())).isInstanceOf(CatalogException.class);
    }

    @Test
    void processingProblemsSayWhichLocationReportedThemAndWhen() throws Exception {
        Path file = f.write("bad/catalog-info.yaml", component("Not valid!", "team", null));
        CatalogLocation location = f.catalog.addLocation("file", file.toString(), false).location();
        f.idle();

        assertThat(f.catalog.processingProblems()).anySatisfy(p -> {
            assertThat(p.locationId()).isEqualTo(location.id());
            assertThat(p.at()).isNotNull();
            assertThat(p.conflict()).isFalse();
        });
        assertThat(f.catalog.processingProblems()).extracting(ProcessingProblem::error)
                .containsExactlyElementsOf(f.catalog.processingErrors());
    }
}
