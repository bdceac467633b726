package dev.backlot.scaffolder.internal;

import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.util.List;
import java.util.Map;

/**
 * An action the portal ships. Built-ins rank below every plugin, so a bundle can replace one by
 * registering the same id; they run through the same guard as plugin actions.
 */
abstract class BuiltinAction implements ScaffolderAction {

    private final String id;
    private final String description;
    private final Map<String, Object> inputSchema;

    BuiltinAction(String id, String description, Map<String, Object> inputSchema) {
        this.id = id;
        this.description = description;
        this.inputSchema = inputSchema;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Map<String, Object> inputSchema() {
        return inputSchema;
    }

    /**
     * True: the built-ins touch only the workspace, or (like {@code catalog:fetch}) only read. One
     * with an outside effect ({@code catalog:register}) says false and is skipped in a dry-run.
     */
    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public final void execute(ActionContext context) throws Exception {
        run((StepContext) context);
    }

    abstract void run(StepContext context) throws Exception;

    /** {@code {"type":"object","required":[...],"properties":{...}}}. */
    static Map<String, Object> schema(List<String> required, Map<String, Object> properties) {
        return Map.of("type", "object", "required", required, "properties", properties);
    }

    static Map<String, Object> type(String type) {
        return Map.of("type", type);
    }

    static String string(Map<String, Object> input, String key, String fallback) {
        Object v = input.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    static boolean bool(Map<String, Object> input, String key) {
        Object v = input.get(key);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Map<String, Object> input, String key) {
        Object v = input.get(key);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }
}
