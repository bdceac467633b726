package dev.backlot.web.ui;

import java.util.Optional;

/**
 * The Facelets path under which the portal includes a plugin's fragment:
 * {@code /plugin/{bundleId}/{revision}/{entry}}, e.g. {@code /plugin/12/1732112233445/ui/card.xhtml}.
 *
 * <p>Mojarra caches compiled Facelets for the life of the application, keyed by path and URL. The
 * revision in the path makes an updated bundle's fragment a new path, so its new markup is compiled
 * and shown at once instead of a stale cached copy.
 *
 * @param bundleId the framework's bundle id
 * @param revision the bundle's revision ({@code ExtensionRegistry.revision})
 * @param entry the fragment inside the bundle
 */
public record FragmentPath(long bundleId, long revision, BundleEntryPath entry) {

    /** Where these paths live; also kept from direct HTTP requests by web.xml. */
    public static final String PREFIX = "/plugin/";

    /** Reads a Facelets path; empty when it is not one of ours or names an unsafe entry. */
    public static Optional<FragmentPath> parse(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = path.substring(PREFIX.length()).split("/", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<Long> bundleId = number(parts[0]);
        Optional<Long> revision = number(parts[1]);
        Optional<BundleEntryPath> entry = BundleEntryPath.of(parts[2]);
        if (bundleId.isEmpty() || revision.isEmpty() || entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FragmentPath(bundleId.get(), revision.get(), entry.get()));
    }

    /** The path to hand to Facelets. */
    public String path() {
        return PREFIX + bundleId + "/" + revision + entry.value();
    }

    static Optional<Long> number(String s) {
        if (s.isEmpty() || s.length() > 19 || !s.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
