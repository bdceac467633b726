package dev.backlot.scaffolder;

import java.util.List;
import java.util.Map;

/**
 * What a dry-run did in its throw-away workspace.
 *
 * @param log the events the run wrote
 * @param steps each step's id, name, action, status and outputs
 * @param files the files it produced: {@code path} and {@code base64Content}
 * @param output the template's {@code output}, rendered
 * @param status {@code completed} or {@code failed}
 */
public record DryRunResult(List<TaskEvent> log, List<Map<String, Object>> steps, List<Map<String, Object>> files,
        Map<String, Object> output, String status) {
}
