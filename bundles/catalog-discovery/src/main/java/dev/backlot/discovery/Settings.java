package dev.backlot.discovery;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The provider's settings, from the environment (and the portal's data folder property). */
final class Settings {

    private Settings() {
    }

    static List<Path> roots(Function<String, String> env, Function<String, String> properties) {
        String configured = env.apply("PORTAL_DISCOVERY_ROOTS");
        if (configured != null && !configured.isBlank()) {
            return Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        }
        String data = properties.apply("portal.data");
        if (data == null || data.isBlank()) {
            data = env.apply("PORTAL_DATA");
        }
        return List.of(Path.of(data == null || data.isBlank() ? "./data" : data).resolve("discovery"));
    }

    static long intervalSeconds(Function<String, String> env) {
        try {
            long seconds = Long.parseLong(env.apply("PORTAL_DISCOVERY_INTERVAL_SECONDS"));
            return Math.max(1, seconds);
        } catch (NumberFormatException | NullPointerException e) {
            return 10;
        }
    }
}
