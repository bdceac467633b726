package dev.backlot.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is making a request, once authenticated.
 *
 * @param name the user name, or {@code api-token} for the static automation token
 * @param roles the roles held, e.g. {@link #ADMIN}
 */
public record Caller(String name, Set<String> roles) implements java.io.Serializable {

    /** May manage plugins, catalog sources and everything under {@code /admin} and {@code /api/admin}. */
    public static final String ADMIN = "admin";
    /** Any signed-in user. */
    public static final String USER = "user";

    public Caller {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
