package dev.backlot.web.security;

import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Turns on {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on the JAX-RS resources
 * (Jersey's {@link RolesAllowedDynamicFeature}), so the admin resources check the role themselves
 * whatever path reached them: defence in depth behind the container's constraint on {@code /api/admin/*}.
 */
@Provider
public class RolesAllowedFeature extends RolesAllowedDynamicFeature {
}
