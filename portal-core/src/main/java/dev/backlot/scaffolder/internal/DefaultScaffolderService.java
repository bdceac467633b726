package dev.backlot.scaffolder.internal;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.LocationReader;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.scaffolder.ActionInfo;
import dev.backlot.scaffolder.DryRunResult;
import dev.backlot.scaffolder.ScaffolderException;
import dev.backlot.scaffolder.ScaffolderService;
import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskEvent;
import dev.backlot.scaffolder.TaskRequest;
import dev.backlot.scaffolder.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scaffolder engine: tasks as database rows, run by a bounded pool of workers.
 *
 * <p>Why a pool of its own rather than the runtime's scheduler: a task step may wait minutes
 * (a push, {@code debug:wait}); on the shared scheduler it would hold up the catalog's work. The
 * pool is bounded ({@link ScaffolderSettings#workers}); queued tasks stay {@code open} rows, so
 * nothing is lost when the portal stops.
 *
 * <p>On a cluster every node runs this engine on the same tables: a task is run by the node that
 * claims it, and only the tasks of nodes that are gone are failed at start ({@link TaskRecovery}).
 *
 * <p>Past 500 lines: the next split is {@link #dryRun} (its own workspace and sink) into a class of
 * its own; the task lifecycle (create, work, cancel, retry, heartbeat) belongs together.
 */
public final class DefaultScaffolderService implements ScaffolderService, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DefaultScaffolderService.class.getName());
    static final String INTERRUPTED_REASON = "The portal stopped while this task was running; nothing after the last"
            + " finished step was done. Retry it to run it again from the start.";

    private final TaskStore store;
    private final CatalogService catalog;
    private final ScaffolderSettings settings;
    private final SecretBox secrets;
    private final TemplateExpressions expressions;
    private final ActionCatalog actions;
    private final TaskRunner runner;
    private final ThreadPoolExecutor workers;
    private final TaskRecovery recovery;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private volatile ScheduledFuture<?> heartbeat;
    private volatile boolean stopping;
    private boolean started;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Object eventsChanged = new Object();

    /** A task this node runs now: its thread's future and the cancel flag. */
    private static final class Running {
        volatile boolean cancelled;
        /** Another node failed the task, taking this one for gone: stop between steps, write nothing more. */
        volatile boolean lost;
        volatile Future<?> future;
        Thread thread;
        boolean inAction;

        /** Interrupts the task's thread only while it waits for an action, never during its own database writes. */
        synchronized void interruptAction() {
            if (inAction && thread != null) {
                thread.interrupt();
            }
        }

        synchronized void acting(boolean on) {
            inAction = on;
            if (!on) {
                Thread.interrupted();
            }
        }
    }

    /** An engine with default heartbeats on a scheduler of its own (tests and tools). */
    public DefaultScaffolderService(dev.backlot.persistence.Database database, CatalogService catalog,
            dev.backlot.plugins.ExtensionRegistry extensions, ScaffolderSettings settings) throws IOException {
        this(database, catalog, extensions, settings, NodeLiveness.defaults(NodeLiveness.describeThisNode(0)), null,
                System::currentTimeMillis, LocationReader.refusing("no reader of url and git locations was configured"));
    }

    /**
     * @param liveness this node's name and how often it beats (see {@link TaskRecovery})
     * @param scheduler the runtime's scheduler for the heartbeat; {@code null}: one of the engine's own
     * @param clock wall-clock milliseconds for heartbeats
     * @param reader reads skeletons beside templates from url and git locations, under the catalog's rules
     */
    public DefaultScaffolderService(dev.backlot.persistence.Database database, CatalogService catalog,
            dev.backlot.plugins.ExtensionRegistry extensions, ScaffolderSettings settings, NodeLiveness liveness,
            ScheduledExecutorService scheduler, LongSupplier clock, LocationReader reader) throws IOException {
        this.store = new TaskStore(database);
        this.recovery = new TaskRecovery(new NodeStore(database), store, liveness, clock);
        this.ownScheduler = scheduler == null;
        this.scheduler = scheduler != null ? scheduler : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backlot-scaffolder-heartbeat");
            t.setDaemon(true);
            return t;
        });
        this.catalog = catalog;
        this.settings = settings;
        this.secrets = SecretBox.inFile(settings.dataDir().resolve("scaffolder").resolve("secrets.key"));
        this.expressions = new TemplateExpressions();
        this.actions = new ActionCatalog(extensions, catalog, expressions, reader);
        this.runner = new TaskRunner(actions, expressions, settings.stepTimeout(), settings.actionSettings());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "backlot-scaffolder-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Joins the cluster as a node, fails the tasks of nodes that are gone (this node's earlier
     * run among them), queues the open ones, and starts the heartbeat, which repeats the look for
     * abandoned and open tasks.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        recovery.join();
        recovery.sweep(this::abandoned);
        try {
            Workspace.delete(settings.workspaces());
        } catch (IOException e) {
            LOG.warning(() -> "Could not clear old workspaces: " + e.getMessage());
        }
        store.openIds(10_000).forEach(this::dispatch);
        long every = recovery.liveness().heartbeat().toMillis();
        heartbeat = scheduler.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The heartbeat; cancels asked on other nodes for tasks this node runs, and tasks left open by a
     * node that is gone, are picked up here too.
     */
    private void beat() {
        try {
            recovery.tick(this::abandoned);
            for (String id : store.cancelRequests(recovery.nodeId())) {
                Running r = running.get(id);
                if (r != null && !r.cancelled) {
                    r.cancelled = true;
                    r.interruptAction();
                }
            }
            if (!stopping) {
                // open longer than a node may stay silent: the node that queued them is gone (or swamped)
                store.openIdsSince(System.currentTimeMillis() - recovery.liveness().timeout().toMillis(), 100)
                        .forEach(this::dispatch);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The scaffolder's heartbeat failed; it is tried again in "
                    + recovery.liveness().heartbeat().toSeconds() + " s", e);
        }
    }

    private void abandoned(String id, String reason) {
        LOG.warning(() -> "Task " + id + " failed: " + reason);
        event(id, "log", Map.of("message", reason, "status", "failed"));
        event(id, "completion", Map.of("message", "Run failed: " + reason, "status", "failed"));
    }

    /** This node's id in {@code scaffolder_node} and {@code scaffolder_task.claimed_by}. */
    public String nodeId() {
        return recovery.nodeId();
    }

    @Override
    public ScaffolderTask create(TaskRequest request, String caller) {
        Entity template = template(request.templateRef());
        Map<String, Object> spec = new LinkedHashMap<>(template.spec());
        Map<String, Object> values = checkedValues(spec.get("parameters"), request.values());
        Map<String, Object> stored = new LinkedHashMap<>();
        spec.put("entityRef", template.ref().canonical());
        stored.put("template", spec);
        stored.put("values", values);
        stored.put("location", template.annotations().getOrDefault(dev.backlot.model.Annotations.MANAGED_BY_LOCATION, ""));
        String id = UUID.randomUUID().toString();
        TaskStore.Row row = new TaskStore.Row(id, template.ref().canonical(), TaskStatus.OPEN, stored,
                secrets.seal(request.secrets()), TaskRunner.initialSteps(spec), Map.of(), null, caller,
                System.currentTimeMillis(), null);
        store.insert(row);
        dispatch(id);
        return row.toTask();
    }

    private Entity template(String templateRef) {
        EntityRef ref;
        try {
            ref = EntityRef.parse(templateRef, "template", EntityRef.DEFAULT_NAMESPACE);
        } catch (RuntimeException e) {
            throw new ScaffolderException(ScaffolderException.Kind.INVALID, "templateRef: " + e.getMessage());
        }
        Entity template = catalog.entity(ref).orElseThrow(() -> new ScaffolderException(
                ScaffolderException.Kind.NOT_FOUND, "No template " + ref.canonical() + " in the catalog"));
        if (!"Template".equalsIgnoreCase(template.kind())) {
            throw new ScaffolderException(ScaffolderException.Kind.INVALID, ref.canonical() + " is not a Template");
        }
        return template;
    }

    private void dispatch(String id) {
        Running r = new Running();
        if (running.putIfAbsent(id, r) != null) {
            return;
        }
        try {
            r.future = workers.submit(() -> work(id, r));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.remove(id);
        }
    }

    private void work(String id, Running r) {
        try {
            if (r.cancelled || stopping || !store.claim(id, recovery.nodeId())) {
                return;
            }
            synchronized (r) {
                r.thread = Thread.currentThread();
            }
            TaskStore.Row row = store.find(id).orElseThrow();
            Map<String, String> open = secrets.open(row.secretsSealed());
            runTask(row, open, r);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Task " + id + " failed outside its steps", e);
            if (store.finishClaimed(id, recovery.nodeId(), TaskStatus.FAILED, Map.of(), "Internal error: " + e.getMessage())) {
                event(id, "completion", Map.of("message", "Run failed: " + e.getMessage(), "status", "failed"));
            }
        } finally {
            running.remove(id);
            Thread.interrupted(); // a cancel's interrupt must not reach the next task on this thread
        }
    }

    @SuppressWarnings("unchecked")
    private void runTask(TaskStore.Row row, Map<String, String> taskSecrets, Running r) {
        String id = row.id();
        Map<String, Object> template = (Map<String, Object>) row.spec().getOrDefault("template", Map.of());
        Map<String, Object> values = (Map<String, Object>) row.spec().getOrDefault("values", Map.of());
        TemplateSource source = TemplateSource.fromLocation(String.valueOf(row.spec().getOrDefault("location", "")));
        TaskRunner.Outcome outcome;
        try (Workspace workspace = new Workspace(settings.workspaces().resolve(id), settings.maxWorkspaceBytes())) {
            TaskRunner.Job job = new TaskRunner.Job(id, template, values, taskSecrets, user(row.createdBy()), source,
                    workspace, false);
            outcome = runner.run(job, sink(id, taskSecrets, r), () -> r.cancelled || r.lost || stopping);
        } catch (IOException e) {
            outcome = new TaskRunner.Outcome(TaskStatus.FAILED, Map.of(), "The workspace could not be made: "
                    + e.getMessage(), row.steps());
        }
        if (stopping && !r.cancelled && outcome.status() != TaskStatus.COMPLETED) {
            return; // left processing: the node's clean stop lets the next node fail it with the reason
        }
        // the workspace is gone before anyone hears that the task ended
        String node = recovery.nodeId();
        if (!store.saveClaimedSteps(id, node, outcome.steps())
                || !store.finishClaimed(id, node, outcome.status(), outcome.output(), outcome.error())) {
            String dropped = outcome.status().json();
            LOG.warning(() -> "Task " + id + " was failed by another node, which took this one for gone; its outcome"
                    + " here (" + dropped + ") is dropped");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", switch (outcome.status()) {
            case COMPLETED -> "Run completed with status: completed";
            case CANCELLED -> "Run cancelled";
            default -> "Run failed: " + outcome.error();
        });
        body.put("status", outcome.status().json());
        body.put("output", outcome.output());
        if (outcome.status() == TaskStatus.CANCELLED) {
            event(id, "cancelled", body);
        }
        event(id, "completion", redact(body, taskSecrets));
    }

    private TaskRunner.Sink sink(String id, Map<String, String> taskSecrets, Running r) {
        return new TaskRunner.Sink() {
            @Override
            public void event(String type, Map<String, Object> body) {
                DefaultScaffolderService.this.event(id, type, redact(body, taskSecrets));
            }

            @Override
            public void steps(List<Map<String, Object>> steps) {
                if (!store.saveClaimedSteps(id, recovery.nodeId(), steps)) {
                    r.lost = true;
                }
            }

            @Override
            public void acting(boolean inAction) {
                r.acting(inAction);
            }
        };
    }

    /** Secret values never reach the log, whatever an action prints. */
    static Map<String, Object> redact(Map<String, Object> body, Map<String, String> taskSecrets) {
        if (taskSecrets.isEmpty()) {
            return body;
        }
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.replaceAll((k, v) -> {
            if (v instanceof String s) {
                for (String secret : taskSecrets.values()) {
                    if (secret != null && secret.length() >= 3) {
                        s = s.replace(secret, "***");
                    }
                }
                return s;
            }
            return v;
        });
        return out;
    }

    private void event(String id, String type, Map<String, Object> body) {
        store.appendEvent(id, type, body);
        synchronized (eventsChanged) {
            eventsChanged.notifyAll();
        }
    }

    /** {@code user.entity} and {@code user.ref}: the catalog User named like the account, else a stand-in. */
    private Map<String, Object> user(String account) {
        Map<String, Object> user = new LinkedHashMap<>();
        if (account == null) {
            user.put("ref", "");
            user.put("entity", Map.of());
            return user;
        }
        String name = account.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        EntityRef ref = new EntityRef("user", EntityRef.DEFAULT_NAMESPACE, name);
        Optional<Entity> entity;
        try {
            entity = catalog.entity(ref);
        } catch (RuntimeException e) {
            entity = Optional.empty();
        }
        user.put("ref", ref.canonical());
        user.put("entity", entity.map(Entity::toTree).orElseGet(() -> Map.of("apiVersion", "backstage.io/v1alpha1",
                "kind", "User", "metadata", Map.of("name", name), "spec", Map.of("profile", Map.of("displayName", account)))));
        return user;
    }

    @Override
    public Optional<ScaffolderTask> task(String id) {
        return validId(id) ? store.find(id).map(TaskStore.Row::toTask) : Optional.empty();
    }

    @Override
    public List<ScaffolderTask> tasks(String createdBy, int limit) {
        return store.list(createdBy, Math.max(1, Math.min(limit, 1000))).stream().map(TaskStore.Row::toTask).toList();
    }

    @Override
    public List<TaskEvent> events(String taskId, long after) {
        return validId(taskId) ? store.events(taskId, after) : List.of();
    }

    @Override
    public List<TaskEvent> awaitEvents(String taskId, long after, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<TaskEvent> events = events(taskId, after);
            long left = deadline - System.nanoTime();
            if (!events.isEmpty() || left <= 0) {
                return events;
            }
            synchronized (eventsChanged) {
                // woken by the next event this node writes; the bound covers events from other nodes
                eventsChanged.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
            }
        }
    }

    @Override
    public void cancel(String taskId, String caller, boolean admin) {
        ScaffolderTask task = owned(taskId, caller, admin);
        if (task.status().finished()) {
            throw new ScaffolderException(ScaffolderException.Kind.CONFLICT, "The task has ended already ("
                    + task.status().json() + ")");
        }
        Running r = running.get(taskId);
        if (r != null) {
            r.cancelled = true;
        }
        if (store.transition(taskId, TaskStatus.OPEN, TaskStatus.CANCELLED)) {
            store.finish(taskId, TaskStatus.CANCELLED, Map.of(), "Cancelled by " + caller);
            event(taskId, "cancelled", Map.of("message", "Run cancelled by " + caller, "status", "cancelled"));
            event(taskId, "completion", Map.of("message", "Run cancelled", "status", "cancelled"));
            return;
        }
        if (r != null) {
            r.interruptAction(); // a waiting action is interrupted; the runner stops before the next step
        } else {
            // another node runs it: it reads the request at its next heartbeat
            store.requestCancel(taskId, caller);
        }
    }

    @Override
    public ScaffolderTask retry(String taskId, String caller, boolean admin) {
        ScaffolderTask task = owned(taskId, caller, admin);
        if (task.status() != TaskStatus.FAILED && task.status() != TaskStatus.CANCELLED) {
            throw new ScaffolderException(ScaffolderException.Kind.CONFLICT, "Only a failed or cancelled task can be"
                    + " retried; this one is " + task.status().json());
        }
        TaskStore.Row row = store.find(taskId).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) row.spec().getOrDefault("template", Map.of());
        if (!store.reopen(taskId, TaskRunner.initialSteps(template))) {
            throw new ScaffolderException(ScaffolderException.Kind.CONFLICT, "The task changed meanwhile; try again");
        }
        event(taskId, "log", Map.of("message", "Retried by " + caller, "status", "open"));
        dispatch(taskId);
        return task(taskId).orElseThrow();
    }

    private ScaffolderTask owned(String taskId, String caller, boolean admin) {
        ScaffolderTask task = task(taskId).orElseThrow(() -> new ScaffolderException(ScaffolderException.Kind.NOT_FOUND,
                "No task " + taskId));
        if (!admin && (caller == null || !caller.equals(task.createdBy()))) {
            throw new ScaffolderException(ScaffolderException.Kind.FORBIDDEN,
                    "Only the user who ran the task, or an admin, may change it");
        }
        return task;
    }

    @Override
    public List<ActionInfo> actions() {
        return actions.list();
    }

    @Override
    @SuppressWarnings("unchecked")
    public DryRunResult dryRun(Map<String, Object> template, Map<String, Object> values, Map<String, String> dryRunSecrets,
            List<Map<String, Object>> directoryContents, String caller) {
        if (template == null || !(template.get("spec") instanceof Map<?, ?>)) {
            throw new ScaffolderException(ScaffolderException.Kind.INVALID, "template must be a Template entity with a spec");
        }
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) template.get("spec"));
        values = checkedValues(spec.get("parameters"), values);
        String id = "dry-run-" + UUID.randomUUID();
        Path base = settings.workspaces().resolve(id);
        List<TaskEvent> log = new ArrayList<>();
        AtomicInteger seq = new AtomicInteger();
        Map<String, String> plainSecrets = dryRunSecrets == null ? Map.of() : dryRunSecrets;
        try (Workspace folder = new Workspace(base.resolve("template"), settings.maxWorkspaceBytes());
                Workspace workspace = new Workspace(base.resolve("workspace"), settings.maxWorkspaceBytes())) {
            TemplateSource source;
            if (directoryContents != null && !directoryContents.isEmpty()) {
                long used = 0;
                for (Map<String, Object> file : directoryContents) {
                    byte[] content = Base64.getDecoder().decode(String.valueOf(file.getOrDefault("base64Content", "")));
                    Path target = folder.resolve(String.valueOf(file.get("path")).replaceFirst("^\\./", ""));
                    folder.write(target, content, used);
                    used += content.length;
                }
                source = new TemplateSource(Optional.of(folder.root()), "the dry-run's files");
            } else {
                Object annotations = template.get("metadata") instanceof Map<?, ?> m ? m.get("annotations") : null;
                Object location = annotations instanceof Map<?, ?> a ? a.get(dev.backlot.model.Annotations.MANAGED_BY_LOCATION) : null;
                source = TemplateSource.fromLocation(location == null ? "" : String.valueOf(location));
            }
            TaskRunner.Job job = new TaskRunner.Job(id, spec, Json.plainMap(values), plainSecrets, user(caller), source,
                    workspace, true);
            TaskRunner.Outcome outcome = runner.run(job, new TaskRunner.Sink() {
                @Override
                public synchronized void event(String type, Map<String, Object> body) {
                    log.add(new TaskEvent(seq.incrementAndGet(), id, type, redact(body, plainSecrets), Instant.now()));
                }

                @Override
                public void steps(List<Map<String, Object>> steps) {
                }
            }, () -> Thread.currentThread().isInterrupted());
            List<Map<String, Object>> files = new ArrayList<>();
            for (String file : workspace.files()) {
                byte[] content = Files.readAllBytes(workspace.resolve(file));
                files.add(Map.of("path", file, "base64Content", Base64.getEncoder().encodeToString(content),
                        "executable", false));
            }
            if (outcome.error() != null) {
                log.add(new TaskEvent(seq.incrementAndGet(), id, "log", Map.of("message", outcome.error(),
                        "status", "failed"), Instant.now()));
            }
            return new DryRunResult(log, outcome.steps(), files, outcome.output(), outcome.status().json());
        } catch (IOException e) {
            throw new ScaffolderException(ScaffolderException.Kind.INVALID, "The dry-run's files could not be written: "
                    + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ScaffolderException(ScaffolderException.Kind.INVALID, e.getMessage());
        } finally {
            try {
                Workspace.delete(base);
            } catch (IOException e) {
                LOG.warning(() -> "Could not remove the dry-run folder " + base + ": " + e.getMessage());
            }
        }
    }

    @Override
    public Map<String, Object> parameterSchema(EntityRef ref) {
        Entity template = template(ref.canonical());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", template.title() != null ? template.title() : template.name());
        out.put("description", template.description() == null ? "" : template.description());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Map<String, Object> page : pages(template.spec().get("parameters"))) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("title", page.getOrDefault("title", "Fill in some steps"));
            step.put("description", page.getOrDefault("description", ""));
            step.put("schema", page);
            steps.add(step);
        }
        out.put("steps", steps);
        return out;
    }

    @Override
    public Map<String, String> validate(Map<String, Object> schema, Map<String, Object> values) {
        return SchemaValidation.validate(schema, values);
    }

    @Override
    public List<Boolean> shownPages(List<Map<String, Object>> pages, Map<String, Object> values) {
        return new PageConditions(expressions).shown(pages, values);
    }

    /**
     * The values a task keeps: every shown page (page-level {@code if} true, or none) validated
     * against the values of the whole form, the fields of hidden pages dropped.
     */
    private Map<String, Object> checkedValues(Object parameters, Map<String, Object> values) {
        List<Map<String, Object>> pages = pages(parameters);
        PageConditions conditions = new PageConditions(expressions);
        Map<String, Object> submitted = Json.plainMap(values == null ? Map.of() : values);
        Map<String, Object> kept = conditions.withoutHidden(pages, submitted);
        Map<String, String> problems = new LinkedHashMap<>();
        for (Map<String, Object> page : conditions.shownPages(pages, submitted)) {
            Map<String, Object> schema = new LinkedHashMap<>(page);
            schema.remove("if"); // the page's condition, not a JSON Schema "if"
            problems.putAll(SchemaValidation.validate(schema, kept));
        }
        if (!problems.isEmpty()) {
            throw new ScaffolderException(ScaffolderException.Kind.INVALID,
                    "The values do not match the template's parameters: " + SchemaValidation.describe(problems));
        }
        return kept;
    }

    /** {@code parameters}: one schema or a list of pages. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> pages(Object parameters) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (parameters instanceof Map<?, ?> m) {
            out.add((Map<String, Object>) m);
        } else if (parameters instanceof List<?> list) {
            for (Object p : list) {
                if (p instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    private static boolean validId(String id) {
        return id != null && id.matches("[0-9a-f-]{36}");
    }

    /** Tasks running on this node now. */
    public int runningCount() {
        return running.size();
    }

    /**
     * Stops the workers; tasks they were running stay {@code processing}, and this node is marked
     * stopped, so the next node that starts or beats fails them with the reason at once.
     */
    @Override
    public void close() {
        stopping = true;
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (started) {
            try {
                recovery.leave();
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not mark this node stopped (its tasks are failed once its heartbeat is "
                        + recovery.liveness().timeout().toSeconds() + " s old): " + e.getMessage());
            }
        }
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }
}
