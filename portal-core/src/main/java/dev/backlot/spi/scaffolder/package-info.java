/**
 * Software-template extension point: {@link dev.backlot.spi.scaffolder.ScaffolderAction}, a step a
 * template can run, such as {@code fetch:template} or {@code publish:git}.
 *
 * <pre>{@code
 * @Component(service = ScaffolderAction.class)
 * public class HelloAction implements ScaffolderAction {
 *     public String id() { return "example:hello"; }
 *     public void execute(ActionContext context) {
 *         context.output("greeting", "Hello, " + context.input().get("name"));
 *     }
 * }
 * }</pre>
 *
 * <p><b>Provisional:</b> no engine consumes this package yet; it may still change incompatibly
 * (with a major version bump) until the scaffolder engine ships, and is left out of the build's
 * baseline check until then.
 */
@Export
@Version("0.1.0")
package dev.backlot.spi.scaffolder;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
