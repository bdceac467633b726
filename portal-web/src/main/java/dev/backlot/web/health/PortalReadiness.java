package dev.backlot.web.health;

import dev.backlot.web.PortalRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: UP only when the migrations ran, the plugin framework is started and every
 * built-in plugin is active. Each part is reported as data, with the reason when it is not UP.
 */
@Readiness
@ApplicationScoped
public class PortalReadiness implements HealthCheck {

    @Inject
    PortalRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("backlot");
        try {
            dev.backlot.runtime.Readiness readiness = runtime.readiness();
            readiness.checks().forEach(builder::withData);
            return builder.status(readiness.up()).build();
        } catch (IllegalStateException e) {
            return builder.down().withData("portal", e.getMessage()).build();
        }
    }
}
