package dev.backlot.search.internal;

import dev.backlot.catalog.Catalogs;
import dev.backlot.config.PortalConfig;
import dev.backlot.persistence.Database;
import dev.backlot.search.SearchService;
import dev.backlot.search.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/** A real catalog on H2 and a real embedded Solr, both in a temporary folder. */
final class SearchFixture implements AutoCloseable {

    final Path data;
    final Path repos;
    final Database database;
    final Catalogs catalogs;
    final PortalConfig config;
    final FakeExtensions extensions;
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    SearchEngine engine;
    private final SearchSettings settings;

    SearchFixture(Path dir, FakeExtensions extensions) throws Exception {
        this(dir, extensions, SearchSettings.embedded());
    }

    SearchFixture(Path dir, FakeExtensions extensions, SearchSettings settings) throws Exception {
        this.settings = settings;
        this.data = dir.resolve("data");
        this.repos = Files.createDirectories(dir.resolve("repos"));
        this.extensions = extensions;
        config = PortalConfig.from(name -> Optional.ofNullable(Map.of("portal.data", data.toString(),
                "portal.file.roots", repos.toString(), "portal.sample.catalog", "false").get(name)));
        database = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null, List.of());
        catalogs = Catalogs.start(database, extensions, config, scheduler);
        startSearch();
    }

    void startSearch() throws Exception {
        engine = SearchEngine.start(settings, config, database, catalogs.service(), extensions, scheduler,
                List.of());
    }

    SearchService search() {
        return engine.service();
    }

    /** Registers a file location and waits until its entities are in the catalog and the index. */
    void load(String file, String yaml) throws Exception {
        Path path = repos.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, yaml);
        catalogs.service().addLocation("file", path.toString(), false);
        catalogs.service().awaitIdle(Duration.ofSeconds(30));
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " did not happen within 20 s");
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        catalogs.close();
        database.close();
        scheduler.shutdownNow();
    }
}
