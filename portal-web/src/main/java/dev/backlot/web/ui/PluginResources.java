package dev.backlot.web.ui;

import java.util.Optional;

/**
 * What a fragment sees as {@code #{pluginResources}}: URLs of its own bundle's static files.
 *
 * <pre>{@code
 * <link rel="stylesheet" href="#{pluginResources.url('card.css')}"/>   <!-- the entry /static/card.css -->
 * }</pre>
 *
 * @param contextPath the portal's context path ({@code ""} at the root)
 * @param symbolicName the bundle's symbolic name
 * @param revision the bundle's revision, which makes the URL immutable
 */
public record PluginResources(String contextPath, String symbolicName, long revision) {

    /**
     * The URL of {@code /static/{path}} inside the bundle, e.g. {@code url('img/logo.svg')}.
     *
     * @throws IllegalArgumentException when the path leaves {@code /static} or is not a plain path;
     *     the fragment then shows as an error box, which names the path
     */
    public String url(String path) {
        Optional<BundleEntryPath> entry = BundleEntryPath.of(path);
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("pluginResources.url('" + path + "'): not a plain path below /static");
        }
        return contextPath + new StaticResourcePath(symbolicName, revision, entry.get()).urlPath();
    }
}
