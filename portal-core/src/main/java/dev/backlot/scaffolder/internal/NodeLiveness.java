package dev.backlot.scaffolder.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the nodes of a cluster tell each other they are alive, for the scaffolder's task recovery
 * (see {@link TaskRecovery}).
 *
 * @param nodeName how this node is named in the reasons of tasks it leaves behind, e.g.
 *     {@code portal-2 (pid 4711, port 8080)}; its identity is a fresh id per start, not the name
 * @param heartbeat how often the node writes its heartbeat and looks for abandoned tasks
 *     ({@code PORTAL_SCAFFOLDER_HEARTBEAT_SECONDS}, 5)
 * @param timeout how old another node's heartbeat may grow before its processing tasks are failed
 *     ({@code PORTAL_SCAFFOLDER_NODE_TIMEOUT_SECONDS}, 30; at least three heartbeats). Heartbeats
 *     are wall-clock times written by each node: the nodes' clocks must agree to well within this
 *     bound (NTP does).
 */
public record NodeLiveness(String nodeName, Duration heartbeat, Duration timeout) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public NodeLiveness {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("PORTAL_SCAFFOLDER_HEARTBEAT_SECONDS must be positive, was " + heartbeat);
        }
        if (timeout.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("PORTAL_SCAFFOLDER_NODE_TIMEOUT_SECONDS (" + timeout.toSeconds()
                    + ") must be at least three heartbeats (" + heartbeat.multipliedBy(3).toSeconds() + " s), so that"
                    + " a late heartbeat does not make a live node look gone");
        }
    }

    /** From {@code PORTAL_SCAFFOLDER_HEARTBEAT_SECONDS} and {@code PORTAL_SCAFFOLDER_NODE_TIMEOUT_SECONDS}. */
    public static NodeLiveness from(String nodeName, Function<String, Optional<String>> env) {
        return new NodeLiveness(nodeName,
                Duration.ofSeconds(Long.parseLong(env.apply("PORTAL_SCAFFOLDER_HEARTBEAT_SECONDS")
                        .orElse(String.valueOf(DEFAULT_HEARTBEAT.toSeconds())).trim())),
                Duration.ofSeconds(Long.parseLong(env.apply("PORTAL_SCAFFOLDER_NODE_TIMEOUT_SECONDS")
                        .orElse(String.valueOf(DEFAULT_TIMEOUT.toSeconds())).trim())));
    }

    /** The defaults, for a node named {@code nodeName}. */
    public static NodeLiveness defaults(String nodeName) {
        return new NodeLiveness(nodeName, DEFAULT_HEARTBEAT, DEFAULT_TIMEOUT);
    }

    /** {@code host (pid n, port p)}: what an operator needs to find the process. */
    public static String describeThisNode(int port) {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "unknown host";
            }
        }
        return host + " (pid " + ProcessHandle.current().pid() + ", port " + port + ")";
    }
}
