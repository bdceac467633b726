package dev.backlot.scaffolder;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a task's event log, in Backstage's shape.
 *
 * @param id increasing per portal (use as {@code after} to get only later events)
 * @param type {@code log}, {@code completion}, {@code cancelled} or {@code recovered}
 * @param body {@code {message, stepId?, status?}}; a completion's body carries the final {@code output}
 */
public record TaskEvent(long id, String taskId, String type, Map<String, Object> body, Instant createdAt) {

    public boolean isCompletion() {
        return "completion".equals(type);
    }
}
