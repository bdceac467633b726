/** The CODEOWNERS processor plugin: private to the bundle, nothing exported. */
package dev.backlot.codeowners;
