package dev.backlot.plugins;

import java.util.Objects;

/**
 * A bundle jar the portal ships (built-in plugins, the framework's own services).
 *
 * @param fileName the jar's file name, for messages
 * @param bytes the jar
 */
public record BundleSource(String fileName, byte[] bytes) {
    public BundleSource {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(bytes, "bytes");
    }
}
