package dev.backlot.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the session cookie {@code Secure} on every answer when {@code PORTAL_SECURE_COOKIES=true}.
 * Without it the cookie is {@code Secure} on requests that arrived over HTTPS, which includes
 * those a TLS proxy forwards with {@code X-Forwarded-Proto: https} (the launcher maps that header
 * to the request's scheme). It is always {@code HttpOnly} and {@code SameSite=Lax} (web.xml).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean always = ConfigProvider.getConfig().getOptionalValue("portal.secure.cookies", String.class)
                .map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
        if (always) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
