package dev.backlot.web.ui;

import dev.backlot.plugins.ExtensionRegistry;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ViewResource;
import jakarta.faces.context.FacesContext;
import java.net.URL;
import java.util.Optional;

/**
 * Lets Facelets include fragments that live inside plugin bundles: a view resource named
 * {@link FragmentPath} {@code /plugin/{bundleId}/{revision}/{entry}} is the bundle's entry, as the
 * framework serves it. Everything else goes to the default handler.
 *
 * <p>A path whose revision is no longer the bundle's, or whose bundle is gone, is not found: an
 * include of it fails instead of showing markup of a revision that no longer runs. Pages include
 * fragments only through {@code <bl:contribution>}, which checks that the contribution still exists.
 */
public class BundleFragmentResourceHandler extends ResourceHandlerWrapper {

    public BundleFragmentResourceHandler(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public ViewResource createViewResource(FacesContext context, String resourceName) {
        Optional<FragmentPath> fragment = FragmentPath.parse(resourceName);
        if (fragment.isEmpty()) {
            return resourceName != null && resourceName.startsWith(FragmentPath.PREFIX) ? null
                    : super.createViewResource(context, resourceName);
        }
        FragmentPath path = fragment.get();
        ExtensionRegistry registry = Fragments.registry();
        if (!registry.revision(path.bundleId()).map(r -> r == path.revision()).orElse(false)) {
            return null;
        }
        Optional<URL> url = registry.entry(path.bundleId(), path.entry().value());
        return url.<ViewResource>map(u -> new ViewResource() {
            @Override
            public URL getURL() {
                return u;
            }
        }).orElse(null);
    }
}
