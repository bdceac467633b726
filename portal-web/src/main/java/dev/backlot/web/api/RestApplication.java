package dev.backlot.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API under {@code /api}, with Backstage's paths and JSON where a Backstage API exists. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
