package dev.backlot.web.security;

import dev.backlot.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How callers prove who they are, for every request, before any filter or servlet runs.
 *
 * <ol>
 * <li>A raw path that {@link RawPath} refuses is answered 400 here, so no later part of the chain
 *     can see a path other than the one the container decided access on.</li>
 * <li>{@code Authorization: Bearer <token>}: the API token, checked by the identity store; a wrong
 *     token is 401 (never an anonymous request).</li>
 * <li>The sign-in form ({@code SecurityContext.authenticate} with a {@link PasswordSignIn}): on
 *     success the session id changes (no fixation) and the caller is kept in the session.</li>
 * <li>Otherwise the caller kept in the HTTP session, re-established on every request (so a request
 *     reaching another cluster member after fail-over keeps its roles, see Payara issue 6342).</li>
 * </ol>
 *
 * <p>Access itself is the container's: the {@code security-constraint}s of {@code web.xml} say which
 * paths need which role. When one needs a caller and there is none, the API answers 401 in
 * Backstage's error shape and pages redirect to {@code /login?next=...}; a caller without the role
 * gets the container's 403.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    /** The session attribute holding the signed-in {@link Caller}. */
    public static final String SESSION_CALLER = "backlot.caller";

    private static final Logger LOG = Logger.getLogger(PortalAuthentication.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        try {
            return validate(request, response, context);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not answer a request refused at authentication", e);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws IOException {
        Optional<String> trick = RawPath.problem(request.getRequestURI());
        if (trick.isPresent()) {
            ErrorResponses.write(request, response, 400, "InputError", "Refused: " + trick.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            CredentialValidationResult result = identityStores.validate(new BearerToken(authorization.substring(7).trim()));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            response.setHeader("WWW-Authenticate", "Bearer realm=\"backlot\"");
            ErrorResponses.write(request, response, 401, "AuthenticationError", "The bearer token is not valid");
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() instanceof PasswordSignIn signIn) {
            CredentialValidationResult result = identityStores.validate(signIn);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE; // the form shows signIn.outcome()
            }
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            request.getSession(true).setAttribute(SESSION_CALLER,
                    new Caller(result.getCallerPrincipal().getName(), result.getCallerGroups()));
            return context.notifyContainerAboutLogin(result);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && isGit(request)) {
            // git clients send the API token as the password of HTTP basic authentication
            String token = basicPassword(authorization.substring(6).trim());
            CredentialValidationResult result = token == null ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(new BearerToken(token));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"backlot\"");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("The token is not valid\n");
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof Caller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.roles());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (ErrorResponses.isApi(request)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"backlot\"");
            ErrorResponses.write(request, response, 401, "AuthenticationError",
                    "Sign in or send Authorization: Bearer <token>");
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (AjaxRedirect.isAjax(request)) {
            // A page's ajax call after the session ended (admin console): to the sign-in, then back to that page.
            try {
                AjaxRedirect.send(response, request.getContextPath() + "/login?next="
                        + URLEncoder.encode(AjaxRedirect.page(request), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return context.redirect(request.getContextPath() + "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /** The portal's git server ({@code /git/*}, see {@code PortalGitServlet}). */
    private static boolean isGit(HttpServletRequest request) {
        return "/git".equals(request.getServletPath());
    }

    private static String basicPassword(String encoded) {
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
