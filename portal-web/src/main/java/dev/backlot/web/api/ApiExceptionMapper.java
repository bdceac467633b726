package dev.backlot.web.api;

import dev.backlot.catalog.CatalogException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of the API as a JSON error in Backstage's shape, never an HTML page. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof CatalogException c) {
            return switch (c.reason()) {
                case INPUT -> ApiJson.error(400, "InputError", c.getMessage());
                case NOT_FOUND -> ApiJson.error(404, "NotFoundError", c.getMessage());
                case CONFLICT -> ApiJson.error(409, "ConflictError", c.getMessage());
            };
        }
        if (e instanceof IllegalArgumentException) {
            return ApiJson.error(400, "InputError", e.getMessage());
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            return ApiJson.error(status, status == 404 ? "NotFoundError" : status == 405 ? "NotAllowedError" : "Error",
                    w.getMessage());
        }
        LOG.log(Level.WARNING, "API request failed", e);
        return ApiJson.error(500, "Error", "Internal error: " + e.getClass().getSimpleName());
    }
}
