package dev.backlot.web.view;

import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.common.ServiceUnavailableException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.security.Principal;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One change made from the console, with its outcome as a message the page shows: what was done,
 * or the exact reason it was refused (the manager's words), or that it failed.
 */
final class PluginChange {

    private static final Logger LOG = Logger.getLogger(PluginChange.class.getName());

    private PluginChange() {
    }

    /** The signed-in admin, the actor of the audit entry. */
    static String actor() {
        Principal user = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return user == null ? "unknown" : user.getName();
    }

    /**
     * Runs a change and reports it.
     *
     * @param what the change in words, e.g. {@code Stop com.example.hello}
     * @param change returns the outcome in words, e.g. {@code com.example.hello 1.0.0 is RESOLVED}
     * @return whether the change was made
     */
    static boolean run(String what, Supplier<String> change) {
        try {
            message(FacesMessage.SEVERITY_INFO, what + ": done", change.get());
            return true;
        } catch (PluginRefusedException e) {
            message(FacesMessage.SEVERITY_ERROR, what + ": refused", e.getMessage());
        } catch (ServiceUnavailableException e) {
            message(FacesMessage.SEVERITY_ERROR, what + ": not possible now", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " failed", e);
            message(FacesMessage.SEVERITY_ERROR, what + ": failed", e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return false;
    }

    static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }
}
