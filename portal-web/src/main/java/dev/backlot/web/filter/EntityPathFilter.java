package dev.backlot.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves the readable entity URLs, {@code /catalog/{namespace}/{kind}/{name}?tab=…}, with
 * {@code catalog/entity.xhtml}: the request is forwarded with {@code namespace}, {@code kind} and
 * {@code name} added to its parameters, so the address bar keeps the readable URL.
 *
 * <p>It runs after the security filters (web.xml orders them), since a forward does not pass
 * through request filters again and the entity page needs to know who is signed in.
 */
@WebFilter(filterName = "EntityPathFilter", urlPatterns = "/catalog/*")
public class EntityPathFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<EntityPath> entity = EntityPath.parse(AppPath.of(request));
        if (entity.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.getRequestDispatcher(entity.get().forwardPath()).forward(request, response);
    }
}
