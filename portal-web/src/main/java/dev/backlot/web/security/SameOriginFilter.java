package dev.backlot.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * A change (any method but GET, HEAD and OPTIONS) made with the session cookie must come from the
 * portal's own pages: its {@code Origin} (or, failing that, {@code Referer}) names this host. A
 * cross-site form or script cannot use a signed-in user's cookie to change anything. Calls with an
 * {@code Authorization} header carry their credential themselves and are not cookie-based.
 */
@WebFilter(filterName = "SameOriginFilter", asyncSupported = true)
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null
                && request.getUserPrincipal() != null && !sameOrigin(request)) {
            ErrorResponses.write(request, response, 403, "NotAllowedError",
                    "Cross-origin changes with a session cookie are refused");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Origin (or, failing that, Referer) must name this host; a request with neither is not from a browser form. */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = Optional.ofNullable(request.getHeader("Origin")).orElse(request.getHeader("Referer"));
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && uri.getHost() != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
