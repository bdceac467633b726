package dev.backlot.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.audit.internal.AuditEntryEntity;
import dev.backlot.persistence.Database;
import dev.backlot.security.AccountService;
import dev.backlot.security.Caller;
import dev.backlot.security.SignInOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultAccountServiceTest {

    private static final String HOME = "10.0.0.1";

    @TempDir
    Path dir;
    private Database db;
    private final List<AuditEntry> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(AuditEntry entry) {
            audited.add(entry);
        }

        @Override
        public List<AuditEntry> recent(int limit) {
            return audited;
        }
    };
    private final AtomicLong now = new AtomicLong(1_000_000);

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("portal"), null, null,
                List.of(AuditEntryEntity.class, AccountEntity.class));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DefaultAccountService accounts(Optional<String> token) {
        return new DefaultAccountService(db, token, audit, now::get);
    }

    @Test
    void firstStartWithoutPasswordGeneratesOneOnceAndStoresOnlyItsHash() {
        var accounts = accounts(Optional.empty());

        Optional<String> generated = accounts.ensureAdmin(Optional.empty());

        assertThat(generated).isPresent();
        assertThat(accounts.signIn("admin", generated.get(), HOME)).isInstanceOfSatisfying(SignInOutcome.Accepted.class,
                a -> assertThat(a.caller().roles()).contains(Caller.ADMIN));
        String stored = db.transaction(em -> em.find(AccountEntity.class, "admin").passwordHash());
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain(generated.get());
        // Second start: nothing new to show, the same password still works.
        assertThat(accounts.ensureAdmin(Optional.empty())).isEmpty();
        assertThat(accounts.signIn("admin", generated.get(), HOME)).isInstanceOf(SignInOutcome.Accepted.class);
    }

    @Test
    void configuredPasswordWinsAndResetsAForgottenOne() {
        var accounts = accounts(Optional.empty());
        String forgotten = accounts.ensureAdmin(Optional.empty()).orElseThrow();

        assertThat(accounts.ensureAdmin(Optional.of("chosen-password"))).isEmpty();

        assertThat(accounts.signIn("admin", "chosen-password", HOME)).isInstanceOf(SignInOutcome.Accepted.class);
        assertThat(accounts.signIn("admin", forgotten, HOME)).isInstanceOf(SignInOutcome.Refused.class);
    }

    @Test
    void wrongPasswordOrUnknownUserIsRefused() {
        var accounts = accounts(Optional.empty());
        accounts.ensureAdmin(Optional.of("right"));

        assertThat(accounts.signIn("admin", "wrong", HOME)).isInstanceOf(SignInOutcome.Refused.class);
        assertThat(accounts.signIn("nobody", "right", HOME)).isInstanceOf(SignInOutcome.Refused.class);
        assertThat(accounts.signIn(null, null, HOME)).isInstanceOf(SignInOutcome.Refused.class);
    }

    @Test
    void afterFiveWrongPasswordsTheAccountWaitsAndEvenTheRightPasswordIsNotLookedAt() {
        var accounts = accounts(Optional.empty());
        accounts.ensureAdmin(Optional.of("right"));

        for (int i = 0; i < AccountService.FREE_FAILURES_PER_ACCOUNT; i++) {
            assertThat(accounts.signIn("admin", "wrong-" + i, HOME)).isInstanceOf(SignInOutcome.Refused.class);
        }

        SignInOutcome next = accounts.signIn("admin", "right", HOME);
        assertThat(next).isInstanceOfSatisfying(SignInOutcome.Throttled.class, t -> {
            assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(t.reason()).contains("Too many failed sign-ins").contains("Try again in 1 second");
        });
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("signin.lockout");
            assertThat(e.target()).isEqualTo("account:admin");
            assertThat(e.outcome()).isEqualTo(AuditEntry.REFUSED);
        });
        // Once the wait is over the right password works and clears the count.
        now.addAndGet(1_001);
        assertThat(accounts.signIn("admin", "right", HOME)).isInstanceOf(SignInOutcome.Accepted.class);
        assertThat(accounts.signInDelay("admin", HOME)).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes() {
        var accounts = accounts(Optional.empty());
        accounts.ensureAdmin(Optional.of("right"));
        List<Long> waits = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            Optional<Duration> wait = accounts.signInDelay("admin", HOME);
            wait.ifPresent(w -> {
                waits.add(w.toSeconds());
                now.addAndGet(w.toMillis());
            });
            accounts.signIn("admin", "wrong", HOME);
        }

        assertThat(waits).startsWith(1L, 2L, 4L, 8L, 16L).endsWith(900L, 900L);
    }

    @Test
    void throttledAttemptsAreRefusedWithoutCountingOrHashing() {
        var accounts = accounts(Optional.empty());
        accounts.ensureAdmin(Optional.of("right"));
        for (int i = 0; i < AccountService.FREE_FAILURES_PER_ACCOUNT; i++) {
            accounts.signIn("admin", "wrong", HOME);
        }

        long started = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            assertThat(accounts.signIn("admin", "wrong", HOME)).isInstanceOf(SignInOutcome.Throttled.class);
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        // 25 PBKDF2 hashes at 210,000 iterations would take seconds; refused attempts hash nothing.
        assertThat(tookMs).as("25 throttled attempts").isLessThan(1_000);
        // They did not count either: the wait is still the first one.
        assertThat(accounts.signInDelay("admin", HOME)).contains(Duration.ofSeconds(1));
    }

    @Test
    void oneAddressTryingManyNamesIsSlowedDownToo() {
        var accounts = accounts(Optional.empty());
        accounts.ensureAdmin(Optional.of("right"));

        for (int i = 0; i < AccountService.FREE_FAILURES_PER_ADDRESS; i++) {
            accounts.signIn("user" + i, "guess", "192.0.2.7");
        }

        assertThat(accounts.signIn("someone-new", "guess", "192.0.2.7")).isInstanceOf(SignInOutcome.Throttled.class);
        assertThat(accounts.signIn("admin", "right", HOME)).as("another address is not affected")
                .isInstanceOf(SignInOutcome.Accepted.class);
        assertThat(audited).extracting(AuditEntry::target).contains("address:192.0.2.7");
    }

    @Test
    void countsAreForgottenAnHourAfterTheLastFailure() {
        var accounts = accounts(Optional.empty());
        accounts.ensureAdmin(Optional.of("right"));
        for (int i = 0; i < AccountService.FREE_FAILURES_PER_ACCOUNT; i++) {
            accounts.signIn("admin", "wrong", HOME);
        }

        now.addAndGet(Duration.ofMinutes(61).toMillis());

        assertThat(accounts.signInDelay("admin", HOME)).isEmpty();
    }

    @Test
    void onlyTheConfiguredTokenAuthenticatesAsAdmin() {
        var accounts = accounts(Optional.of("a-long-static-token-123"));

        assertThat(accounts.authenticateToken("a-long-static-token-123")).map(c -> c.hasRole(Caller.ADMIN)).contains(true);
        assertThat(accounts.authenticateToken("a-long-static-token-124")).isEmpty();
        assertThat(accounts(Optional.empty()).authenticateToken("anything")).isEmpty();
    }

    @Test
    void withoutDatabaseOnlyTheTokenSignsIn() {
        var accounts = new DefaultAccountService(null, Optional.of("a-long-static-token-123"), audit);

        assertThat(accounts.signIn("admin", "anything", HOME)).isInstanceOf(SignInOutcome.Refused.class);
        assertThat(accounts.authenticateToken("a-long-static-token-123")).isPresent();
    }
}
