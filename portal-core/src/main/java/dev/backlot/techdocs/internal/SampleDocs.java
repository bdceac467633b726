package dev.backlot.techdocs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The docs of the sample organisation's components, copied beside its descriptors
 * ({@code PORTAL_DATA/sample-catalog/docs/...}) at every start, as the sample catalog itself is:
 * {@code payment-service} in the MkDocs layout (Markdown), {@code money-lib} in AsciiDoc.
 */
public final class SampleDocs {

    private static final List<String> FILES = List.of(
            "payment-service/mkdocs.yml",
            "payment-service/docs/index.md",
            "payment-service/docs/getting-started.md",
            "payment-service/docs/architecture/overview.md",
            "payment-service/docs/architecture/flow.svg",
            "payment-service/docs/operations/runbook.md",
            "money-lib/index.adoc",
            "money-lib/nav.adoc",
            "money-lib/usage.adoc",
            "money-lib/rounding.adoc",
            "money-lib/partials/currencies.adoc");

    private SampleDocs() {
    }

    /** Copies the sample docs into {@code dataDir/sample-catalog/docs}. */
    public static void install(Path dataDir) throws IOException {
        Path folder = dataDir.resolve("sample-catalog").resolve("docs");
        for (String file : FILES) {
            try (InputStream in = SampleDocs.class.getResourceAsStream("/sample-docs/" + file)) {
                if (in == null) {
                    throw new IOException("sample-docs/" + file + " is missing from portal-core");
                }
                Path target = folder.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
