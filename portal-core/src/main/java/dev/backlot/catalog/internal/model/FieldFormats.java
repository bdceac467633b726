package dev.backlot.catalog.internal.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The field-format rules of Backstage's {@code FieldFormatEntityPolicy} and
 * {@code KubernetesValidatorFunctions}, each with the wording used in problem messages.
 */
final class FieldFormats {

    static final String NAME_RULE =
            "1-63 characters of [A-Za-z0-9-_.], starting and ending with a letter or digit";
    static final String NAMESPACE_RULE =
            "1-63 characters of [a-z0-9-], starting and ending with a lower-case letter or digit";
    static final String KIND_RULE = "1-63 letters or digits, starting with a letter";
    static final String API_VERSION_RULE =
            "an optional DNS-subdomain prefix and '/', then 1-63 letters or digits, as in backstage.io/v1alpha1";
    static final String KEY_RULE = "an optional DNS-subdomain prefix and '/', then " + NAME_RULE;
    static final String LABEL_VALUE_RULE = "empty, or " + NAME_RULE;
    static final String TAG_RULE =
            "1-63 characters of [a-z0-9:+#], in words joined by single '-'";
    static final String URL_RULE = "an absolute URL such as https://example.com/path";

    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern KIND = Pattern.compile("^[a-zA-Z][a-z0-9A-Z]*$");
    private static final Pattern VERSION = Pattern.compile("^[a-z0-9A-Z]+$");
    private static final Pattern TAG = Pattern.compile("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$");

    private FieldFormats() {
    }

    static boolean isName(String value) {
        return within63(value) && NAME.matcher(value).matches();
    }

    static boolean isNamespace(String value) {
        return within63(value) && DNS_LABEL.matcher(value).matches();
    }

    static boolean isKind(String value) {
        return within63(value) && KIND.matcher(value).matches();
    }

    static boolean isApiVersion(String value) {
        return prefixed(value, v -> within63(v) && VERSION.matcher(v).matches());
    }

    /** Label and annotation keys: {@code [dns-subdomain/]name}. */
    static boolean isKey(String value) {
        return prefixed(value, FieldFormats::isName);
    }

    static boolean isLabelValue(String value) {
        return value.isEmpty() || isName(value);
    }

    static boolean isTag(String value) {
        return within63(value) && TAG.matcher(value).matches();
    }

    /** Backstage uses the WHATWG {@code new URL()}; {@link URI} is close and a little stricter. */
    static boolean isAbsoluteUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && !uri.getSchemeSpecificPart().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isDnsSubdomain(String value) {
        if (value.isEmpty() || value.length() > 253) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!within63(label) || !DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    // As Backstage's isValidPrefixAndOrSuffix: "suffix" or "prefix/suffix", never two slashes.
    private static boolean prefixed(String value, Predicate<String> suffix) {
        String[] parts = value.split("/", -1);
        return switch (parts.length) {
            case 1 -> suffix.test(parts[0]);
            case 2 -> isDnsSubdomain(parts[0]) && suffix.test(parts[1]);
            default -> false;
        };
    }

    private static boolean within63(String value) {
        return !value.isEmpty() && value.length() <= 63;
    }
}
