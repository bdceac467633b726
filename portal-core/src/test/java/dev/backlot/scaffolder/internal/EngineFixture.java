package dev.backlot.scaffolder.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.CatalogService;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionListener;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCalls;
import dev.backlot.plugins.internal.GuardedPluginCalls;
import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskEvent;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine on a real H2 database and real files, with a stand-in catalog (templates by ref,
 * registered locations recorded) and a registry holding the plugin actions a test adds.
 */
final class EngineFixture implements AutoCloseable {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Path dir;
    final Database database;
    final Map<String, Entity> entities = new ConcurrentHashMap<>();
    final List<String> registered = new CopyOnWriteArrayList<>();
    final List<Extension<ScaffolderAction>> plugins = new CopyOnWriteArrayList<>();
    final GuardedPluginCalls calls = new GuardedPluginCalls();
    final DefaultScaffolderService service;

    EngineFixture(Path dir) throws Exception {
        this(dir, "jdbc:h2:file:" + dir.resolve("db"), null, 100_000);
    }

    EngineFixture(Path dir, String url, String user, long maxWorkspaceBytes) throws Exception {
        this(dir, Database.open(url, user, null, List.of()), maxWorkspaceBytes,
                NodeLiveness.defaults("test node"), System::currentTimeMillis);
    }

    /**
     * A node on a database of its own ({@code database} is closed with the fixture).
     *
     * @param clock the node's wall clock: one running behind writes heartbeats that look old to others
     */
    EngineFixture(Path dir, Database database, long maxWorkspaceBytes, NodeLiveness liveness,
            java.util.function.LongSupplier clock) throws Exception {
        this(dir, database, maxWorkspaceBytes, liveness, clock,
                dev.backlot.catalog.LocationReader.refusing("the test gave no reader"));
    }

    /** A node whose fetch actions read url and git locations through {@code reader}. */
    EngineFixture(Path dir, Database database, long maxWorkspaceBytes, NodeLiveness liveness,
            java.util.function.LongSupplier clock, dev.backlot.catalog.LocationReader reader) throws Exception {
        this.dir = dir;
        this.database = database;
        this.service = new DefaultScaffolderService(database, catalog(), registry(),
                new ScaffolderSettings(2, maxWorkspaceBytes, Duration.ofSeconds(30), dir.resolve("data")), liveness,
                null, clock, reader);
        service.start();
    }

    /** Writes {@code template.yaml} (and the given files) under {@code templates/<name>} and lists it. */
    Entity template(String name, String yaml, Map<String, String> files) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("templates").resolve(name));
        Path file = folder.resolve("template.yaml");
        Files.writeString(file, yaml);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = folder.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = YAML.readValue(yaml, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = new java.util.LinkedHashMap<>((Map<String, Object>) tree.get("metadata"));
        metadata.put("namespace", "default");
        metadata.put("annotations", Map.of("backstage.io/managed-by-location", "file:" + file));
        tree.put("metadata", metadata);
        Entity entity = Entity.fromTree(tree);
        entities.put(entity.ref().canonical(), entity);
        return entity;
    }

    ScaffolderTask await(String id) throws InterruptedException {
        return await(id, 0);
    }

    /** The task once a completion event after {@code after} arrived. */
    ScaffolderTask await(String id, long after) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (TaskEvent e : service.awaitEvents(id, after, Duration.ofSeconds(1))) {
                after = e.id();
                if (e.isCompletion()) {
                    return service.task(id).orElseThrow();
                }
            }
        }
        throw new AssertionError("task " + id + " did not end within 30 s");
    }

    long lastEvent(String id) {
        List<TaskEvent> events = service.events(id, 0);
        return events.isEmpty() ? 0 : events.get(events.size() - 1).id();
    }

    List<String> messages(String id) {
        List<String> out = new ArrayList<>();
        service.events(id, 0).forEach(e -> out.add(String.valueOf(e.body().get("message"))));
        return out;
    }

    private CatalogService catalog() {
        return (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CatalogService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "entity" -> Optional.ofNullable(entities.get(((EntityRef) args[0]).canonical()));
                    case "addLocation" -> {
                        if (!(Boolean) args[2]) {
                            registered.add(args[0] + ":" + args[1]);
                        }
                        yield new CatalogService.AddedLocation(new CatalogLocation("id", (String) args[0], (String) args[1]),
                                List.of(Entity.fromTree(Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component",
                                        "metadata", Map.of("name", "made"), "spec", Map.of()))), false);
                    }
                    case "toString" -> "fake catalog";
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ExtensionRegistry registry() {
        return new ExtensionRegistry() {
            @Override
            @SuppressWarnings("unchecked")
            public <S> List<Extension<S>> extensions(Class<S> type) {
                return type == ScaffolderAction.class ? (List<Extension<S>>) (List<?>) List.copyOf(plugins) : List.of();
            }

            @Override
            public <S> Subscription addListener(Class<S> type, ExtensionListener<S> listener) {
                return () -> { };
            }

            @Override
            public PluginCalls calls() {
                return calls;
            }

            @Override
            public Optional<URL> entry(long bundleId, String path) {
                return Optional.empty();
            }

            @Override
            public Optional<Long> revision(long bundleId) {
                return Optional.empty();
            }
        };
    }

    @Override
    public void close() {
        service.close();
        calls.close();
        database.close();
    }
}
