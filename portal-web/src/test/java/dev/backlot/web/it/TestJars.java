package dev.backlot.web.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundle jars built in memory from test classes and text entries, for the integration tests. */
final class TestJars {

    private TestJars() {
    }

    /**
     * A bundle jar.
     *
     * @param headers manifest headers besides the manifest versions (symbolic name, version, imports, ...)
     * @param classes test classes copied in by their class files
     * @param texts further entries, by path
     */
    static byte[] bundle(Map<String, String> headers, List<Class<?>> classes, Map<String, String> texts) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : classes) {
                String path = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
            for (Map.Entry<String, String> text : texts.entrySet()) {
                jar.putNextEntry(new JarEntry(text.getKey()));
                jar.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A Facelets fragment around {@code body}. */
    static String fragment(String body) {
        return "<ui:composition xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ui=\"jakarta.faces.facelets\">" + body
                + "</ui:composition>";
    }
}
