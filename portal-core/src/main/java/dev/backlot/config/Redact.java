package dev.backlot.config;

import java.util.regex.Pattern;

/**
 * Takes secrets out of strings that reach logs, {@code toString()} and answers to callers who may
 * not see them: JDBC URLs (user info and password-like parameters) and URL query strings (which
 * often carry tokens, e.g. {@code ?token=...} or a signed download link).
 */
public final class Redact {

    /** What a removed secret is replaced by. */
    public static final String MASK = "***";

    // user:password@ in jdbc:postgresql://user:pw@host/db and in http://user:pw@host/
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?#;]*@");
    // password=..., pwd=..., sslpassword=..., secret=..., token=..., in ; or & or ? separated parameter lists
    private static final Pattern SECRET_PARAMS = Pattern.compile(
            "(?i)([;&?](?:[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|key|credential)[a-z0-9_.-]*)=)[^;&#]*");

    private Redact() {
    }

    /**
     * A JDBC URL fit for a log: no user info, no password-like parameters. {@code null} stays {@code null}.
     *
     * <p>{@code jdbc:postgresql://u:p@db/x?password=p&ssl=true} becomes
     * {@code jdbc:postgresql://***@db/x?password=***&ssl=true}.
     */
    public static String jdbcUrl(String url) {
        if (url == null) {
            return null;
        }
        return SECRET_PARAMS.matcher(USER_INFO.matcher(url).replaceAll("$1" + MASK + "@")).replaceAll("$1" + MASK);
    }

    /**
     * A URL (or a {@code type:target} location string holding one) without its query string values
     * and user info: {@code https://u:p@git.example.com/x.yaml?token=abc&ref=main} becomes
     * {@code https://***@git.example.com/x.yaml?token=***&ref=***}. Strings without a query are
     * returned as they are, but for their user info.
     */
    public static String urlQuery(String url) {
        if (url == null) {
            return null;
        }
        String out = USER_INFO.matcher(url).replaceAll("$1" + MASK + "@");
        int query = out.indexOf('?');
        if (query < 0) {
            return out;
        }
        int fragment = out.indexOf('#', query);
        String params = fragment < 0 ? out.substring(query + 1) : out.substring(query + 1, fragment);
        StringBuilder masked = new StringBuilder(out.substring(0, query + 1));
        String[] pairs = params.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            masked.append(i == 0 ? "" : "&").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq + 1) + MASK);
        }
        return fragment < 0 ? masked.toString() : masked + out.substring(fragment);
    }
}
