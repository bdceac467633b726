/** The example-hello plugin: private to the bundle, nothing exported. */
package dev.backlot.example.hello;
