package dev.backlot.scaffolder.internal;

import dev.backlot.spi.scaffolder.ActionContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The {@link ActionContext} of one step of one task. */
final class StepContext implements ActionContext {

    private final Map<String, Object> input;
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final Consumer<String> log;
    private final Workspace workspace;
    private final TemplateSource template;
    private final BooleanSupplier cancelled;
    private final String taskId;
    private final boolean dryRun;
    private final Map<String, String> secrets;
    private final String userRef;
    private Map<String, String> settings = Map.of();

    StepContext(Map<String, Object> input, Consumer<String> log, Workspace workspace, TemplateSource template,
            BooleanSupplier cancelled, String taskId, boolean dryRun, Map<String, String> secrets, String userRef) {
        this.input = input;
        this.log = log;
        this.workspace = workspace;
        this.template = template;
        this.cancelled = cancelled;
        this.taskId = taskId;
        this.dryRun = dryRun;
        this.secrets = secrets;
        this.userRef = userRef;
    }

    @Override
    public Map<String, Object> input() {
        return input;
    }

    @Override
    public void log(String line) {
        log.accept(line == null ? "" : line);
    }

    @Override
    public synchronized void output(String name, Object value) {
        outputs.put(name, Json.plain(value));
    }

    synchronized Map<String, Object> outputs() {
        return new LinkedHashMap<>(outputs);
    }

    @Override
    public Path workspacePath() {
        return workspace.root();
    }

    @Override
    public Path resolveInWorkspace(String relative) {
        return workspace.resolve(relative);
    }

    Workspace workspace() {
        return workspace;
    }

    TemplateSource template() {
        return template;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @Override
    public Map<String, String> secrets() {
        return secrets;
    }

    StepContext withSettings(Map<String, String> settings) {
        this.settings = settings;
        return this;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public String userRef() {
        return userRef;
    }
}
