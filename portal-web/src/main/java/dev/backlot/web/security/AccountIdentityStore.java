package dev.backlot.web.security;

import dev.backlot.security.AccountService;
import dev.backlot.security.Caller;
import dev.backlot.security.SignInOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's accounts as Jakarta Security's identity store: passwords from the sign-in form
 * ({@link PasswordSignIn}, throttled by the account service) and the static API token
 * ({@link BearerToken}). A caller's roles ({@link Caller#ADMIN}, {@link Caller#USER}) are its
 * groups; {@code WEB-INF/payara-web.xml} maps each group to the role of the same name.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof PasswordSignIn signIn) {
            SignInOutcome outcome = accounts.signIn(signIn.getCaller(), signIn.getPasswordAsString(),
                    signIn.clientAddress());
            signIn.outcome(outcome);
            return outcome instanceof SignInOutcome.Accepted accepted ? valid(accepted.caller())
                    : CredentialValidationResult.INVALID_RESULT;
        }
        if (credential instanceof BearerToken bearer) {
            Optional<Caller> caller = accounts.authenticateToken(bearer.token());
            return caller.map(AccountIdentityStore::valid).orElse(CredentialValidationResult.INVALID_RESULT);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /**
     * Both kinds: the default identity store handler takes the groups of a successful validation
     * only from a store that also provides groups. The groups are already in the validation result,
     * so {@link #getCallerGroups} adds none.
     */
    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return validationResult.getCallerGroups();
    }

    private static CredentialValidationResult valid(Caller caller) {
        return new CredentialValidationResult(caller.name(), caller.roles());
    }
}
