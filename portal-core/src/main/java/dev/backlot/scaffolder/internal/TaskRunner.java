package dev.backlot.scaffolder.internal;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.scaffolder.TaskStatus;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the steps of one task (or dry-run) in order: {@code if:} and {@code each:}, the input
 * rendered and validated against the action's schema, the action called through the plugin guard
 * with the step's time limit, its outputs kept for later steps, the workspace's size checked after
 * every step. Stops at the first failure, and between steps when cancelled.
 */
final class TaskRunner {

    /** What the runner tells the outside: log events and step states as they change. */
    interface Sink {
        void event(String type, Map<String, Object> body);

        void steps(List<Map<String, Object>> steps);

        /** Called on the task's thread around each action call (a cancel may interrupt it only then). */
        default void acting(boolean inAction) {
        }
    }

    record Outcome(TaskStatus status, Map<String, Object> output, String error, List<Map<String, Object>> steps) {
    }

    /** What the runner needs of one task. */
    record Job(String taskId, Map<String, Object> template, Map<String, Object> values, Map<String, String> secrets,
            Map<String, Object> user, TemplateSource source, Workspace workspace, boolean dryRun) {
    }

    private final ActionCatalog actions;
    private final TemplateExpressions expressions;
    private final Duration stepTimeout;

    private final Map<String, String> actionSettings;

    TaskRunner(ActionCatalog actions, TemplateExpressions expressions, Duration stepTimeout,
            Map<String, String> actionSettings) {
        this.actionSettings = actionSettings;
        this.actions = actions;
        this.expressions = expressions;
        this.stepTimeout = stepTimeout;
    }

    /** The initial state of every step of a template. */
    static List<Map<String, Object>> initialSteps(Map<String, Object> template) {
        List<Map<String, Object>> out = new ArrayList<>();
        int i = 0;
        for (Map<String, Object> step : steps(template)) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("id", step.getOrDefault("id", "step-" + i));
            state.put("name", step.getOrDefault("name", step.getOrDefault("id", "step " + i)));
            state.put("action", step.get("action"));
            state.put("status", "open");
            out.add(state);
            i++;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> template) {
        Object steps = template.get("steps");
        List<Map<String, Object>> out = new ArrayList<>();
        if (steps instanceof List<?> list) {
            for (Object s : list) {
                if (s instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    Outcome run(Job job, Sink sink, BooleanSupplier cancelled) {
        List<Map<String, Object>> states = initialSteps(job.template());
        List<Map<String, Object>> steps = steps(job.template());
        Map<String, Object> stepOutputs = new LinkedHashMap<>();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("parameters", job.values());
        context.put("secrets", new LinkedHashMap<>(job.secrets()));
        context.put("user", job.user());
        context.put("steps", stepOutputs);
        context.put("templateInfo", Map.of("entityRef", String.valueOf(job.template().getOrDefault("entityRef", ""))));
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> step = steps.get(i);
            Map<String, Object> state = states.get(i);
            String stepId = String.valueOf(state.get("id"));
            if (cancelled.getAsBoolean()) {
                return cancel(states, i, sink);
            }
            state.put("status", "processing");
            state.put("startedAt", java.time.Instant.now().toString());
            sink.steps(states);
            log(sink, stepId, "Beginning step " + state.get("name"), "processing");
            try {
                if (step.containsKey("if") && !expressions.truthy(step.get("if"), context)) {
                    state.put("status", "skipped");
                    log(sink, stepId, "Skipping step " + stepId + " because its if condition was false", "skipped");
                    sink.steps(states);
                    continue;
                }
                String actionId = String.valueOf(step.get("action"));
                Extension<ScaffolderAction> action = actions.find(actionId).orElseThrow(() ->
                        new StepFailure("Template action with ID '" + actionId + "' is not registered (see"
                                + " /api/scaffolder/v2/actions for the installed ones)"));
                Map<String, Object> outputs = new LinkedHashMap<>();
                if (step.containsKey("each")) {
                    Object each = expressions.evaluate(step.get("each"), context);
                    List<Map<String, Object>> items = items(each);
                    List<Object> perItem = new ArrayList<>();
                    for (Map<String, Object> item : items) {
                        if (cancelled.getAsBoolean()) {
                            return cancel(states, i, sink);
                        }
                        context.put("each", item);
                        Map<String, Object> out = runAction(job, step, stepId, action, context, sink, cancelled);
                        perItem.add(out);
                        outputs.putAll(out);
                    }
                    context.remove("each");
                    outputs.put("results", perItem);
                } else {
                    outputs = runAction(job, step, stepId, action, context, sink, cancelled);
                }
                stepOutputs.put(stepId, Map.of("output", outputs));
                job.workspace().checkSize();
                state.put("status", "completed");
                state.put("endedAt", java.time.Instant.now().toString());
                if (job.dryRun()) {
                    state.put("output", outputs);
                }
                log(sink, stepId, "Finished step " + state.get("name"), "completed");
                sink.steps(states);
            } catch (RuntimeException | InterruptedException e) {
                if (cancelled.getAsBoolean()) {
                    return cancel(states, i, sink);
                }
                String reason = "Step " + stepId + " (" + step.get("action") + ") failed: " + message(e);
                state.put("status", "failed");
                state.put("endedAt", java.time.Instant.now().toString());
                log(sink, stepId, reason, "failed");
                for (int j = i + 1; j < states.size(); j++) {
                    states.get(j).put("status", "skipped");
                }
                sink.steps(states);
                return new Outcome(TaskStatus.FAILED, Map.of(), reason, states);
            }
        }
        Map<String, Object> output = new LinkedHashMap<>();
        try {
            Object rendered = expressions.evaluate(job.template().getOrDefault("output", Map.of()), context);
            if (rendered instanceof Map<?, ?> map) {
                map.forEach((k, v) -> output.put(String.valueOf(k), v));
            }
        } catch (RuntimeException e) {
            String reason = "The template's output could not be rendered: " + message(e);
            sink.event("log", Map.of("message", reason));
            return new Outcome(TaskStatus.FAILED, Map.of(), reason, states);
        }
        return new Outcome(TaskStatus.COMPLETED, output, null, states);
    }

    private Map<String, Object> runAction(Job job, Map<String, Object> step, String stepId,
            Extension<ScaffolderAction> action, Map<String, Object> context, Sink sink, BooleanSupplier cancelled)
            throws InterruptedException {
        Object rendered = expressions.evaluate(step.getOrDefault("input", Map.of()), context);
        Map<String, Object> input = rendered instanceof Map<?, ?> ? Json.plainMap(castMap(rendered)) : new LinkedHashMap<>();
        // an expression that rendered to nothing leaves the key out, as undefined does in Backstage
        input.values().removeIf(java.util.Objects::isNull);
        Map<String, Object> schema;
        try {
            schema = actions.guard().call(action, "ScaffolderAction.inputSchema", Duration.ofSeconds(1),
                    () -> action.service().inputSchema());
        } catch (PluginCallException e) {
            throw new StepFailure("the action's input schema could not be read: " + e.getMessage());
        }
        Map<String, String> problems = SchemaValidation.validate(Json.plainMap(schema), input);
        if (!problems.isEmpty()) {
            throw new StepFailure("Invalid input passed to action " + step.get("action") + ": "
                    + SchemaValidation.describe(problems));
        }
        if (job.dryRun()) {
            log(sink, stepId, "Running " + step.get("action") + " in dry-run mode with inputs: " + Json.write(input),
                    "processing");
            if (!supportsDryRun(action)) {
                // Backstage's rule: it could push, deploy, register...; later steps get stand-ins
                log(sink, stepId, "Skipping because " + step.get("action") + " does not support dry-run", "processing");
                return DryRunOutputs.from(outputSchema(action));
            }
        }
        StepContext stepContext = new StepContext(input, line -> log(sink, stepId, line, "processing"),
                job.workspace(), job.source(), cancelled, job.taskId(), job.dryRun(), job.secrets(),
                String.valueOf(((Map<?, ?>) job.user()).get("ref"))).withSettings(actionSettings);
        sink.acting(true);
        try {
            actions.guard().call(action, "ScaffolderAction.execute", stepTimeout, () -> {
                action.service().execute(stepContext);
                return null;
            });
        } catch (PluginCallException e) {
            sink.acting(false);
            if (Thread.interrupted() || cancelled.getAsBoolean()) {
                throw new InterruptedException("cancelled");
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StepFailure(message(cause));
        } finally {
            sink.acting(false);
        }
        return stepContext.outputs();
    }

    private boolean supportsDryRun(Extension<ScaffolderAction> action) {
        try {
            return actions.guard().call(action, "ScaffolderAction.supportsDryRun", Duration.ofSeconds(1),
                    () -> action.service().supportsDryRun());
        } catch (PluginCallException e) {
            return false; // counted against the plugin; not running it is the safe side
        }
    }

    private Map<String, Object> outputSchema(Extension<ScaffolderAction> action) {
        try {
            Map<String, Object> schema = actions.guard().call(action, "ScaffolderAction.outputSchema",
                    Duration.ofSeconds(1), () -> action.service().outputSchema());
            return schema == null ? Map.of() : Json.plainMap(schema);
        } catch (PluginCallException e) {
            return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<Map<String, Object>> items(Object each) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (each instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(Map.of("key", i, "value", list.get(i) == null ? "" : list.get(i)));
            }
        } else if (each instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.add(Map.of("key", String.valueOf(k), "value", v == null ? "" : v)));
        } else {
            throw new StepFailure("each: must be a list or an object, was " + (each == null ? "nothing" : each));
        }
        if (out.size() > 1000) {
            throw new StepFailure("each: more than 1000 items");
        }
        return out;
    }

    private static Outcome cancel(List<Map<String, Object>> states, int from, Sink sink) {
        for (int j = from; j < states.size(); j++) {
            Object status = states.get(j).get("status");
            if ("open".equals(status) || "processing".equals(status)) {
                states.get(j).put("status", "cancelled");
            }
        }
        sink.steps(states);
        return new Outcome(TaskStatus.CANCELLED, Map.of(), "Cancelled by the user", states);
    }

    private static void log(Sink sink, String stepId, String message, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("stepId", stepId);
        body.put("status", status);
        sink.event("log", body);
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof PluginCallException && e.getCause() != null && e.getCause().getMessage() != null) {
            m = e.getCause().getMessage();
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** A step's failure with a message for the user. */
    static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailure(String message) {
            super(message);
        }
    }

    static Optional<String> none() {
        return Optional.empty();
    }
}
