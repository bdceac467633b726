/**
 * The example-ui plugin: private to the bundle, nothing exported. The models are public classes
 * in this private package, which is all Facelets needs to call their methods from a fragment.
 */
package dev.backlot.example.ui;
