package dev.backlot.web.api;

import dev.backlot.catalog.CatalogException;
import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.web.security.BodyLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the API as a JSON error in Backstage's shape, never an HTML page:
 * {@code {"error":{"name":..,"message":..},"request":{"method":..,"url":..},"response":{"statusCode":..}}}.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Exception e) {
        Failure failure = failure(e);
        String url = request == null ? null
                : request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return ApiJson.error(failure.status(), failure.name(), failure.message(), request == null ? null : request.getMethod(),
                url);
    }

    /** What the caller is told. */
    record Failure(int status, String name, String message) {
    }

    static Failure failure(Exception e) {
        if (e instanceof CatalogException c) {
            return switch (c.reason()) {
                case INPUT -> new Failure(400, "InputError", c.getMessage());
                case NOT_FOUND -> new Failure(404, "NotFoundError", c.getMessage());
                case CONFLICT -> new Failure(409, "ConflictError", c.getMessage());
            };
        }
        if (e instanceof PluginRefusedException p) {
            return switch (p.reason()) {
                case INVALID -> new Failure(400, "InputError", p.getMessage());
                case TOO_LARGE -> new Failure(413, "PayloadTooLargeError", p.getMessage());
                case CONFLICT -> new Failure(409, "ConflictError", p.getMessage());
                case NOT_FOUND -> new Failure(404, "NotFoundError", p.getMessage());
            };
        }
        if (e instanceof dev.backlot.scaffolder.ScaffolderException s) {
            return switch (s.kind()) {
                case INVALID -> new Failure(400, "InputError", s.getMessage());
                case NOT_FOUND -> new Failure(404, "NotFoundError", s.getMessage());
                case FORBIDDEN -> new Failure(403, "NotAllowedError", s.getMessage());
                case CONFLICT -> new Failure(409, "ConflictError", s.getMessage());
            };
        }
        if (e instanceof ServiceUnavailableException) {
            return new Failure(503, "ServiceUnavailableError", e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new Failure(400, "InputError", e.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
                return new Failure(413, "PayloadTooLargeError", tooLarge.getMessage());
            }
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            String name = switch (status) {
                case 400 -> "InputError";
                case 401 -> "AuthenticationError";
                case 403 -> "NotAllowedError";
                case 404 -> "NotFoundError";
                case 405 -> "NotAllowedError";
                case 415 -> "UnsupportedMediaTypeError";
                default -> "Error";
            };
            return new Failure(status, name, w.getMessage());
        }
        LOG.log(Level.WARNING, "API request failed", e);
        return new Failure(500, "Error", "Internal error: " + e.getClass().getSimpleName());
    }
}
