package dev.backlot.web.view;

import dev.backlot.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The signed-in user for the layout (name, admin or not) and the sign-out action. */
@Named
@RequestScoped
public class CurrentUser {

    public boolean isSignedIn() {
        return external().getUserPrincipal() != null;
    }

    public String getName() {
        return isSignedIn() ? external().getUserPrincipal().getName() : null;
    }

    public boolean isAdmin() {
        return external().isUserInRole(Caller.ADMIN);
    }

    public void signOut() throws IOException {
        ExternalContext external = external();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            // the session below goes anyway, and with it the caller
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + "/");
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
