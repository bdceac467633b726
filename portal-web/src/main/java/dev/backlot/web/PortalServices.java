package dev.backlot.web;

import dev.backlot.security.AccountService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Publishes the engines' APIs as CDI beans, so views, resources and the security mechanism
 * {@code @Inject} them instead of looking them up.
 */
@ApplicationScoped
public class PortalServices {

    @Inject
    PortalRuntime runtime;

    @Produces
    @ApplicationScoped
    AccountService accounts() {
        return runtime.portal().accounts();
    }
}
