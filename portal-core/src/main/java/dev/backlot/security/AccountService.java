package dev.backlot.security;

import java.util.Optional;

/**
 * Local sign-in: the {@code admin} account and the static API token.
 *
 * <p>Passwords are kept only as salted PBKDF2 hashes; the token only in memory. Both checks take
 * the same time whether the name exists or not, so they leak nothing through timing.
 */
public interface AccountService {

    /** The administrator's user name. */
    String ADMIN_USER = "admin";

    /** The caller for a user name and password, or empty when they do not match. */
    Optional<Caller> authenticate(String username, String password);

    /** The caller for an {@code Authorization: Bearer} token, or empty when it is not the configured one. */
    Optional<Caller> authenticateToken(String token);
}
