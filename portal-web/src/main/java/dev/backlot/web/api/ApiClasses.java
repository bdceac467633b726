package dev.backlot.web.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * The portal's own resources and providers: the classes under {@code dev.backlot.web} annotated
 * {@link Path} or {@link Provider}, found in the web application's classes.
 *
 * <p>Why not the container's scan: Payara hands JAX-RS every annotated class of every jar in
 * {@code WEB-INF/lib}, and Solr's jar carries JAX-RS resources and filters of its own (its v2 API),
 * which would then serve under {@code /api} and filter every request of it (failing them, since
 * they expect Solr's own server around them). Listing the classes keeps the API to the portal's,
 * while a new resource in the portal's packages still needs no registration.
 */
final class ApiClasses {

    private static final String ROOT = "dev/backlot/web";

    private ApiClasses() {
    }

    static Set<Class<?>> find() {
        ClassLoader loader = ApiClasses.class.getClassLoader();
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(ROOT);
            while (roots.hasMoreElements()) {
                collect(roots.nextElement(), names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the portal's API classes", e);
        }
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(Provider.class)) {
                    classes.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable here (e.g. a class of the launcher): not part of the API
            }
        }
        return classes;
    }

    private static void collect(URL root, Set<String> names) throws IOException {
        if (root.getProtocol().equals("file")) {
            java.nio.file.Path dir;
            try {
                dir = Paths.get(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            java.nio.file.Path base = dir;
            for (int i = 0; i < ROOT.split("/").length; i++) {
                base = base.getParent();
            }
            java.nio.file.Path classesRoot = base;
            try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(className(
                        classesRoot.relativize(f).toString().replace('\\', '/'))));
            }
        } else if (root.openConnection() instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            try (var file = jar.getJarFile()) {
                for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements();) {
                    String entry = e.nextElement().getName();
                    if (entry.startsWith(ROOT + "/") && entry.endsWith(".class")) {
                        names.add(className(entry));
                    }
                }
            }
        }
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
