package dev.backlot.security.internal;

import dev.backlot.persistence.Database;
import dev.backlot.security.AccountService;
import dev.backlot.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Accounts in the {@code portal_account} table; the API token from configuration. */
public final class DefaultAccountService implements AccountService {

    /** Compared against when a user does not exist, so that a miss costs as much as a wrong password. */
    private static final String DUMMY_HASH = PasswordHash.hash("not-a-password");

    private final Database database;
    private final byte[] tokenDigest;

    /**
     * @param database where accounts live; {@code null} when it is unavailable, and then only the
     *     API token signs in
     * @param apiToken the configured static token, if any
     */
    public DefaultAccountService(Database database, Optional<String> apiToken) {
        this.database = database;
        this.tokenDigest = apiToken.map(DefaultAccountService::sha256).orElse(null);
    }

    /**
     * Makes sure the admin account exists and, when a password is configured, that it is that one.
     *
     * @return the generated password when the account was created without a configured one (to be
     *     shown once), otherwise empty
     */
    public Optional<String> ensureAdmin(Optional<String> configuredPassword) {
        return database.transaction(em -> {
            AccountEntity admin = em.find(AccountEntity.class, ADMIN_USER);
            if (admin == null) {
                String password = configuredPassword.orElseGet(PasswordHash::generatePassword);
                em.persist(new AccountEntity(ADMIN_USER, PasswordHash.hash(password), Caller.ADMIN + "," + Caller.USER,
                        System.currentTimeMillis()));
                return configuredPassword.isPresent() ? Optional.<String>empty() : Optional.of(password);
            }
            // A configured password always wins, so an operator can reset a lost one by setting it.
            configuredPassword.filter(p -> !PasswordHash.matches(p, admin.passwordHash()))
                    .ifPresent(p -> admin.passwordHash(PasswordHash.hash(p)));
            return Optional.<String>empty();
        });
    }

    @Override
    public Optional<Caller> authenticate(String username, String password) {
        if (username == null || password == null || username.length() > 255 || password.length() > 1024) {
            return Optional.empty();
        }
        AccountEntity account = database == null ? null
                : database.transaction(em -> em.find(AccountEntity.class, username));
        boolean matches = PasswordHash.matches(password, account == null ? DUMMY_HASH : account.passwordHash());
        if (account == null || !matches) {
            return Optional.empty();
        }
        Set<String> roles = Arrays.stream(account.roles().split(",")).map(String::trim).collect(Collectors.toSet());
        return Optional.of(new Caller(username, roles));
    }

    @Override
    public Optional<Caller> authenticateToken(String token) {
        if (tokenDigest == null || token == null) {
            return Optional.empty();
        }
        // Digests have equal length, so isEqual compares in constant time whatever was sent.
        return MessageDigest.isEqual(tokenDigest, sha256(token))
                ? Optional.of(new Caller("api-token", Set.of(Caller.ADMIN, Caller.USER)))
                : Optional.empty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
