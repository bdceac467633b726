package dev.backlot.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Serves the readable docs URLs, {@code /docs/{namespace}/{kind}/{name}/{page path}}, with
 * {@code docs-reader.xhtml}: the request is forwarded with the four parts as parameters, so the address
 * bar keeps the readable URL (and relative anchors such as {@code #install} keep working). {@code /docs}
 * itself is the docs list. It runs after the security filters (web.xml orders them), like
 * {@link EntityPathFilter}.
 */
@WebFilter(filterName = "DocsPathFilter", urlPatterns = "/docs/*")
public class DocsPathFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String VIEW = "/docs-reader.xhtml";
    private static final String WELCOME = "index.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = AppPath.of(request);
        String forward = forwardPath(path);
        if (forward == null) {
            chain.doFilter(request, response);
            return;
        }
        if (path.split("/", -1).length == 5 && !path.endsWith("/" + WELCOME)) {
            // /docs/ns/kind/name without the slash: relative links of the page need the folder form
            response.sendRedirect(request.getContextPath() + path + "/");
            return;
        }
        request.getRequestDispatcher(forward).forward(request, response);
    }

    /** The view to forward to, or {@code null} when the path is not a docs page path. */
    static String forwardPath(String path) {
        if (path == null || !path.startsWith("/docs/")) {
            return null;
        }
        String[] parts = path.substring("/docs/".length()).split("/", 4);
        if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()
                || parts[0].endsWith(".xhtml")) {
            return null;
        }
        String page = parts.length == 4 ? parts[3] : "";
        if (page.equals(WELCOME) || page.endsWith("/" + WELCOME)) {
            // a path ending in '/' reaches the filter with the container's welcome file appended
            page = page.substring(0, page.length() - WELCOME.length());
        }
        try {
            for (int i = 0; i < 3; i++) {
                parts[i] = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            }
            page = URLDecoder.decode(page.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return VIEW + "?namespace=" + encode(parts[0]) + "&kind=" + encode(parts[1]) + "&name=" + encode(parts[2])
                + "&path=" + encode(page);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
