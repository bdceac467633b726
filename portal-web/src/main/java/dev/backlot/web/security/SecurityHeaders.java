package dev.backlot.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every answer carries, and the two Content-Security-Policies.
 *
 * <p><b>Pages</b> (answers rendered by Faces, also after a forward) get {@link #PAGE_POLICY} through PrimeFaces' CSP
 * mode ({@code primefaces.CSP} in {@code web.xml}): PrimeFaces appends a fresh nonce to its
 * {@code script-src} on every response and moves its own inline handlers into nonce'd scripts, so
 * no inline script or {@code on*} attribute without the nonce runs, whoever put it in the page
 * (a descriptor, a plugin fragment). Styles may be inline (PrimeFaces' widgets set them).
 *
 * <p><b>Everything else</b> (the JSON API, static files, plugin resources, error answers) gets
 * {@link #STRICT_POLICY}: nothing loads, nothing runs, and a document served from there (an HTML
 * file inside a plugin's static folder, say) is sandboxed into an origin of its own.
 */
public final class SecurityHeaders {

    /** The policy of pages; PrimeFaces adds {@code 'nonce-...'} after the last directive, script-src. */
    public static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; script-src 'self'";

    /** The policy of every answer that is not a page. */
    public static final String STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'; sandbox";

    /** The servlet that renders pages (its name in {@code web.xml}). */
    static final String FACES_SERVLET = "Faces Servlet";

    private SecurityHeaders() {
    }

    /**
     * Headers for every answer, the strict policy included; a page's own policy (set by PrimeFaces
     * while Faces renders it) replaces the strict one, see {@link SecurityHeadersFilter}.
     */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        response.setHeader("Content-Security-Policy", STRICT_POLICY);
    }

    /** Headers for an answer the portal writes itself (errors), never a page. */
    static void applyStrict(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", STRICT_POLICY);
    }
}
