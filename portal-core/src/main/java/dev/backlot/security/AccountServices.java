package dev.backlot.security;

import dev.backlot.audit.AuditLog;
import dev.backlot.persistence.Database;
import dev.backlot.security.internal.AccountEntity;
import dev.backlot.security.internal.DefaultAccountService;
import java.util.List;
import java.util.Optional;

/** The accounts feature's factory: the one place that wires its internals. */
public final class AccountServices {

    private AccountServices() {
    }

    /** The JPA classes the accounts are stored in, for {@link Database#open}. */
    public static List<Class<?>> persistentClasses() {
        return List.of(AccountEntity.class);
    }

    /**
     * The accounts, ready to sign in.
     *
     * @param accounts the service
     * @param generatedAdminPassword the admin password generated at this, the first, start, to be
     *     shown once; empty on later starts and when one is configured
     */
    public record Started(AccountService accounts, Optional<String> generatedAdminPassword) {
    }

    /**
     * Accounts in the database; makes sure the {@code admin} account exists, with the configured
     * password when there is one ({@code PORTAL_ADMIN_PASSWORD} resets a forgotten one).
     */
    public static Started inDatabase(Database database, Optional<String> apiToken, Optional<String> adminPassword,
            AuditLog audit) {
        DefaultAccountService accounts = new DefaultAccountService(database, apiToken, audit);
        return new Started(accounts, accounts.ensureAdmin(adminPassword));
    }

    /** Without a database only the API token signs in (it needs no table). */
    public static AccountService tokenOnly(Optional<String> apiToken, AuditLog audit) {
        return new DefaultAccountService(null, apiToken, audit);
    }
}
