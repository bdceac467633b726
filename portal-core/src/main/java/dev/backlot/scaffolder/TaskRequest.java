package dev.backlot.scaffolder;

import java.util.Map;

/**
 * What {@code POST /api/scaffolder/v2/tasks} and the wizard hand in.
 *
 * @param templateRef e.g. {@code template:default/java-service}
 * @param values the wizard's values (validated against the template's parameter schema)
 * @param secrets values a template reads as {@code secrets.x}: kept encrypted while the task runs,
 *     removed when it ends, never logged nor shown
 */
public record TaskRequest(String templateRef, Map<String, Object> values, Map<String, String> secrets) {

    public TaskRequest {
        values = values == null ? Map.of() : values;
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }
}
