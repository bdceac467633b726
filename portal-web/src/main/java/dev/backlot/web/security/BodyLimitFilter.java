package dev.backlot.web.security;

import dev.backlot.config.PortalConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Every request body is read through a limit ({@code PORTAL_MAX_BODY_BYTES}, 5 MiB by default)
 * before anything parses it: a declared {@code Content-Length} over the limit is answered 413 at
 * once, unread; a body without one (chunked) is cut off where it passes the limit with a
 * {@link BodyTooLargeException}, which the API answers 413 in Backstage's error shape.
 *
 * <p>Plugin jars have their own limit ({@code PORTAL_PLUGINS_MAX_UPLOAD_BYTES}), enforced by the
 * deploy API and the console's upload, so the deploy API's path and multipart uploads pass here.
 * Form posts the container parses itself are bounded by its own {@code max-post-size}.
 */
@WebFilter(filterName = "BodyLimitFilter", asyncSupported = true)
public class BodyLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PortalConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ownLimit(request)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = config.web().maxBodyBytes();
        if (request.getContentLengthLong() > limit) {
            ErrorResponses.write(request, response, 413, "PayloadTooLargeError", "The request body is "
                    + request.getContentLengthLong() + " bytes, over the limit of " + limit + " (PORTAL_MAX_BODY_BYTES)");
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /**
     * Plugin uploads: the deploy API ({@code /api/admin/plugins...}, which counts the jar against
     * its own limit) and multipart posts to the Faces servlet (the console's upload, bounded by the
     * servlet's {@code multipart-config}). A multipart body sent anywhere else is limited like any other.
     */
    private static boolean ownLimit(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String type = request.getContentType();
        boolean faces = request.getHttpServletMapping() != null
                && SecurityHeaders.FACES_SERVLET.equals(request.getHttpServletMapping().getServletName());
        return path.equals("/api/admin/plugins") || path.startsWith("/api/admin/plugins/")
                || faces && type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
    }

    /** Thrown by a body read past the limit. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long limit) {
            super("The request body is over the limit of " + limit + " bytes (PORTAL_MAX_BODY_BYTES)");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
