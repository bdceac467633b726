/**
 * The plugin platform as the portal's own code uses it: {@link dev.backlot.plugins.PluginHost} for
 * what is installed, {@link dev.backlot.plugins.ExtensionRegistry} for the services plugins offer.
 * The framework behind it (Apache Felix) stays in {@code internal}.
 */
package dev.backlot.plugins;
