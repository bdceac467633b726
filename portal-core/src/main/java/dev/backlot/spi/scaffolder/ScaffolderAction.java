package dev.backlot.spi.scaffolder;

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
 *
 * <p><b>Threading:</b> one call per step, possibly concurrent with other tasks' calls.
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
     * Runs the step.
     *
     * @param context the step's input, a log and a place for outputs
     * @throws Exception to fail the step; the message is shown to the user
     */
    void execute(ActionContext context) throws Exception;
}
