package dev.backlot.spi.scaffolder;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A template step, implemented by plugin bundles and referred to from a template's
 * {@code steps[].action} by its {@link #id()}.
 *
 * <p><b>Conflicts:</b> when two services share an id, the one with the higher
 * {@code service.ranking} runs; built-in actions rank lowest, so a plugin can replace them.
 *
 * <p><b>Outcomes:</b> returning normally means success and the outputs set on the context become
 * the step's outputs; an exception fails the step (and the task) with the exception's message.
 * The step's input is validated against {@link #inputSchema()} before the call.
 *
 * <p><b>Threading:</b> one call per step, possibly concurrent with other tasks' calls, on a thread
 * the portal interrupts when the task is cancelled or the step's time limit passes.
 */
@ConsumerType
public interface ScaffolderAction {

    /** The action id as templates name it, e.g. {@code publish:git}. */
    String id();

    /** One line for the action list; defaults to empty. */
    default String description() {
        return "";
    }

    /**
     * The input's JSON Schema (draft 7) as JSON-like values; empty accepts anything.
     *
     * @since 0.2.0
     */
    default Map<String, Object> inputSchema() {
        return Map.of();
    }

    /**
     * The outputs' JSON Schema, for the action list, and for a dry-run that skips this action: later
     * steps then see stand-ins made from it (each property's first {@code examples} value, else its
     * {@code default}, else a placeholder of its type: {@code "<example>"}, {@code 0}, {@code false},
     * a list of one stand-in, an object of stand-ins).
     *
     * @since 0.2.0
     */
    default Map<String, Object> outputSchema() {
        return Map.of();
    }

    /**
     * Whether {@link #execute} may run in a dry-run ({@code POST /api/scaffolder/v2/dry-run}, the
     * template editor), as Backstage's {@code supportsDryRun}. Return true only when the action
     * changes nothing outside its workspace in a dry-run (check {@link ActionContext#isDryRun()} and
     * skip the outside effects there). The default, false, makes a dry-run skip the action, log
     * that it did, and give later steps outputs made from {@link #outputSchema()}.
     *
     * <p>Called once per step of a dry-run, before the step, through the same guard as every call.
     *
     * @since 0.3.0
     */
    default boolean supportsDryRun() {
        return false;
    }

    /**
     * Runs the step.
     *
     * @param context the step's input, a log, a place for outputs, the workspace
     * @throws Exception to fail the step; the message is shown to the user
     */
    void execute(ActionContext context) throws Exception;
}
