package dev.backlot.techdocs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.catalog.CatalogListener;
import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.internal.read.PolicyLocationReader;
import dev.backlot.catalog.internal.read.ReadPolicy;
import dev.backlot.model.Entity;
import dev.backlot.techdocs.BuildState;
import dev.backlot.techdocs.BuildStatus;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At start, background builds wait for the check after start (the catalog's whole first processing
 * starts none), while a build someone asks for runs at once.
 */
class StartHoldTest {

    @TempDir
    Path dir;
    ScheduledExecutorService scheduler;
    DefaultTechDocsService service;
    final AtomicReference<CatalogListener> listener = new AtomicReference<>();
    Entity entity;

    @BeforeEach
    void setUp() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo/docs"));
        Files.writeString(repo.resolve("index.md"), "# Home\n");
        Files.writeString(dir.resolve("repo/catalog-info.yaml"), "kind: Component\n");
        entity = new Entity("backstage.io/v1alpha1", "Component", Map.of("name", "payments", "namespace", "default",
                "annotations", Map.of("backstage.io/techdocs-ref", "dir:docs",
                        "backstage.io/managed-by-location", "file:" + dir.resolve("repo/catalog-info.yaml"))),
                Map.of("owner", "team-a"), List.of());
        // the catalog as the engine uses it: one entity, and its listener
        CatalogService catalog = (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CatalogService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "addListener" -> {
                        listener.set((CatalogListener) args[0]);
                        yield (AutoCloseable) () -> listener.set(null);
                    }
                    case "entity" -> Optional.of(entity);
                    case "entities" -> List.of(entity);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        scheduler = Executors.newScheduledThreadPool(2);
        service = new DefaultTechDocsService(catalog, DocsFixture.renderers(), dir.resolve("data"),
                new PolicyLocationReader(ReadPolicy.of(List.of(dir.resolve("repo")), List.of())), scheduler, Limits.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    @Test
    void catalogChangesBeforeTheStartCheckStartNoBuildButAskedForBuildsRunAtOnce() throws Exception {
        service.start(60_000);

        listener.get().entitiesChanged(Set.of("component:default/payments"));
        // a queued build would show at once ("queued"): build() registers it before it returns
        assertThat(service.status(entity.ref()).orElseThrow().state()).isEqualTo(BuildState.NONE);

        BuildStatus asked = service.build(entity.ref(), false).get(30, TimeUnit.SECONDS);
        assertThat(asked.state()).as(asked.message()).isEqualTo(BuildState.READY);
    }

    @Test
    void withoutAHoldCatalogChangesBuild() throws Exception {
        service.start(0);

        listener.get().entitiesChanged(Set.of("component:default/payments"));

        long deadline = System.currentTimeMillis() + 30_000;
        while (service.status(entity.ref()).orElseThrow().state() != BuildState.READY) {
            assertThat(System.currentTimeMillis()).as("built within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
