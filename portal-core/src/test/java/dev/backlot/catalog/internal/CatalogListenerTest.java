package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.component;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other engines follow the catalog through its listener: told of every committed change. */
class CatalogListenerTest {

    @TempDir
    Path dir;

    @Test
    void listenersAreToldOfAddedChangedAndRemovedEntitiesAfterCommit() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            List<Set<String>> heard = new CopyOnWriteArrayList<>();
            f.catalog.addListener(heard::add);
            Path file = f.write("svc/catalog-info.yaml", component("svc", "team-a", null));

            String id = f.catalog.addLocation("file", file.toString(), false).location().id();
            f.idle();
            CatalogFixture.eventually(() -> heard.stream().anyMatch(s -> s.contains("component:default/svc")), "added");
            assertThat(f.trees.entity("component", "default", "svc")).as("committed when told").isPresent();

            heard.clear();
            f.catalog.removeLocation(id);
            f.idle();
            CatalogFixture.eventually(() -> heard.stream().anyMatch(s -> s.contains("component:default/svc")), "removed");
            assertThat(f.trees.entity("component", "default", "svc")).isEmpty();
        }
    }

    @Test
    void aClosedListenerHearsNothingMore() throws Exception {
        try (CatalogFixture f = new CatalogFixture(dir)) {
            List<Set<String>> heard = new CopyOnWriteArrayList<>();
            f.catalog.addListener(heard::add).close();

            f.catalog.addLocation("file", f.write("a/catalog-info.yaml", component("a", "team-a", null)).toString(), false);
            f.idle();
            Thread.sleep(200);

            assertThat(heard).isEmpty();
        }
    }
}
