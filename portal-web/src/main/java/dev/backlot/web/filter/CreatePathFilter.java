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
 * Serves the readable template URLs: {@code /create/templates/{namespace}/{name}} with
 * {@code create/template.xhtml}, {@code /create/tasks/{id}} with {@code create/task.xhtml} and
 * {@code /create/tasks} with {@code create/tasks.xhtml}, forwarding with the parts as request
 * parameters so the address bar keeps the readable URL (like {@link EntityPathFilter}).
 */
@WebFilter(filterName = "CreatePathFilter", urlPatterns = "/create/*")
public class CreatePathFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern TEMPLATE = Pattern.compile("/create/templates/([a-zA-Z0-9._-]{1,63})/([a-zA-Z0-9._-]{1,63})/?");
    private static final Pattern TASK = Pattern.compile("/create/tasks/([0-9a-f-]{36})/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = AppPath.of(request);
        Matcher template = TEMPLATE.matcher(path);
        Matcher task = TASK.matcher(path);
        String forward = null;
        if (template.matches()) {
            forward = "/create/template.xhtml?namespace=" + encode(template.group(1)) + "&name=" + encode(template.group(2));
        } else if (task.matches()) {
            forward = "/create/task.xhtml?id=" + task.group(1);
        } else if (path.equals("/create/tasks") || path.equals("/create/tasks/")) {
            forward = "/create/tasks.xhtml";
        }
        if (forward == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getQueryString() != null) {
            forward += (forward.contains("?") ? "&" : "?") + request.getQueryString();
        }
        request.getRequestDispatcher(forward).forward(request, response);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
