package dev.backlot.scaffolder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of a template, as stored: never carries secrets.
 *
 * @param id the task id (a UUID)
 * @param templateRef the template's entity ref, e.g. {@code template:default/java-service}
 * @param status where the task is
 * @param values the parameters the user gave (secrets are never among them)
 * @param steps each step's id, name, action and status ({@code open}, {@code processing},
 *     {@code completed}, {@code failed}, {@code skipped}, {@code cancelled})
 * @param output the template's {@code output} once completed ({@code links}, {@code text}, ...)
 * @param createdBy the account that ran it, {@code null} for an anonymous dry-run
 * @param error the reason a task failed or was cancelled, {@code null} otherwise
 */
public record ScaffolderTask(String id, String templateRef, TaskStatus status, Map<String, Object> values,
        List<Map<String, Object>> steps, Map<String, Object> output, String createdBy, Instant createdAt,
        Instant lastHeartbeatAt, String error) {

    public ScaffolderTask {
        values = values == null ? Map.of() : values;
        steps = steps == null ? List.of() : steps;
        output = output == null ? Map.of() : output;
    }
}
