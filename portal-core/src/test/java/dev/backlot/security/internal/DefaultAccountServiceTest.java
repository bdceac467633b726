package dev.backlot.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.audit.internal.AuditEntryEntity;
import dev.backlot.persistence.Database;
import dev.backlot.security.Caller;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultAccountServiceTest {

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("portal"), null, null,
                List.of(AuditEntryEntity.class, AccountEntity.class));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void firstStartWithoutPasswordGeneratesOneOnceAndStoresOnlyItsHash() {
        var accounts = new DefaultAccountService(db, Optional.empty());

        Optional<String> generated = accounts.ensureAdmin(Optional.empty());

        assertThat(generated).isPresent();
        assertThat(accounts.authenticate("admin", generated.get())).map(Caller::roles).hasValueSatisfying(
                roles -> assertThat(roles).contains(Caller.ADMIN));
        String stored = db.transaction(em -> em.find(AccountEntity.class, "admin").passwordHash());
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain(generated.get());
        // Second start: nothing new to show, the same password still works.
        assertThat(accounts.ensureAdmin(Optional.empty())).isEmpty();
        assertThat(accounts.authenticate("admin", generated.get())).isPresent();
    }

    @Test
    void configuredPasswordWinsAndResetsAForgottenOne() {
        var accounts = new DefaultAccountService(db, Optional.empty());
        String forgotten = accounts.ensureAdmin(Optional.empty()).orElseThrow();

        assertThat(accounts.ensureAdmin(Optional.of("chosen-password"))).isEmpty();

        assertThat(accounts.authenticate("admin", "chosen-password")).isPresent();
        assertThat(accounts.authenticate("admin", forgotten)).isEmpty();
    }

    @Test
    void wrongPasswordOrUnknownUserIsRefused() {
        var accounts = new DefaultAccountService(db, Optional.empty());
        accounts.ensureAdmin(Optional.of("right"));

        assertThat(accounts.authenticate("admin", "wrong")).isEmpty();
        assertThat(accounts.authenticate("nobody", "right")).isEmpty();
        assertThat(accounts.authenticate(null, null)).isEmpty();
    }

    @Test
    void onlyTheConfiguredTokenAuthenticatesAsAdmin() {
        var accounts = new DefaultAccountService(db, Optional.of("a-long-static-token-123"));

        assertThat(accounts.authenticateToken("a-long-static-token-123")).map(c -> c.hasRole(Caller.ADMIN)).contains(true);
        assertThat(accounts.authenticateToken("a-long-static-token-124")).isEmpty();
        assertThat(new DefaultAccountService(db, Optional.empty()).authenticateToken("anything")).isEmpty();
    }

    @Test
    void withoutDatabaseOnlyTheTokenSignsIn() {
        var accounts = new DefaultAccountService(null, Optional.of("a-long-static-token-123"));

        assertThat(accounts.authenticate("admin", "anything")).isEmpty();
        assertThat(accounts.authenticateToken("a-long-static-token-123")).isPresent();
    }
}
