/**
 * Catalog extension points: {@link dev.backlot.spi.catalog.EntityProcessor} (validate and enrich
 * entities as they are processed) and {@link dev.backlot.spi.catalog.EntityProvider} (push entities
 * from an outside source into the catalog).
 *
 * <p>A bundle registers an implementation as an OSGi service, normally with Declarative Services:
 *
 * <pre>{@code
 * @Component(service = EntityProcessor.class, property = "service.ranking:Integer=100")
 * public class LintProcessor implements EntityProcessor {
 *     public Entity process(Entity entity, ProcessingContext context) { ... }
 * }
 * }</pre>
 *
 * <p>The portal looks services up at the moment of use and never keeps one past a call, so a
 * bundle may be updated or removed at any time.
 *
 * <p>1.0.0 is the first release; from it on the build's baseline check holds this package to
 * semantic versioning.
 */
@Export
@Version("1.0.0")
package dev.backlot.spi.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
