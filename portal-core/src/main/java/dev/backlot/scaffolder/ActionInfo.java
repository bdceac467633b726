package dev.backlot.scaffolder;

import java.util.Map;

/**
 * One action a template can use.
 *
 * @param plugin the bundle that provides it, {@code backlot-builtin} for the portal's own
 * @param inputSchema its input's JSON Schema, empty when it declares none
 */
public record ActionInfo(String id, String description, Map<String, Object> inputSchema,
        Map<String, Object> outputSchema, String plugin) {
}
