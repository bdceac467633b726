package dev.backlot.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page ({@code web.xml} sends every error here): the API gets JSON in
 * Backstage's shape, pages a short page. A call refused by {@link AdminOnly} is a 403.
 */
@WebServlet(name = "ErrorServlet", urlPatterns = "/errors")
public class ErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The Faces view of a page that is not there. */
    static final String NOT_FOUND_VIEW = "/not-found.xhtml";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (causedBy(failure, AdminRequiredException.class) || causedBy(failure, SecurityException.class)) {
            status = 403;
        } else if (causedBy(failure, BodyLimitFilter.BodyTooLargeException.class)) {
            status = 413;
        }
        String name = switch (status) {
            case 400 -> "InputError";
            case 401 -> "AuthenticationError";
            case 403 -> "NotAllowedError";
            case 404 -> "NotFoundError";
            case 405 -> "MethodNotAllowedError";
            case 413 -> "PayloadTooLargeError";
            default -> "Error";
        };
        String message = switch (status) {
            case 401 -> "Sign in first";
            case 403 -> "This needs the admin role";
            case 404 -> "There is nothing at this address";
            case 405 -> "This method is not allowed here";
            case 413 -> "The request body is too large";
            default -> status >= 500 ? "The portal could not answer this request" : "The request was refused";
        };
        // The error answer describes the original request, not this servlet's own path.
        OriginalRequest original = new OriginalRequest(request);
        if (status == 404 && !ErrorResponses.isApi(original) && !response.isCommitted() && layoutPage(request, response)) {
            return;
        }
        ErrorResponses.write(original, response, status, name, message);
    }

    /**
     * A page's 404 inside the portal's layout (header, sidebar, a way on), rendered by Faces. The
     * plain page stays the answer when that cannot be rendered (the portal is half started, say).
     */
    private static boolean layoutPage(HttpServletRequest request, HttpServletResponse response) {
        try {
            response.resetBuffer();
            response.setStatus(404);
            request.getRequestDispatcher(NOT_FOUND_VIEW).forward(request, response);
            return true;
        } catch (ServletException | IOException | RuntimeException e) {
            java.util.logging.Logger.getLogger(ErrorServlet.class.getName()).log(java.util.logging.Level.FINE,
                    "The layout's 404 page could not be rendered", e);
            return response.isCommitted();
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The request as the client sent it, as far as error answers need: its URI and servlet path. */
    private static final class OriginalRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        OriginalRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            Object uri = getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return uri instanceof String s ? s : super.getRequestURI();
        }

        @Override
        public String getServletPath() {
            return ""; // unknown for the original request: ErrorResponses.isApi then reads the URI
        }

        @Override
        public String getQueryString() {
            Object query = getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
            return query instanceof String s ? s : super.getQueryString();
        }
    }
}
