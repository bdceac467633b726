package dev.backlot.web.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code portal.jar} started as a separate process with {@code PORTAL_*} variables, on a
 * free loopback port, as a user would start it. Stopped by its process id.
 */
final class RunningPortal implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("portal.jar", "target/portal.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * JVM flags for the portals of integration tests, given to the launcher as {@code JAVA_OPTS}
     * (failsafe sets {@code it.portal.javaOpts}; benchmarks, run outside failsafe, get none and so
     * measure what users run). Failsafe passes {@code -XX:TieredStopAtLevel=1}: a test portal lives
     * a minute, and the optimising compiler's work at start (about a third of the CPU a start costs
     * on 2 cores) never pays back in that time.
     */
    private static final String TEST_JAVA_OPTS = System.getProperty("it.portal.javaOpts", "").trim();

    final int port;
    final Path data;
    final Path log;
    private final Process process;
    final long readyAfterMs;

    private RunningPortal(int port, Path data, Path log, Process process, long readyAfterMs) {
        this.port = port;
        this.data = data;
        this.log = log;
        this.process = process;
        this.readyAfterMs = readyAfterMs;
    }

    /** Starts the jar with these extra variables and waits until {@code /health/ready} is UP. */
    static RunningPortal start(Path data, String logName, Map<String, String> env) throws Exception {
        return start(data, logName, env, true);
    }

    /**
     * Starts the jar and waits until it answers: with {@code up}, until {@code /health/ready} is UP;
     * without, until it answers at all (a portal started with a broken part is never UP).
     */
    static RunningPortal start(Path data, String logName, Map<String, String> env, boolean up) throws Exception {
        int port = freePort();
        Files.createDirectories(data);
        Path log = data.getParent().resolve(logName);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("PORTAL_"));
        if (!TEST_JAVA_OPTS.isEmpty() && !env.containsKey("JAVA_OPTS")) {
            environment.merge("JAVA_OPTS", TEST_JAVA_OPTS, (mine, test) -> mine + " " + test);
        }
        environment.putAll(env);
        environment.put("PORTAL_PORT", String.valueOf(port));
        environment.put("PORTAL_DATA", data.toString());
        long started = System.nanoTime();
        Process process = builder.start();
        RunningPortal portal = new RunningPortal(port, data, log, process, 0);
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("portal.jar exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> ready = portal.get("/health/ready");
                // Not UP: ready once the portal has started and reports its checks (Micro answers 503
                // before the application is initialised, too, without them).
                if (ready.statusCode() == 200 || !up && ready.statusCode() == 503 && ready.body().contains("\"database\"")) {
                    return new RunningPortal(port, data, log, process, (System.nanoTime() - started) / 1_000_000);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        portal.close();
        throw new IllegalStateException("portal.jar was not ready within 240 s; see " + log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The admin password the first start printed, if it printed one. */
    String printedAdminPassword() throws IOException {
        Matcher m = Pattern.compile("sign in as 'admin' with password\\s+(\\S+)").matcher(Files.readString(log));
        return m.find() ? m.group(1) : null;
    }

    /**
     * The process ids of the portal: the launcher's and, when it started the portal in a JVM of its
     * own (its heap defaults), that one's.
     */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>(List.of(process.pid()));
        process.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** Resident memory of the portal's processes in MiB, from /proc (Linux); -1 when unknown. */
    long residentMiB() throws IOException {
        long kib = 0;
        for (long pid : pids()) {
            Path status = Path.of("/proc", String.valueOf(pid), "status");
            if (!Files.exists(status)) {
                continue;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    kib += Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return kib == 0 ? -1 : kib / 1024;
    }

    /** CPU time the portal's processes used so far (user and system), in clock ticks, from /proc (Linux). */
    long cpuTicks() throws IOException {
        long ticks = 0;
        for (long pid : pids()) {
            Path stat = Path.of("/proc", String.valueOf(pid), "stat");
            if (Files.exists(stat)) {
                String text = Files.readString(stat);
                // after "(comm)": state is field 3; utime and stime are fields 14 and 15
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return ticks;
    }

    Map<String, String> listeningSockets() throws Exception {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes());
        ss.waitFor(10, TimeUnit.SECONDS);
        Map<String, String> mine = new HashMap<>();
        for (String line : out.split("\n")) {
            if (pids().stream().anyMatch(pid -> line.contains("pid=" + pid + ","))) {
                String[] cols = line.trim().split("\\s+");
                mine.put(cols[3], line);
            }
        }
        return mine;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Deletes a folder and everything in it (a symbolic link is deleted, never followed); nothing when absent. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
