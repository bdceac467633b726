package dev.backlot.catalog.internal.read;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads {@code url} targets with GET, allowed hosts only. Redirects are followed here, at most
 * {@value #MAX_REDIRECTS}, each hop checked against the allow list again; that is why the client must
 * not follow them itself.
 */
final class UrlTargets {

    static final int MAX_REDIRECTS = 5;

    private final ReadPolicy policy;
    private final HttpClient http;
    private final HostAllowList allowList;

    /** @throws IllegalArgumentException when the client follows redirects on its own */
    UrlTargets(ReadPolicy policy, HttpClient http) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the HttpClient must use Redirect.NEVER: redirects are checked against the allow list one by one");
        }
        this.policy = policy;
        this.http = http;
        this.allowList = new HostAllowList(policy.urlAllow());
    }

    byte[] read(String target) throws ReadException {
        URI uri = allowed(target, "url target");
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = exchange(uri);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("location");
            if (status / 100 == 3 && location.isPresent()) {
                URI next;
                try {
                    next = uri.resolve(new URI(location.get())).normalize();
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new ReadException("GET " + uri + " redirected to a malformed location '" + location.get() + "'");
                }
                uri = allowed(next.toString(), "redirect from " + uri + " to");
                continue;
            }
            if (status / 100 != 2) {
                throw new ReadException("GET " + uri + " returned HTTP " + status, status == 404 || status == 410);
            }
            return response.body();
        }
        throw new ReadException("url target '" + target + "' redirected more than " + MAX_REDIRECTS + " times");
    }

    private URI allowed(String target, String what) throws ReadException {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new ReadException(what + " '" + target + "' is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw new ReadException(what + " '" + target + "' is refused: only http and https URLs can be read");
        }
        if (!allowList.allows(uri)) {
            throw new ReadException(what + " '" + target + "' is refused: host '" + uri.getAuthority()
                    + "' is not in the url allow list");
        }
        return uri;
    }

    private HttpResponse<byte[]> exchange(URI uri) throws ReadException {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(policy.urlTimeout()).build();
        // Only 2xx bodies are wanted; others are dropped unread so an endless error page costs nothing.
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, info -> {
            boolean wanted = info.statusCode() / 100 == 2
                    && info.headers().firstValueAsLong("content-length").orElse(0) <= policy.maxFileBytes();
            return new CappedBody(policy.maxFileBytes(), !wanted);
        });
        try {
            // The request timeout only covers the headers; this deadline also bounds a slow body.
            HttpResponse<byte[]> response = future.get(policy.urlTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 == 2
                    && response.headers().firstValueAsLong("content-length").orElse(0) > policy.maxFileBytes()) {
                throw new ReadException("GET " + uri + ": response body is over the limit of maxFileBytes=" + policy.maxFileBytes());
            }
            return response;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ReadException("GET " + uri + " timed out after " + policy.urlTimeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IOException io && io.getCause() instanceof IOException inner ? inner : e.getCause();
            throw new ReadException("GET " + uri + " failed: " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadException("GET " + uri + " was interrupted");
        }
    }
}
