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
 * <p>0.3.0 added {@link dev.backlot.model.SafeLinks}.
 *
 * <p>The package is exported into the plugin framework with the version below; a change that breaks
 * a bundle compiled against it must raise the major version.
 */
@Export
@Version("0.3.0")
package dev.backlot.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
