package dev.backlot.security;

import java.time.Duration;
import java.util.Optional;

/**
 * Local sign-in: the {@code admin} account and the static API token.
 *
 * <p>Passwords are kept only as salted PBKDF2 hashes; the token only in memory. Both checks take
 * the same time whether the name exists or not, so they leak nothing through timing.
 *
 * <p><b>Throttling.</b> Wrong passwords are counted per account name and per client address.
 * After {@link #FREE_FAILURES_PER_ACCOUNT} failures for one name (or
 * {@link #FREE_FAILURES_PER_ADDRESS} from one address) the next attempt must wait 1 s, then 2 s,
 * 4 s, ... up to {@link #MAX_DELAY}; an attempt made before its time is refused at once, without
 * hashing anything, and does not count. A right password clears the name's and the address's
 * counts; counts are forgotten an hour after their last failure. At most a few hashes run at
 * once on the whole node, so that a flood of sign-ins from many addresses cannot take every core.
 * The first refusal of a name or an address is written to the audit log ({@code signin.lockout}).
 */
public interface AccountService {

    /** The administrator's user name. */
    String ADMIN_USER = "admin";

    /** Wrong passwords for one account name before attempts are slowed down. */
    int FREE_FAILURES_PER_ACCOUNT = 5;

    /** Wrong passwords from one client address (any names) before attempts are slowed down. */
    int FREE_FAILURES_PER_ADDRESS = 20;

    /** The longest a caller is asked to wait between two attempts. */
    Duration MAX_DELAY = Duration.ofMinutes(15);

    /**
     * Checks a user name and password from a client address.
     *
     * @param clientAddress the address the attempt came from, as the server sees it (not a header
     *     the client can set)
     * @return {@link SignInOutcome.Accepted} with the caller, {@link SignInOutcome.Refused} for a wrong name
     *     or password, {@link SignInOutcome.Throttled} when the name or the address must wait first
     */
    SignInOutcome signIn(String username, String password, String clientAddress);

    /**
     * How long the name or the address must still wait before an attempt is looked at; empty when
     * an attempt would be checked now. Costs nothing (no hashing).
     */
    Optional<Duration> signInDelay(String username, String clientAddress);

    /** The caller for an {@code Authorization: Bearer} token, or empty when it is not the configured one. */
    Optional<Caller> authenticateToken(String token);
}
