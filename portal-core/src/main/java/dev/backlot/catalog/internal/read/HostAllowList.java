package dev.backlot.catalog.internal.read;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Matches url targets against {@link ReadPolicy#urlAllow()}: {@code example.com} (default port only),
 * {@code example.com:8443}, {@code *.example.com} (subdomains, default port). This is the server-side
 * request forgery guard, so anything odd (no host, user info, another scheme) does not match.
 *
 * <p>It checks names, not addresses: a DNS name on the list that resolves to an internal address is
 * trusted, as the operator listed it.
 */
final class HostAllowList {

    private final List<String> entries;

    HostAllowList(List<String> entries) {
        this.entries = entries.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).toList();
    }

    boolean allows(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        String host = stripDot(uri.getHost().toLowerCase(Locale.ROOT));
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            boolean hasPort = colon > entry.lastIndexOf(']');
            String entryHost = stripDot(hasPort ? entry.substring(0, colon) : entry);
            int entryPort = hasPort ? parsePort(entry.substring(colon + 1)) : defaultPort;
            boolean hostMatches = entryHost.startsWith("*.")
                    ? host.endsWith(entryHost.substring(1)) && host.length() > entryHost.length() - 1
                    : host.equals(entryHost);
            if (hostMatches && port == entryPort) {
                return true;
            }
        }
        return false;
    }

    private static String stripDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -2; // matches no port
        }
    }
}
