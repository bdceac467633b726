/**
 * UI extension point: {@link dev.backlot.spi.ui.UiContribution} puts a Facelets fragment that lives
 * inside the bundle into a named slot of the portal's pages.
 */
@Export
@Version("0.1.0")
package dev.backlot.spi.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
