package dev.backlot.scaffolder.internal;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * {@code ${{ }}} templating as Backstage does it, on Jinjava configured to behave like Nunjucks
 * ({@link NunjucksSyntax}) and sandboxed:
 * <ul>
 * <li>values are plain maps, lists and scalars and the resolver reads only keys and indexes
 *     ({@link SandboxResolver}): no Java methods, no reflection;</li>
 * <li>{@code include}, {@code import}, {@code from} and {@code extends} are disabled and the resource
 *     locator refuses everything: no files, no class path, no network;</li>
 * <li>bounded: output size, string and list sizes, ranges, render depth, and wall time (checked at
 *     every node, so even loops that print nothing stop).</li>
 * </ul>
 * One instance is shared: Jinjava is thread-safe for rendering.
 */
public final class TemplateExpressions {

    /** Limits; the defaults suit a template step's input and a skeleton file. */
    public record Limits(long maxOutputChars, Duration maxTime) {
        public static final Limits DEFAULT = new Limits(2_000_000, Duration.ofSeconds(5));
    }

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();
    private final Jinjava jinjava;
    private final Limits limits;

    public TemplateExpressions(Limits limits) {
        this.limits = limits;
        BiConsumer<Node, JinjavaInterpreter> standard = JinjavaConfig.newBuilder().build().getNodePreProcessor();
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withElResolver(new SandboxResolver())
                .withMaxOutputSize(limits.maxOutputChars())
                .withMaxStringLength(limits.maxOutputChars())
                .withMaxListSize(10_000)
                .withMaxMapSize(10_000)
                .withRangeLimit(10_000)
                .withMaxRenderDepth(10)
                .withMaxMacroRecursionDepth(10)
                .withEnableRecursiveMacroCalls(false)
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withDisabled(Map.of(Context.Library.TAG, Set.of("include", "import", "from", "extends")))
                .withLegacyOverrides(LegacyOverrides.newBuilder().withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true).build())
                .withNodePreProcessor((node, interpreter) -> {
                    Long deadline = DEADLINE.get();
                    if (deadline != null && System.nanoTime() > deadline) {
                        throw new ExpressionException("the template ran longer than " + limits.maxTime().toMillis()
                                + " ms and was stopped");
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new ExpressionException("the task was cancelled");
                    }
                    if (standard != null) {
                        standard.accept(node, interpreter);
                    }
                })
                .build();
        this.jinjava = new Jinjava(config);
        this.jinjava.setResourceLocator((name, charset, interpreter) -> {
            throw new java.io.IOException("templates cannot read files (" + name + ")");
        });
        BackstageFilters.all().forEach(jinjava::registerFilter);
    }

    public TemplateExpressions() {
        this(Limits.DEFAULT);
    }

    /** Renders text (a file, a file name, a string input) with {@code ${{ }}} expressions. */
    public String render(String text, Map<String, Object> context) {
        if (text == null || (!text.contains("${{") && !text.contains("{%") && !text.contains("{#"))) {
            return text;
        }
        return renderJinjava(NunjucksSyntax.toJinjava(text), context);
    }

    /**
     * Evaluates a value from a template's {@code input}: a string that is exactly one
     * {@code ${{ expr }}} keeps the expression's type (an object, a list, a number); other strings
     * are rendered; maps and lists are evaluated member by member.
     */
    public Object evaluate(Object value, Map<String, Object> context) {
        if (value instanceof String s) {
            String expression = NunjucksSyntax.singleExpression(s);
            if (expression != null) {
                String json = renderJinjava("{{ (" + expression + ") | dump }}", context);
                if (json.isEmpty()) {
                    return null;
                }
                try {
                    return Json.MAPPER.readValue(json, Object.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return json;
                }
            }
            return render(s, context);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), evaluate(v, context)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(evaluate(v, context)));
            return out;
        }
        return value;
    }

    /** Nunjucks truthiness of an {@code if:} value: false, null, empty string, 0, "false" are false. */
    public boolean truthy(Object condition, Map<String, Object> context) {
        Object value = evaluate(condition, context);
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof String s) {
            return !s.isEmpty() && !"false".equals(s);
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    private String renderJinjava(String template, Map<String, Object> context) {
        if (template.contains("int3rpr3t3r")) {
            // Jinjava keeps its interpreter in the context under this name: no template may name it
            throw new ExpressionException("templates may not refer to the template engine's internals");
        }
        Long previous = DEADLINE.get();
        DEADLINE.set(System.nanoTime() + limits.maxTime().toNanos());
        RenderResult result;
        try {
            result = jinjava.renderForResult(template, Json.plainMap(context));
        } catch (ExpressionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExpressionException(message(e));
        } finally {
            if (previous == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(previous);
            }
        }
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
        if (!fatal.isEmpty()) {
            throw new ExpressionException(fatal.stream().map(TemplateExpressions::describe)
                    .distinct().collect(Collectors.joining("; ")));
        }
        return result.getOutput();
    }

    private static String describe(TemplateError e) {
        String message = e.getMessage() == null ? String.valueOf(e.getReason()) : e.getMessage();
        Throwable cause = e.getException();
        while (cause != null) {
            if (cause instanceof ExpressionException) {
                message = cause.getMessage();
                break;
            }
            cause = cause.getCause();
        }
        return (e.getLineno() > 0 ? "line " + e.getLineno() + ": " : "") + message;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof ExpressionException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
