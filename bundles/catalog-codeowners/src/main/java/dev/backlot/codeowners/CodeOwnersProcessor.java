package dev.backlot.codeowners;

import dev.backlot.model.Entity;
import dev.backlot.spi.catalog.EntityProcessor;
import dev.backlot.spi.catalog.ProcessingContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Adds {@value #ANNOTATION} to entities read from a {@code file} location whose folder (or its
 * {@code .github/} or {@code docs/} folder, as GitHub looks) has a CODEOWNERS file: the owners of
 * the catch-all pattern {@code *}, space-separated, e.g. {@code @acme/payments @grace}.
 *
 * <p>When the owners in CODEOWNERS name no team that matches {@code spec.owner}, the processor
 * reports it: the catalog and the repository disagree about who owns the code.
 */
@Component(service = EntityProcessor.class)
public class CodeOwnersProcessor implements EntityProcessor {

    public static final String ANNOTATION = "backlot.dev/code-owners";
    private static final List<String> PLACES = List.of("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS");

    @Override
    public String name() {
        return "codeowners";
    }

    @Override
    public Entity process(Entity entity, ProcessingContext context) throws IOException {
        Optional<Path> folder = folderOf(context.location());
        if (folder.isEmpty()) {
            return entity;
        }
        for (String place : PLACES) {
            Path file = folder.get().resolve(place);
            if (Files.isRegularFile(file) && Files.size(file) < 1024 * 1024) {
                List<String> owners = CodeOwners.catchAllOwners(Files.readAllLines(file));
                if (owners.isEmpty()) {
                    return entity;
                }
                Object owner = entity.spec().get("owner");
                if (owner instanceof String o && owners.stream().noneMatch(x -> CodeOwners.names(x, o))) {
                    context.error("CODEOWNERS names " + String.join(" ", owners) + " but spec.owner is " + o);
                }
                return entity.withAnnotation(ANNOTATION, String.join(" ", owners));
            }
        }
        return entity;
    }

    private static Optional<Path> folderOf(String location) {
        if (location == null || !location.startsWith("file:")) {
            return Optional.empty();
        }
        String path = location.substring("file:".length());
        try {
            Path file = path.startsWith("//") ? Path.of(URI.create(location)) : Path.of(path);
            return Optional.ofNullable(file.getParent());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
