/** The catalog discovery provider plugin: private to the bundle, nothing exported. */
package dev.backlot.discovery;
