package dev.backlot.web.view;

import dev.backlot.plugins.PluginHealth;
import dev.backlot.plugins.PluginInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the plugin pages word and draw a plugin: state colours, health, times, what may be changed. */
@Named
@ApplicationScoped
public class PluginDisplay {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * Why the console must not change this plugin, or {@code null} when it may: the framework's own
     * bundles and drop-in jars are managed by other means, and a change here would be undone by them.
     */
    public String readOnlyReason(PluginInfo plugin) {
        return switch (plugin.source() == null ? "" : plugin.source()) {
            case "system" -> "Part of the plugin framework itself; it cannot be changed here";
            case "drop-in" -> "Managed by the drop-in folder: replace or delete " + fileName(plugin.location())
                    + " in the data folder's plugins directory";
            default -> null;
        };
    }

    public boolean isReadOnly(PluginInfo plugin) {
        return readOnlyReason(plugin) != null;
    }

    /**
     * The state in a user's words: {@code running}, {@code stopped}, {@code cannot start} (resolving
     * failed: the problem says which package is missing), {@code starting}, {@code stopping}, {@code failed}.
     */
    public String stateLabel(PluginInfo plugin) {
        String state = plugin.state() == null ? "" : plugin.state();
        return switch (state) {
            case "ACTIVE" -> "running";
            case "RESOLVED" -> plugin.problem() == null ? "stopped" : "cannot start";
            case "INSTALLED" -> "cannot start";
            case "STARTING" -> "starting";
            case "STOPPING" -> "stopping";
            case "UNINSTALLED" -> "removed";
            case "FAILED" -> "failed";
            default -> state.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The PrimeFaces tag severity for an OSGi state. */
    public String severity(String state) {
        return switch (state == null ? "" : state) {
            case "ACTIVE" -> "success";
            case "RESOLVED", "STARTING", "STOPPING" -> "info";
            case "FAILED" -> "danger";
            default -> "warning";
        };
    }

    /** The share of failed calls, 0 to 100, at least 1 when anything failed so the bar shows it. */
    public int failurePercent(PluginHealth health) {
        if (health.calls() == 0 || health.failures() == 0) {
            return 0;
        }
        long percent = Math.round(100.0 * health.failures() / health.calls());
        return (int) Math.max(1, Math.min(100, percent));
    }

    /** {@code No calls yet}, {@code 12 calls, no failures}, {@code 12 calls, 3 failures (1 timeout)}. */
    public String healthSummary(PluginHealth health) {
        if (health.calls() == 0 && health.failures() == 0) {
            return "No calls yet";
        }
        String calls = count(health.calls(), "call");
        if (health.failures() == 0) {
            return calls + ", no failures";
        }
        String timeouts = health.timeouts() == 0 ? "" : " (" + count(health.timeouts(), "timeout") + ")";
        return calls + ", " + count(health.failures(), "failure") + timeouts;
    }

    /** {@code info} before any call, {@code success} without failures, {@code warning} under 10 % failed, {@code danger} from there. */
    public String healthSeverity(PluginHealth health) {
        if (health.calls() == 0 && health.failures() == 0) {
            return "info";
        }
        int percent = failurePercent(health);
        return percent == 0 ? "success" : percent < 10 ? "warning" : "danger";
    }

    /** {@code no-calls}, {@code healthy} or {@code failing}: the CSS state of the health bar. */
    public String healthState(PluginHealth health) {
        return health.calls() == 0 && health.failures() == 0 ? "no-calls" : health.failures() == 0 ? "healthy" : "failing";
    }

    /** A byte count in the unit people use: {@code 50 MiB}, {@code 256 KiB}, {@code 900 bytes}. */
    public String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    /** A point in time as the console shows it, in UTC; empty for none. */
    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** A short name for an extension interface: {@code dev.backlot.spi.scaffolder.ScaffolderAction} → {@code ScaffolderAction}. */
    public String shortName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String fileName(String location) {
        if (location == null) {
            return "its jar";
        }
        String path = location.replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
