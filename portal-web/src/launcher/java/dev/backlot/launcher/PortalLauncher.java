package dev.backlot.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The entry point of {@code portal.jar}: reads the {@code PORTAL_*} settings that Payara Micro
 * itself cannot read, turns them into Micro's command-line options, and starts Micro.
 *
 * <p>Why a launcher: Micro takes its port and options only from arguments, and binds every
 * interface unless a pre-boot command says otherwise. The launcher makes {@code java -jar portal.jar}
 * alone do the right thing:
 * <ul>
 * <li>{@code PORTAL_PORT} (8080) becomes {@code --port};</li>
 * <li>{@code PORTAL_BIND} (127.0.0.1) becomes a pre-boot command that binds the HTTP listener;</li>
 * <li>{@code PORTAL_DATA} ({@code ./data}) holds Micro's root and unpack folders, wiped at every
 *     start so that Micro never redeploys a stale copy of the application it remembered;</li>
 * <li>Hazelcast ({@code --nohazelcast}; with {@code --nocluster} its port 6900 would still open on
 *     every interface) and Payara's usage reporting are off: nothing listens beyond the
 *     HTTP port and nothing calls out.</li>
 * </ul>
 * Arguments given to {@code java -jar portal.jar ...} are passed on after these, so they win.
 * Each setting may also be given as a system property ({@code -Dportal.port=9090}).
 *
 * <p>Started without heap options of its own, the launcher first starts the portal in a second JVM
 * with deliberate heap and GC defaults ({@link JvmDefaults}).
 */
public final class PortalLauncher {

    private PortalLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        Function<String, String> settings = name -> {
            String fromProperty = System.getProperty(name);
            return fromProperty != null ? fromProperty : System.getenv(name.toUpperCase().replace('.', '_'));
        };
        Path jar = ownJar();
        if (JvmDefaults.relaunch(settings, JvmDefaults.jvmArguments(), jar)) {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            System.exit(JvmDefaults.run(JvmDefaults.command(java, JvmDefaults.physicalMemory(), System.getenv(),
                    JvmDefaults.jvmArguments(), jar, args)));
        }
        JvmDefaults.followLauncher();
        Path data = dataDir(settings);
        Path runtime = data.resolve("runtime");
        deleteTree(runtime);
        Files.createDirectories(runtime.resolve("root"));
        Files.createDirectories(runtime.resolve("unpack"));
        Path preboot = runtime.resolve("pre-boot-commands.txt");
        Files.writeString(preboot, String.join("\n", prebootCommands(settings)) + "\n");
        // The application reads the same settings through MicroProfile Config; hand it the resolved
        // data folder so both agree even if the working directory changes.
        System.setProperty("portal.data", data.toString());
        List<String> arguments = arguments(settings, runtime, preboot, args);
        try {
            Class.forName("fish.payara.micro.PayaraMicro").getMethod("main", String[].class)
                    .invoke(null, (Object) arguments.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The jar this class was loaded from, or null when it was not (tests, an IDE). */
    private static Path ownJar() {
        try {
            var source = PortalLauncher.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The absolute data folder: {@code portal.data} / {@code PORTAL_DATA}, default {@code ./data}. */
    static Path dataDir(Function<String, String> settings) {
        String value = settings.apply("portal.data");
        return Path.of(value == null || value.isBlank() ? "./data" : value.trim()).toAbsolutePath().normalize();
    }

    /** Micro's options for these settings, followed by the user's own arguments. */
    static List<String> arguments(Function<String, String> settings, Path runtime, Path preboot, String[] userArgs) {
        String port = orDefault(settings.apply("portal.port"), "8080");
        try {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORTAL_PORT must be a port number 1-65535, was '" + port + "'");
        }
        List<String> out = new ArrayList<>(List.of(
                "--port", port,
                "--rootdir", runtime.resolve("root").toString(),
                "--unpackdir", runtime.resolve("unpack").toString(),
                "--prebootcommandfile", preboot.toString(),
                "--nohazelcast", "--disablephonehome"));
        out.addAll(List.of(userArgs));
        return out;
    }

    /**
     * asadmin commands run before Micro boots: bind the HTTP listener to {@code PORTAL_BIND}, and take
     * the scheme of a request from {@code X-Forwarded-Proto} when a proxy sends it, so that a request
     * a TLS proxy forwards counts as secure (its session cookie gets {@code Secure}). A client that
     * sends the header itself only makes its own cookie {@code Secure}.
     */
    static List<String> prebootCommands(Function<String, String> settings) {
        String bind = orDefault(settings.apply("portal.bind"), "127.0.0.1");
        if (!bind.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw new IllegalArgumentException("PORTAL_BIND must be an address or host name, was '" + bind + "'");
        }
        return List.of("set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=" + bind,
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
                        + ".scheme-mapping=X-Forwarded-Proto",
                // Room for a long search term in a GET request line (Backstage's search client sends the
                // term in the URL; a 10,000-character term percent-encoded is up to 30 KB): the default
                // 8 KiB for request line and headers answered such a search 400 before the portal saw it.
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
                        + ".header-buffer-length-bytes=65536");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /** For tests: the settings of a map, as the environment would give them. */
    static Function<String, String> fromEnvironment(Map<String, String> env) {
        return name -> env.get(name.toUpperCase().replace('.', '_'));
    }
}
