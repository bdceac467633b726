package dev.backlot.scaffolder;

import dev.backlot.model.EntityRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Software templates: runs Backstage {@code scaffolder.backstage.io/v1beta3} templates from the
 * catalog as durable tasks.
 *
 * <p>Every change names the caller; reads are open like the catalog's. Refusals throw
 * {@link ScaffolderException}; an engine that cannot run (no database) throws
 * {@link dev.backlot.common.ServiceUnavailableException}.
 */
public interface ScaffolderService {

    /**
     * Validates the values against the template's parameters and queues a task.
     *
     * @param caller the signed-in account's name
     * @return the queued task
     * @throws ScaffolderException INVALID with every problem, NOT_FOUND for an unknown template
     */
    ScaffolderTask create(TaskRequest request, String caller);

    Optional<ScaffolderTask> task(String id);

    /**
     * Tasks newest first.
     *
     * @param createdBy only this account's, or all when {@code null}
     */
    List<ScaffolderTask> tasks(String createdBy, int limit);

    /** Events with an id greater than {@code after} (0 for all). */
    List<TaskEvent> events(String taskId, long after);

    /**
     * Waits up to {@code wait} for events after {@code after}, for live streams (no polling of the
     * database meanwhile: the engine wakes waiting readers when it writes an event).
     */
    List<TaskEvent> awaitEvents(String taskId, long after, Duration wait) throws InterruptedException;

    /** Stops a task between steps and interrupts a waiting action; only its author or an admin. */
    void cancel(String taskId, String caller, boolean admin);

    /** Runs a failed or cancelled task again from the start as the same task id. */
    ScaffolderTask retry(String taskId, String caller, boolean admin);

    /** The actions templates can use now, built-ins and plugins. */
    List<ActionInfo> actions();

    /**
     * Runs a template (given as its entity JSON) in a throw-away workspace; actions that change
     * the world (publish, catalog:register) are not run but reported.
     *
     * @param directoryContents optional files to use as the template's folder ({@code path},
     *     {@code base64Content}); otherwise the template's catalog location
     */
    DryRunResult dryRun(Map<String, Object> template, Map<String, Object> values, Map<String, String> secrets,
            List<Map<String, Object>> directoryContents, String caller);

    /**
     * The template's form in Backstage's shape: {@code {title, description, steps: [{title, schema}]}}.
     *
     * @throws ScaffolderException NOT_FOUND when there is no such template
     */
    Map<String, Object> parameterSchema(EntityRef template);

    /**
     * Validates one page's values against its schema: field path (e.g. {@code name},
     * {@code repo/owner}) to message; empty when valid.
     */
    Map<String, String> validate(Map<String, Object> schema, Map<String, Object> values);

    /**
     * Which wizard pages show for the values entered so far, one boolean per page in order: a page
     * (one {@code schema} of {@link #parameterSchema}'s steps) whose page-level
     * {@code if: ${{ ... }}} is false over the values ({@code parameters.x} = field {@code x}) is
     * hidden; a page without {@code if} shows. Creating a task applies the same rule: hidden pages
     * are not validated and their fields' values are dropped.
     *
     * @throws ScaffolderException INVALID naming the page when its {@code if} is not a valid expression
     */
    List<Boolean> shownPages(List<Map<String, Object>> pages, Map<String, Object> values);
}
