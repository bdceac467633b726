package dev.backlot.web.view;

import dev.backlot.security.Caller;
import dev.backlot.web.PortalRuntime;
import dev.backlot.web.security.AuthFilter;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;

/** {@code /login}: form sign-in with a local account, then back to where the user was going. */
@Named
@ViewScoped
public class SignInView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PortalRuntime runtime;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        Optional<Caller> caller = runtime.portal().accounts().authenticate(username, password);
        password = null;
        if (caller.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong user name or password",
                    "Check both and try again."));
            return;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.getSession(true);
        request.changeSessionId(); // a new id at sign-in: no session fixation
        external.getSessionMap().put(AuthFilter.SESSION_CALLER, caller.get());
        external.redirect(external.getRequestContextPath() + safeNext(next));
    }

    /** Only a path of this portal: never another host ({@code //evil.example} or {@code https://...}). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n") || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
