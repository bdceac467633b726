/**
 * The catalog's data model as plugin bundles see it: entities, references and relations in
 * Backstage's {@code backstage.io/v1alpha1} shape.
 *
 * <p>Everything here is an immutable record or a pure function, safe to share between threads and
 * between bundle revisions. Example:
 *
 * <pre>{@code
 * EntityRef owner = EntityRef.parse("team-a", "group", "default"); // group:default/team-a
 * boolean linkable = SafeLinks.isSafe(url);   // only http, https, mailto and relative URLs
 * }</pre>
 *
 * <p>1.0.0 is the first release; from it on the build's baseline check holds this package to
 * semantic versioning.
 *
 * <p>The package is exported into the plugin framework with the version below; a change that breaks
 * a bundle compiled against it must raise the major version.
 */
@Export
@Version("1.0.0")
package dev.backlot.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
