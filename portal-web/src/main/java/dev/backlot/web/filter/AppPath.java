package dev.backlot.web.filter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path inside the application as the container dispatches it: its servlet path and path info,
 * decoded and normalised by the container. Routing and access are decided on this, never on
 * {@code getRequestURI()}: the raw URI is what was sent, and the container decodes and normalises
 * after anyone looks at it, so a decision on it can be walked around with encodings
 * ({@code %2e%2e}, {@code //}, {@code ;params}).
 */
public final class AppPath {

    private AppPath() {
    }

    /** {@code /catalog/default/component/x} for {@code <context>/catalog/default/component/x}. */
    public static String of(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
