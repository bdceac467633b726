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
 */
@Export
@Version("0.1.0")
package dev.backlot.spi.scaffolder;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
