package dev.backlot.web.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Small plugin jars built in memory, good and bad, for the deploy API and console tests. */
public final class TestJars {

    private TestJars() {
    }

    /** A bundle with a manifest and one text entry: it resolves and starts, and registers nothing. */
    public static byte[] bundle(String symbolicName, String version) {
        return bundle(symbolicName, version, Map.of());
    }

    /** A bundle with extra manifest headers, e.g. {@code Import-Package} or {@code Export-Package}. */
    public static byte[] bundle(String symbolicName, String version, Map<String, String> headers) {
        return jar(symbolicName, version, headers, "readme.txt");
    }

    /** A bundle that imports a package nobody exports. */
    public static byte[] unresolvable(String symbolicName, String missingPackage) {
        return bundle(symbolicName, "1.0.0", Map.of("Import-Package", missingPackage + ";version=\"[1.0,2.0)\""));
    }

    /** A bundle with an entry named to escape any folder it is unpacked into. */
    public static byte[] traversal(String symbolicName) {
        return jar(symbolicName, "1.0.0", Map.of(), "../../evil.txt");
    }

    /** A zip whose central directory is cut off. */
    public static byte[] corrupt() {
        byte[] whole = bundle("com.example.corrupt", "1.0.0");
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** Not a zip at all. */
    public static byte[] notAJar() {
        return "<html>this is not a jar</html>".getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A bundle with code: test classes copied in by their class files, and text entries such as
     * Facelets fragments.
     *
     * @param headers manifest headers besides the manifest versions (symbolic name, version, imports, ...)
     */
    public static byte[] withClasses(Map<String, String> headers, List<Class<?>> classes, Map<String, String> texts) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : classes) {
                String path = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new ZipEntry(path));
                try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
            for (Map.Entry<String, String> text : texts.entrySet()) {
                jar.putNextEntry(new ZipEntry(text.getKey()));
                jar.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A Facelets fragment around {@code body}. */
    public static String fragment(String body) {
        return "<ui:composition xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ui=\"jakarta.faces.facelets\">" + body
                + "</ui:composition>";
    }

    private static byte[] jar(String symbolicName, String version, Map<String, String> headers, String entry) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "Test plugin " + symbolicName);
        new LinkedHashMap<>(headers).forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry(entry));
            jar.write(("version " + version + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
