package dev.backlot.scaffolder.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ArrayELResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;
import jinjava.javax.el.ELResolver;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import jinjava.javax.el.ListELResolver;
import jinjava.javax.el.MapELResolver;

/**
 * The only way an expression reaches into a value: keys of maps, indexes of lists, and a short list
 * of string, list and map methods that Nunjucks templates use. Jinjava's default resolver reads
 * JavaBean properties and calls any public method (so {@code x.getClass()} would lead to
 * reflection); this one does neither, and every value handed to templates is already a plain map,
 * list or scalar ({@link Json#plain}).
 */
final class SandboxResolver extends CompositeELResolver {

    private static final Set<String> STRING_METHODS = Set.of("upper", "lower", "strip", "lstrip", "rstrip",
            "startswith", "endswith", "split", "replace", "title", "capitalize", "startsWith", "endsWith",
            "toUpperCase", "toLowerCase", "trim", "includes", "indexOf");
    private static final Set<String> MAP_METHODS = Set.of("items", "keys", "values", "get");
    private static final Set<String> LIST_METHODS = Set.of("append", "index", "count", "join", "includes");

    /** Names never resolved on Jinjava's own objects (the way out to the interpreter, its context, classes). */
    private static final Set<String> NEVER = Set.of("class", "getClass", "classLoader", "getClassLoader",
            "interpreter", "getInterpreter", "context", "getContext", "config", "getConfig", "globalContext",
            "getGlobalContext", "wait", "notify", "notifyAll", "forName", "newInstance", "declaredMethods",
            "getDeclaredMethods", "getMethod", "getMethods", "invoke");
    private static final ELResolver JINJAVA_OWN = JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY;

    SandboxResolver() {
        add(new MapELResolver(true));
        add(new ListELResolver(true));
        add(new ArrayELResolver(true));
    }

    /**
     * Jinjava's own library objects (filters, tests, functions, the {@code loop} variable, macros)
     * work through calls on them; they are the only Java objects in a template's reach besides
     * plain values.
     */
    private static boolean jinjavaOwn(Object base, String name) {
        return base != null && !(base instanceof com.hubspot.jinjava.interpret.JinjavaInterpreter)
                && !(base instanceof com.hubspot.jinjava.interpret.Context)
                && (base instanceof com.hubspot.jinjava.lib.filter.Filter
                        || base instanceof com.hubspot.jinjava.lib.exptest.ExpTest
                        || base.getClass().getName().startsWith("com.hubspot.jinjava."))
                && !NEVER.contains(name);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Object value = super.getValue(context, base, property);
        if (!context.isPropertyResolved() && !(base instanceof Map) && !(base instanceof java.util.List)
                && jinjavaOwn(base, String.valueOf(property))) {
            return JINJAVA_OWN.getValue(context, base, property);
        }
        return value;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
        String name = String.valueOf(method);
        if (base instanceof String s && STRING_METHODS.contains(name)) {
            context.setPropertyResolved(true);
            return string(s, name, params);
        }
        if (base instanceof Map<?, ?> map && MAP_METHODS.contains(name)) {
            context.setPropertyResolved(true);
            return switch (name) {
                case "items" -> map.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList();
                case "keys" -> List.copyOf(map.keySet());
                case "values" -> List.copyOf(map.values());
                default -> params.length > 0 ? map.get(params[0]) : null;
            };
        }
        if (base instanceof List<?> list && LIST_METHODS.contains(name)) {
            context.setPropertyResolved(true);
            return switch (name) {
                case "index", "indexOf" -> list.indexOf(params.length > 0 ? params[0] : null);
                case "count" -> list.stream().filter(v -> java.util.Objects.equals(v, params.length > 0 ? params[0] : null)).count();
                case "includes" -> list.contains(params.length > 0 ? params[0] : null);
                case "join" -> String.join(params.length > 0 ? String.valueOf(params[0]) : ",",
                        list.stream().map(String::valueOf).toList());
                default -> {
                    @SuppressWarnings("unchecked")
                    List<Object> mutable = (List<Object>) list;
                    mutable.add(params.length > 0 ? params[0] : null);
                    yield null;
                }
            };
        }
        if (jinjavaOwn(base, name) && !(base instanceof Map) && !(base instanceof List)) {
            return JINJAVA_OWN.invoke(context, base, method, types, params);
        }
        throw new ELException("Calling '" + name + "' is not allowed in templates: only keys, indexes, filters and tests"
                + " of Nunjucks are (no Java methods)");
    }

    private static Object string(String s, String name, Object[] p) {
        String a = p.length > 0 ? String.valueOf(p[0]) : "";
        return switch (name) {
            case "upper", "toUpperCase" -> s.toUpperCase(java.util.Locale.ROOT);
            case "lower", "toLowerCase" -> s.toLowerCase(java.util.Locale.ROOT);
            case "strip", "trim" -> s.strip();
            case "lstrip" -> s.stripLeading();
            case "rstrip" -> s.stripTrailing();
            case "startswith", "startsWith" -> s.startsWith(a);
            case "endswith", "endsWith" -> s.endsWith(a);
            case "includes" -> s.contains(a);
            case "indexOf" -> s.indexOf(a);
            case "split" -> List.of(s.split(java.util.regex.Pattern.quote(p.length > 0 ? a : " "), -1));
            case "replace" -> s.replace(a, p.length > 1 ? String.valueOf(p[1]) : "");
            case "title", "capitalize" -> s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
            default -> throw new ELException("Unknown string method " + name);
        };
    }
}
