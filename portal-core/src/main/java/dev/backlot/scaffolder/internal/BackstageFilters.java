package dev.backlot.scaffolder.internal;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import dev.backlot.model.EntityRef;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters Backstage adds to Nunjucks ({@code parseRepoUrl}, {@code parseEntityRef}, {@code pick},
 * {@code projectSlug}) and Nunjucks' own {@code dump}, which Jinjava lacks.
 */
final class BackstageFilters {

    private BackstageFilters() {
    }

    static List<Filter> all() {
        return List.of(
                named("parseRepoUrl", (v, a) -> parseRepoUrl(String.valueOf(v))),
                named("parseEntityRef", (v, a) -> parseEntityRef(String.valueOf(v), a)),
                named("pick", (v, a) -> v instanceof Map<?, ?> m && a.length > 0 ? m.get(String.valueOf(a[0])) : null),
                named("projectSlug", (v, a) -> {
                    Map<String, Object> repo = parseRepoUrl(String.valueOf(v));
                    Object owner = repo.getOrDefault("owner", repo.get("organization"));
                    return owner + "/" + repo.get("repo");
                }),
                named("dump", (v, a) -> {
                    Object plain = Json.plain(v);
                    if (a.length > 0) {
                        try {
                            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plain);
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new ExpressionException(e.getOriginalMessage());
                        }
                    }
                    return Json.write(plain);
                }));
    }

    /**
     * {@code github.com?owner=o&repo=r} to {@code {host, owner, repo, ...}}, as Backstage's
     * {@code parseRepoUrl}; every query parameter becomes a key.
     */
    static Map<String, Object> parseRepoUrl(String repoUrl) {
        Map<String, Object> out = new LinkedHashMap<>();
        int q = repoUrl.indexOf('?');
        String host = q < 0 ? repoUrl : repoUrl.substring(0, q);
        if (host.startsWith("https://") || host.startsWith("http://")) {
            host = host.substring(host.indexOf("//") + 2);
        }
        out.put("host", host);
        if (q >= 0) {
            for (String pair : repoUrl.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        if (!out.containsKey("repo")) {
            throw new ExpressionException("parseRepoUrl: '" + repoUrl + "' has no repo= parameter");
        }
        return out;
    }

    private static Map<String, Object> parseEntityRef(String ref, Object[] args) {
        String kind = null;
        String namespace = EntityRef.DEFAULT_NAMESPACE;
        if (args.length > 0 && args[0] instanceof Map<?, ?> options) {
            kind = options.get("defaultKind") == null ? null : String.valueOf(options.get("defaultKind"));
            namespace = options.get("defaultNamespace") == null ? namespace : String.valueOf(options.get("defaultNamespace"));
        }
        EntityRef parsed;
        try {
            parsed = EntityRef.parse(ref, kind, namespace);
        } catch (RuntimeException e) {
            throw new ExpressionException("parseEntityRef: " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", parsed.kind());
        out.put("namespace", parsed.namespace());
        out.put("name", parsed.name());
        return out;
    }

    private interface Body {
        Object apply(Object value, Object[] args);
    }

    private static Filter named(String name, Body body) {
        return new Filter() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                return body.apply(var, args);
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
                Object[] all = args;
                if (kwargs != null && !kwargs.isEmpty()) {
                    all = new Object[] {kwargs};
                }
                return body.apply(var, all);
            }
        };
    }
}
