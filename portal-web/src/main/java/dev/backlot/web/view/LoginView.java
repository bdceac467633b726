package dev.backlot.web.view;

import dev.backlot.security.SignInOutcome;
import dev.backlot.web.security.PasswordSignIn;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;

/**
 * {@code /login}: form sign-in with a local account through Jakarta Security (the portal's
 * authentication mechanism and identity store), then back to where the user was going. Repeated
 * failures are slowed down; the page says for how long.
 */
@Named
@ViewScoped
public class LoginView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        PasswordSignIn credential = new PasswordSignIn(username, password, request.getRemoteAddr());
        password = null;
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + safeNext(next));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (credential.outcome() instanceof SignInOutcome.Throttled throttled) {
                    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                            "Sign-in paused: " + throttled.reason(), throttled.reason()));
                } else {
                    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong user name or password",
                            "Check both and try again."));
                }
            }
        }
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
