package dev.backlot.catalog.internal.read;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns composed SnakeYAML nodes into JSON-like trees with the YAML 1.2 core schema, which is what
 * Backstage's {@code yaml} library uses: {@code on}/{@code yes} stay strings, {@code 010} is ten,
 * timestamps stay strings. SnakeYAML's own constructor would apply YAML 1.1 rules instead.
 */
final class YamlTrees {

    /** Tag given to plain, untagged scalars so that they, and only they, get core-schema typing. */
    static final Tag PLAIN = new Tag("tag:backlot.dev,2025:plain");

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    /**
     * The most values one document may become, aliases expanded. Twenty aliases of a large
     * collection can turn a 200 KB file into millions of values (a "billion laughs"); counting
     * the values built stops that however the aliases are arranged. Real descriptors are a few
     * hundred values; an inline definition of a large API a few tens of thousands.
     */
    static final int MAX_NODES = 200_000;

    private final int maxDepth;
    private final int maxNodes;
    private int nodes;
    // Aliases share node objects; a node met again while still being converted is a recursive alias.
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    YamlTrees(int maxDepth) {
        this(maxDepth, MAX_NODES);
    }

    /** One converter per document: the value count starts at zero. */
    YamlTrees(int maxDepth, int maxNodes) {
        this.maxDepth = maxDepth;
        this.maxNodes = maxNodes;
    }

    /** A resolver that leaves typing to {@link YamlTrees}: plain scalars get {@link #PLAIN}. */
    static Resolver plainResolver() {
        return new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none: typing happens in toValue with core-schema rules
            }

            @Override
            public Tag resolve(NodeId kind, String value, boolean implicit) {
                return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
            }
        };
    }

    /** @throws YamlTreeException on duplicate or non-scalar keys, recursive aliases, or excess depth */
    Object toValue(Node node, int depth) {
        if (depth > maxDepth) {
            throw new YamlTreeException("nesting deeper than the limit of " + maxDepth + " levels (after aliases)", node);
        }
        if (++nodes > maxNodes) {
            throw new YamlTreeException("more than " + maxNodes + " values once aliases are expanded", node);
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (!inProgress.add(node)) {
            throw new YamlTreeException("recursive alias", node);
        }
        try {
            if (node instanceof SequenceNode seq) {
                List<Object> list = new ArrayList<>(seq.getValue().size());
                for (Node item : seq.getValue()) {
                    list.add(toValue(item, depth + 1));
                }
                return list;
            }
            MappingNode mapping = (MappingNode) node;
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new YamlTreeException("mapping key is not a scalar", tuple.getKeyNode());
                }
                if (map.containsKey(key.getValue())) {
                    throw new YamlTreeException("duplicate key '" + key.getValue() + "'", key);
                }
                map.put(key.getValue(), toValue(tuple.getValueNode(), depth + 1));
            }
            return map;
        } finally {
            inProgress.remove(node);
        }
    }

    private static Object scalar(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (PLAIN.equals(tag)) {
            return core(text);
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            Object typed = core(text);
            return typed instanceof String ? text : typed;
        }
        // !!str, quoted scalars and unknown tags (!secret, !!timestamp …) keep their text, as Backstage does.
        return text;
    }

    private static Object core(String text) {
        if (NULL.matcher(text).matches()) {
            return null;
        }
        if (TRUE.matcher(text).matches()) {
            return Boolean.TRUE;
        }
        if (FALSE.matcher(text).matches()) {
            return Boolean.FALSE;
        }
        if (INT.matcher(text).matches()) {
            return integer(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
        }
        if (OCT.matcher(text).matches()) {
            return integer(new BigInteger(text.substring(2), 8));
        }
        if (HEX.matcher(text).matches()) {
            return integer(new BigInteger(text.substring(2), 16));
        }
        if (FLOAT.matcher(text).matches()) {
            return Double.valueOf(text);
        }
        if (INF.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        return text;
    }

    private static Number integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }

    /** A content problem found while building the tree, with the node's position. */
    static final class YamlTreeException extends RuntimeException {
        YamlTreeException(String problem, Node node) {
            super(problem + " at line " + (node.getStartMark().getLine() + 1)
                    + ", column " + (node.getStartMark().getColumn() + 1));
        }
    }
}
