package dev.backlot.security;

import java.time.Duration;
import java.util.Objects;

/** How a password sign-in ended: see {@link AccountService#signIn}. */
public sealed interface SignInOutcome {

    /** The name and password match. */
    record Accepted(Caller caller) implements SignInOutcome {
        public Accepted {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /** The name is unknown or the password wrong (callers are not told which). */
    record Refused() implements SignInOutcome {
    }

    /**
     * Not looked at: too many recent failures for this name or from this address, or the node is
     * busy checking other attempts.
     *
     * @param retryAfter how long to wait before the next attempt is looked at
     * @param reason a sentence for the user
     */
    record Throttled(Duration retryAfter, String reason) implements SignInOutcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
