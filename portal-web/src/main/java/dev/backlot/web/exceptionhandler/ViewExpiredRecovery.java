package dev.backlot.web.exceptionhandler;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recovers from an expired view (the session timed out, an overnight tab, a restarted node): instead
 * of the silent no-op an ajax request would otherwise end in, the browser is sent to the page it is
 * on (the {@code Referer} of the request, when it is this portal's, so the URL's filters and tab are
 * kept), which builds a fresh view; a message there says why. Registered in {@code faces-config.xml}:
 *
 * <pre>
 * &lt;factory&gt;&lt;exception-handler-factory&gt;dev.backlot.web.exceptionhandler.ViewExpiredRecovery&lt;/exception-handler-factory&gt;&lt;/factory&gt;
 * </pre>
 *
 * Every other exception goes on to the handler it wraps.
 */
public class ViewExpiredRecovery extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(ViewExpiredRecovery.class.getName());
    /** The message the reloaded page shows. */
    public static final String MESSAGE = "Your session had expired, so the page was reloaded. Please try again.";

    public ViewExpiredRecovery(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable failure = events.next().getContext().getException();
                if (expired(failure)) {
                    events.remove();
                    reload(FacesContext.getCurrentInstance());
                }
            }
            getWrapped().handle();
        }

        private static boolean expired(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        private static void reload(FacesContext faces) {
            ExternalContext external = faces.getExternalContext();
            if (external.isResponseCommitted()) {
                return;
            }
            try {
                external.getFlash().setKeepMessages(true);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, MESSAGE, null));
                // An ajax request gets <partial-response><redirect/>, which faces.js follows.
                external.redirect(pageOf(external));
                faces.responseComplete();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Could not send the browser back to its page after an expired view", e);
            }
        }

        /**
         * The page the browser is on: the path and query of the {@code Referer} when it points to this
         * portal (same host and port as the request), else the request's own path. Never another site.
         */
        static String pageOf(ExternalContext external) {
            String referer = external.getRequestHeaderMap().get("Referer");
            String context = external.getRequestContextPath();
            if (referer != null) {
                try {
                    URI uri = URI.create(referer);
                    String host = external.getRequestServerName();
                    int port = external.getRequestServerPort();
                    int refererPort = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
                    String path = uri.getRawPath();
                    if (host.equalsIgnoreCase(uri.getHost()) && port == refererPort && path != null && path.startsWith("/")
                            && !path.startsWith("//") && (context.isEmpty() || path.startsWith(context))) {
                        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                    }
                } catch (IllegalArgumentException notAUri) {
                    // the request's own path below
                }
            }
            Object uri = external.getRequestMap().get("jakarta.servlet.forward.request_uri");
            return uri instanceof String s ? s : context + external.getRequestServletPath();
        }
    }
}
