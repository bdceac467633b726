package dev.backlot.web.security;

import dev.backlot.security.Caller;
import dev.backlot.web.PortalRuntime;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;

/**
 * Authenticates every request and applies {@link AccessRules}.
 *
 * <p>A caller is either the {@code Authorization: Bearer} API token (on {@code /api/*} only) or the
 * user signed in to this HTTP session. The request passed on answers {@code getUserPrincipal()}
 * and {@code isUserInRole()} for that caller, so Faces and JAX-RS see the same identity.
 *
 * <p>API calls that lack a needed caller get 401 with a JSON body, never a sign-in page. Writes
 * to the API made with a session cookie must come from the portal's own origin (a cross-site form
 * or script cannot use the admin's cookie); token calls are not cookie-based and need no check.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AuthFilter extends HttpFilter {

    /** The session attribute holding the signed-in {@link Caller}. */
    public static final String SESSION_CALLER = "backlot.caller";

    @Inject
    PortalRuntime runtime;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = AccessRules.isApi(path);
        Caller caller;
        boolean byToken = false;
        String authorization = request.getHeader("Authorization");
        if (api && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Caller> fromToken = runtime.portal().accounts().authenticateToken(authorization.substring(7).trim());
            if (fromToken.isEmpty()) {
                json(request, response, 401, "AuthenticationError", "The bearer token is not valid");
                return;
            }
            caller = fromToken.get();
            byToken = true;
        } else {
            HttpSession session = request.getSession(false);
            caller = session == null ? null : (Caller) session.getAttribute(SESSION_CALLER);
        }

        switch (AccessRules.decide(path, request.getMethod(), caller)) {
            case SIGN_IN -> {
                if (api) {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"backlot\"");
                    json(request, response, 401, "AuthenticationError", "Sign in or send Authorization: Bearer <token>");
                } else {
                    String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                    response.sendRedirect(request.getContextPath() + "/login?next="
                            + URLEncoder.encode(next, StandardCharsets.UTF_8));
                }
                return;
            }
            case FORBIDDEN -> {
                if (api) {
                    json(request, response, 403, "NotAllowedError", "This needs the admin role");
                } else {
                    response.sendError(403, "This page needs the admin role");
                }
                return;
            }
            case ALLOW -> {
            }
        }
        if (api && !byToken && caller != null && !AccessRules.isRead(path, request.getMethod()) && !sameOrigin(request)) {
            json(request, response, 403, "NotAllowedError", "Cross-origin writes with a session cookie are refused");
            return;
        }
        chain.doFilter(caller == null ? request : new CallerRequest(request, caller), response);
    }

    /** Origin (or, failing that, Referer) must name this host; a request with neither is not from a browser form. */
    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = Optional.ofNullable(request.getHeader("Origin")).orElse(request.getHeader("Referer"));
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void json(HttpServletRequest request, HttpServletResponse response, int status, String name,
            String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // Backstage's error shape: {"error":{..},"request":{"method":..,"url":..},"response":{"statusCode":..}}
        response.getWriter().write(jakarta.json.Json.createObjectBuilder()
                .add("error", jakarta.json.Json.createObjectBuilder().add("name", name).add("message", message))
                .add("request", jakarta.json.Json.createObjectBuilder().add("method", request.getMethod())
                        .add("url", request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString())))
                .add("response", jakarta.json.Json.createObjectBuilder().add("statusCode", status))
                .build().toString());
    }

    /** The request as seen by the application once the caller is known. */
    private static final class CallerRequest extends HttpServletRequestWrapper {
        private final Caller caller;

        CallerRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller::name;
        }

        @Override
        public String getRemoteUser() {
            return caller.name();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public String getAuthType() {
            return "BACKLOT";
        }
    }
}
