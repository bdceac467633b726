package dev.backlot.launcher;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The portal's heap and GC defaults, and the second JVM that applies them.
 *
 * <p>Why: a JVM started without heap flags takes up to a quarter of the machine's memory and,
 * once it has grown, keeps it: on a 24 GiB machine a 50k-entity load left the portal at 4 to 6 GiB
 * resident although its live data fits in a few hundred MiB. Heap flags cannot be changed once a
 * JVM runs and {@code java -jar} reads none from the jar, so when {@code java -jar portal.jar} is
 * started without any heap setting of its own, the launcher starts the portal in a child JVM with
 * {@link #flags these defaults}, then {@code JAVA_OPTS} (which, coming later, win), then the
 * JVM options it was itself given; it passes its standard streams on, waits, and exits with the
 * child's exit code. Stopping the launcher (SIGTERM, Ctrl-C) stops the child; a child whose
 * launcher died stops too.
 *
 * <p>A heap setting of one's own ({@code -Xmx}, {@code -XX:MaxRAMPercentage}... on the command
 * line or in {@code JDK_JAVA_OPTIONS}/{@code JAVA_TOOL_OPTIONS}) means one JVM, run as given;
 * {@code PORTAL_JVM_DEFAULTS=false} does too.
 */
final class JvmDefaults {

    /** Set in the child, so that it does not start another one, and watches its launcher. */
    static final String CHILD = "portal.launcher.child";

    /** Options that decide the heap: one of them given means the caller chose. */
    private static final List<String> HEAP_OPTIONS = List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAMPercentage",
            "-XX:MaxRAMFraction", "-XX:MaxRAM=", "-XX:InitialRAMPercentage", "-Xms");

    private JvmDefaults() {
    }

    /**
     * The defaults, for a machine of {@code physicalBytes}:
     * <ul>
     * <li>a heap of at most a quarter of the machine and never more than 1 GiB (the catalog's 100k
     *     entities load in 600 MiB), starting at 64 MiB;</li>
     * <li>G1, which gives memory back: a periodic collection after a minute at rest, and a heap kept
     *     at most 30 % free, so that the process shrinks back after a load;</li>
     * <li>bounds on metaspace, code cache and direct buffers, which otherwise have none;</li>
     * <li>on an out-of-memory error, a clean exit instead of a portal half alive.</li>
     * </ul>
     */
    static List<String> flags(long physicalBytes) {
        long quarterMiB = physicalBytes / 4 / (1024 * 1024);
        long heapMiB = Math.max(256, Math.min(1024, quarterMiB));
        return List.of("-Xms64m", "-Xmx" + heapMiB + "m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=200",
                "-XX:G1PeriodicGCInterval=60000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                "-XX:MaxMetaspaceSize=512m", "-XX:ReservedCodeCacheSize=128m", "-XX:MaxDirectMemorySize=256m",
                "-XX:+ExitOnOutOfMemoryError");
    }

    /**
     * Whether this JVM should start the portal in a child with the defaults: not already a child,
     * not told otherwise, no heap option of the caller's own, and started from a jar.
     *
     * @param jvmArguments this JVM's input arguments
     */
    static boolean relaunch(Function<String, String> settings, List<String> jvmArguments, Path jar) {
        if (System.getProperty(CHILD) != null || "false".equalsIgnoreCase(trimmed(settings.apply("portal.jvm.defaults")))) {
            return false;
        }
        boolean ownHeap = jvmArguments.stream().anyMatch(a -> HEAP_OPTIONS.stream().anyMatch(a::startsWith));
        return !ownHeap && jar != null && jar.toString().endsWith(".jar") && Files.isRegularFile(jar);
    }

    /**
     * The child's command: the same {@code java}, the defaults, {@code JAVA_OPTS}, this JVM's own
     * options (those the environment gives every JVM excepted: the child gets them from there
     * again), the child marker, the same jar and arguments.
     */
    static List<String> command(String java, long physicalBytes, Map<String, String> env, List<String> jvmArguments,
            Path jar, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags(physicalBytes));
        command.addAll(words(env.get("JAVA_OPTS")));
        Set<String> fromEnvironment = Set.copyOf(words(env.get("JDK_JAVA_OPTIONS") + " " + env.get("JAVA_TOOL_OPTIONS")));
        jvmArguments.stream().filter(a -> !fromEnvironment.contains(a)).forEach(command::add);
        command.add("-D" + CHILD + "=true");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Runs the child to its end; returns its exit code. */
    static int run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // glibc gives every busy thread its own malloc arena; two keep native memory compact.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process child = builder.start();
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                if (!child.waitFor(60, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "portal-launcher-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for the child itself
        }
        return code;
    }

    /** In the child: exits (cleanly, through the shutdown hooks) when the launcher is gone. */
    static void followLauncher() {
        if (System.getProperty(CHILD) == null) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(143)));
    }

    /** This JVM's input arguments. */
    static List<String> jvmArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** The machine's memory, or 4 GiB when the JVM cannot tell. */
    static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 4L << 30;
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank() || text.equals("null null")) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty() && !w.equals("null")).toList();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
