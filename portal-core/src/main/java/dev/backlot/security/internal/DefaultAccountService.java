package dev.backlot.security.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.persistence.Database;
import dev.backlot.security.AccountService;
import dev.backlot.security.Caller;
import dev.backlot.security.SignInOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/** Accounts in the {@code portal_account} table; the API token from configuration. */
public final class DefaultAccountService implements AccountService {

    /** Compared against when a user does not exist, so that a miss costs as much as a wrong password. */
    private static final String DUMMY_HASH = PasswordHash.hash("not-a-password");

    /**
     * Password hashes running at once on this node. Each costs tens of milliseconds of one core;
     * a flood of attempts waits here instead of taking every core from the requests that matter.
     */
    private static final int CONCURRENT_HASHES = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final Duration HASH_QUEUE_WAIT = Duration.ofSeconds(3);

    private final Database database;
    private final byte[] tokenDigest;
    private final AuditLog audit;
    private final SignInThrottle byAccount;
    private final SignInThrottle byAddress;
    private final Semaphore hashing = new Semaphore(CONCURRENT_HASHES, true);

    /**
     * @param database where accounts live; {@code null} when it is unavailable, and then only the
     *     API token signs in
     * @param apiToken the configured static token, if any
     * @param audit where lock-outs are recorded
     */
    public DefaultAccountService(Database database, Optional<String> apiToken, AuditLog audit) {
        this(database, apiToken, audit, System::currentTimeMillis);
    }

    DefaultAccountService(Database database, Optional<String> apiToken, AuditLog audit, LongSupplier clock) {
        this.database = database;
        this.tokenDigest = apiToken.map(DefaultAccountService::sha256).orElse(null);
        this.audit = audit;
        this.byAccount = new SignInThrottle(FREE_FAILURES_PER_ACCOUNT, clock);
        this.byAddress = new SignInThrottle(FREE_FAILURES_PER_ADDRESS, clock);
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
    public Optional<Duration> signInDelay(String username, String clientAddress) {
        Optional<Duration> account = byAccount.delay(accountKey(username));
        Optional<Duration> address = byAddress.delay(addressKey(clientAddress));
        return account.isEmpty() ? address : address.isEmpty() ? account
                : Optional.of(account.get().compareTo(address.get()) > 0 ? account.get() : address.get());
    }

    @Override
    public SignInOutcome signIn(String username, String password, String clientAddress) {
        if (username == null || password == null || username.isEmpty() || username.length() > 255
                || password.length() > 1024) {
            return new SignInOutcome.Refused();
        }
        Optional<Duration> wait = signInDelay(username, clientAddress);
        if (wait.isPresent()) {
            return throttled(wait.get(), "Too many failed sign-ins for this account or from this address.");
        }
        AccountEntity account;
        boolean matches;
        try {
            if (!hashing.tryAcquire(HASH_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return throttled(Duration.ofSeconds(1), "The portal is busy checking other sign-ins.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return throttled(Duration.ofSeconds(1), "The portal is busy checking other sign-ins.");
        }
        try {
            account = database == null ? null : database.transaction(em -> em.find(AccountEntity.class, username));
            matches = PasswordHash.matches(password, account == null ? DUMMY_HASH : account.passwordHash());
        } finally {
            hashing.release();
        }
        if (account == null || !matches) {
            if (byAccount.failed(accountKey(username))) {
                lockout("account:" + username, clientAddress, FREE_FAILURES_PER_ACCOUNT);
            }
            if (byAddress.failed(addressKey(clientAddress))) {
                lockout("address:" + clientAddress, clientAddress, FREE_FAILURES_PER_ADDRESS);
            }
            return new SignInOutcome.Refused();
        }
        byAccount.succeeded(accountKey(username));
        byAddress.succeeded(addressKey(clientAddress));
        Set<String> roles = Arrays.stream(account.roles().split(",")).map(String::trim).collect(Collectors.toSet());
        return new SignInOutcome.Accepted(new Caller(username, roles));
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

    private void lockout(String target, String clientAddress, int failures) {
        audit.record(new AuditEntry(Instant.now(), clientAddress == null ? "unknown" : clientAddress, "signin.lockout",
                target, AuditEntry.REFUSED, failures + " wrong passwords in a row; further attempts are slowed down"
                        + " (1 s, doubling up to " + MAX_DELAY.toMinutes() + " min)"));
    }

    private static SignInOutcome throttled(Duration wait, String why) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new SignInOutcome.Throttled(wait, why + " Try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
    }

    private static String accountKey(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String clientAddress) {
        return clientAddress == null ? "unknown" : clientAddress;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
