/**
 * Software-template extension point: {@link dev.backlot.spi.scaffolder.ScaffolderAction}, a step a
 * template can run, such as {@code fetch:template} or {@code publish:git}. The scaffolder engine
 * finds actions on the whiteboard at the moment a step runs, so a bundle installed while the
 * portal runs is used by the next task, and an update waits for the steps that are running.
 *
 * <pre>{@code
 * @Component(service = ScaffolderAction.class)
 * public class HelloAction implements ScaffolderAction {
 *     public String id() { return "example:hello"; }
 *     public Map<String, Object> inputSchema() {
 *         return Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string")));
 *     }
 *     public void execute(ActionContext context) {
 *         context.output("greeting", "Hello, " + context.input().get("name"));
 *     }
 * }
 * }</pre>
 *
 * <p>0.2.0 added input and output schemas, the workspace, cancellation, secrets and dry-run to
 * the context, all as defaults. 0.3.0 added {@code ScaffolderAction.supportsDryRun()} (default false:
 * a dry-run skips the action and makes its outputs from its output schema).
 *
 * <p><b>Provisional:</b> the build's baseline check reports on it but, as for every 0.x package,
 * does not enforce it, until a release declares it 1.0.0.
 */
@Export
@Version("0.3.0")
package dev.backlot.spi.scaffolder;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
