package dev.backlot.scaffolder.internal;

import dev.backlot.model.Annotations;
import dev.backlot.model.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a template's relative {@code url}s ({@code ./skeleton}) point: the folder of the file the
 * catalog read it from, or a dry-run's uploaded folder. Skeletons are read from here only.
 *
 * @param folder the template's folder, empty when the template came from a location that is not a
 *     file (then fetch actions fail with the reason)
 * @param description where it came from, for messages
 */
record TemplateSource(Optional<Path> folder, String description) {

    static TemplateSource of(Entity template) {
        String location = template.annotations().getOrDefault(Annotations.MANAGED_BY_LOCATION, "");
        return fromLocation(location);
    }

    static TemplateSource fromLocation(String location) {
        if (location.startsWith("file:")) {
            Path file = Path.of(location.substring("file:".length())).toAbsolutePath().normalize();
            Path folder = Files.isDirectory(file) ? file : file.getParent();
            return new TemplateSource(Optional.ofNullable(folder), location);
        }
        return new TemplateSource(Optional.empty(), location.isEmpty() ? "an unknown location" : location);
    }

    /** Resolves a relative url of a fetch action inside the template's folder. */
    Path resolve(String url) {
        Path base = folder.orElseThrow(() -> new IllegalStateException("The template was read from " + description
                + ": only templates read from files can fetch relative skeletons"));
        String relative = url.startsWith("./") ? url.substring(2) : url;
        if (relative.startsWith("http://") || relative.startsWith("https://")) {
            throw new IllegalArgumentException("Fetching from " + Workspace.printable(url)
                    + " is not supported: use a path relative to the template");
        }
        return Workspace.resolveUnder(base, relative, "template's folder");
    }
}
