package dev.backlot.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Puts {@link SecurityHeaders} on every answer, error pages included (web.xml maps it first).
 *
 * <p>The strict Content-Security-Policy goes on first; whether Faces renders the answer is known
 * only later (a readable URL such as {@code /catalog/default/component/x} is forwarded to a Faces
 * view), so the response is wrapped: when PrimeFaces adds the page's policy, it replaces the strict
 * one instead of being added beside it (browsers would enforce both).
 */
@WebFilter(filterName = "SecurityHeadersFilter", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String CSP = "Content-Security-Policy";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response);
        chain.doFilter(request, new PagePolicyReplaces(response));
    }

    /** Lets a page's own policy replace the strict one. */
    private static final class PagePolicyReplaces extends HttpServletResponseWrapper {
        PagePolicyReplaces(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
