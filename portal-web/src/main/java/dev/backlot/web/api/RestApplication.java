package dev.backlot.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The HTTP API under {@code /api}, with Backstage's paths and JSON where a Backstage API exists. */
@ApplicationPath("/api")
public class RestApplication extends Application {

    /** The portal's own resources and providers only, not those of libraries (see {@link ApiClasses}). */
    @Override
    public Set<Class<?>> getClasses() {
        return ApiClasses.find();
    }
}
