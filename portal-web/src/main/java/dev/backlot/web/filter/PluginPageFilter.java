package dev.backlot.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the readable URLs of plugin pages, {@code /p/{id}}, with {@code plugin-page.xhtml}: the
 * request is forwarded with {@code id} added to its parameters, so the address bar keeps the
 * readable URL. Like {@link EntityPathFilter} it must run after {@code AuthFilter} (web.xml orders them).
 */
@WebFilter(filterName = "PluginPageFilter", urlPatterns = "/p/*")
public class PluginPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The ids the SPI allows: {@code [a-z0-9-]}; anything else is no plugin page. */
    private static final Pattern PAGE = Pattern.compile("/p/([a-z0-9][a-z0-9-]{0,62})/?");
    static final String VIEW = "/plugin-page.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher page = PAGE.matcher(AppPath.of(request));
        if (!page.matches()) {
            response.sendError(404, "No such plugin page");
            return;
        }
        request.getRequestDispatcher(VIEW + "?id=" + URLEncoder.encode(page.group(1), StandardCharsets.UTF_8))
                .forward(request, response);
    }
}
