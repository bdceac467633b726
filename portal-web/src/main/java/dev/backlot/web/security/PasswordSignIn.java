package dev.backlot.web.security;

import dev.backlot.security.SignInOutcome;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/**
 * A user name and password typed into the sign-in form, with the client address the attempt came
 * from (for throttling). The identity store leaves the account service's outcome on it, so the
 * page can say why an attempt was refused ("try again in 8 seconds") without a second lookup.
 */
public final class PasswordSignIn extends UsernamePasswordCredential {

    private final String clientAddress;
    private volatile SignInOutcome outcome;

    public PasswordSignIn(String username, String password, String clientAddress) {
        super(username == null ? "" : username, password == null ? "" : password);
        this.clientAddress = clientAddress;
    }

    public String clientAddress() {
        return clientAddress;
    }

    /** How the attempt ended, once the identity store has seen it; {@code null} before. */
    public SignInOutcome outcome() {
        return outcome;
    }

    void outcome(SignInOutcome outcome) {
        this.outcome = outcome;
    }
}
