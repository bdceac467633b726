package dev.backlot.web.ui;

import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginHost;
import dev.backlot.plugins.PluginInfo;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the files plugin bundles ship under {@code /static}, at {@link StaticResourcePath}
 * {@code /plugin-resources/{symbolicName}/{revision}/{path}}.
 *
 * <ul>
 * <li>the bundle's current revision: 200, cached for a year as immutable (an update changes the URL);</li>
 * <li>another revision of a bundle that is still installed (a page rendered just before an update
 *     asks for its stylesheet): the current file, not cached, so the page still looks right;</li>
 * <li>no such bundle or file: 404; a path that tries to leave {@code /static} ({@code ..},
 *     {@code %2e%2e}, an encoded slash, a backslash): 400.</li>
 * </ul>
 */
@WebServlet(urlPatterns = "/plugin-resources/*")
public class PluginStaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Types the container may not know; the rest come from its MIME table. */
    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript", "mjs",
            "text/javascript", "svg", "image/svg+xml", "woff2", "font/woff2", "woff", "font/woff", "json",
            "application/json", "map", "application/json", "webp", "image/webp");

    @Inject
    transient PluginHost host;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = dev.backlot.web.filter.AppPath.of(request);
        Optional<StaticResourcePath> parsed = StaticResourcePath.parse(path);
        if (parsed.isEmpty()) {
            response.sendError(path.split("/", -1).length >= 5 ? 400 : 404,
                    "Not a plugin resource path: /plugin-resources/{symbolicName}/{revision}/{file under /static}");
            return;
        }
        StaticResourcePath resource = parsed.get();
        if (!host.isRunning()) {
            response.sendError(404, "The plugin framework is not running");
            return;
        }
        ExtensionRegistry registry = host.extensions();
        List<Long> bundles = host.plugins().stream().filter(p -> resource.symbolicName().equals(p.symbolicName()))
                .map(PluginInfo::id).filter(id -> id > 0).toList();
        Optional<Long> exact = bundles.stream()
                .filter(id -> registry.revision(id).map(r -> r == resource.revision()).orElse(false)).findFirst();
        // A newer revision (blue-green) is listed after the older one: prefer the last when none matches.
        Optional<Long> bundle = exact.isPresent() ? exact
                : bundles.isEmpty() ? Optional.empty() : Optional.of(bundles.get(bundles.size() - 1));
        Optional<URL> entry = bundle.flatMap(id -> registry.entry(id, resource.entry().value()));
        if (entry.isEmpty()) {
            response.sendError(404, "No such plugin resource");
            return;
        }
        response.setContentType(contentType(resource.path().value()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", exact.isPresent() ? IMMUTABLE : "no-cache");
        try (InputStream in = entry.get().openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private String contentType(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String known = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
        String type = known != null ? known : getServletContext().getMimeType(name);
        if (type == null) {
            return "application/octet-stream";
        }
        return type.startsWith("text/") || type.endsWith("+xml") || type.equals("application/json")
                ? type + ";charset=UTF-8" : type;
    }
}
