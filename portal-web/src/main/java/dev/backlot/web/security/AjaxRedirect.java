package dev.backlot.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Redirects for Faces ajax requests, which cannot follow a plain {@code 302}: the browser's
 * {@code XMLHttpRequest} would follow it to an HTML page that faces.js cannot read, and the click
 * would do nothing. They get {@code <partial-response><redirect url="..."/></partial-response>},
 * which faces.js follows as a page load.
 */
final class AjaxRedirect {

    private AjaxRedirect() {
    }

    /** Whether the request is a Faces ajax request ({@code Faces-Request: partial/ajax}). */
    static boolean isAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    /** Writes the partial response that sends the browser to {@code url} (a path of this portal). */
    static void send(HttpServletResponse response, String url) throws IOException {
        response.setStatus(200);
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                + ErrorResponses.escape(url) + "\"></redirect></partial-response>");
        response.flushBuffer();
    }

    /**
     * The page the browser is on, for an ajax request: the path and query of its {@code Referer}
     * when that is this portal (same host and port), else the request's own path. Never another site.
     */
    static String page(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
                String path = uri.getRawPath();
                if (request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port && path != null
                        && path.startsWith(request.getContextPath() + "/") && !path.startsWith("//")) {
                    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException notAUri) {
                // the request's own path below
            }
        }
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }
}
