package dev.backlot.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample organisation shipped with the portal: copied into {@code PORTAL_DATA/sample-catalog}
 * at every start (so that it can be edited, and watched, like any file location) and registered
 * as the location {@code file:<that folder>/catalog-info.yaml}.
 */
public final class SampleCatalog {

    private static final List<String> FILES = List.of("catalog-info.yaml", "org.yaml", "systems.yaml", "components.yaml",
            "apis.yaml", "templates.yaml",
            // the java-service template's skeleton (fetch:template reads it beside templates.yaml)
            "skeletons/java-service/catalog-info.yaml", "skeletons/java-service/README.md",
            "skeletons/java-service/pom.xml", "skeletons/java-service/src/main/java/app/Main.java");

    private SampleCatalog() {
    }

    /** Copies the files and returns the location to register, {@code file:<path>}. */
    public static String install(Path dataDir) throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve("sample-catalog"));
        for (String file : FILES) {
            try (InputStream in = SampleCatalog.class.getResourceAsStream("/sample-catalog/" + file)) {
                if (in == null) {
                    throw new IOException("sample-catalog/" + file + " is missing from portal-core");
                }
                Files.createDirectories(folder.resolve(file).getParent());
                Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return location(dataDir);
    }

    /** The location {@link #install} returns, {@code file:<data>/sample-catalog/catalog-info.yaml}. */
    public static String location(Path dataDir) {
        return "file:" + dataDir.resolve("sample-catalog").resolve("catalog-info.yaml");
    }
}
