package dev.backlot.search.apiops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One operation of an API definition.
 *
 * @param action the HTTP method in upper case ({@code GET}) or the AsyncAPI action ({@code PUBLISH},
 *     {@code SUBSCRIBE}, {@code SEND}, {@code RECEIVE})
 * @param address the path ({@code /payments/{id}}) or channel ({@code payment.created})
 * @param id the operationId, empty when none
 * @param summary the summary and description, empty when none
 */
record Operation(String action, String address, String id, String summary) {

    static final int MAX_OPERATIONS = 2_000;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** The operations of an OpenAPI (2 or 3) or AsyncAPI (2 or 3) definition; empty for anything else, never an exception. */
    static List<Operation> of(String definition) {
        Map<String, Object> root;
        try {
            root = Definitions.parse(definition);
        } catch (RuntimeException unreadable) {
            return List.of(); // not a definition this reader understands: no documents, no failure
        }
        List<Operation> out = new ArrayList<>();
        if (root.get("paths") instanceof Map<?, ?> paths) {
            for (Map.Entry<?, ?> path : paths.entrySet()) {
                if (!(path.getValue() instanceof Map<?, ?> methods) || !String.valueOf(path.getKey()).startsWith("/")) {
                    continue;
                }
                for (Map.Entry<?, ?> method : methods.entrySet()) {
                    String name = String.valueOf(method.getKey()).toLowerCase(Locale.ROOT);
                    if (METHODS.contains(name) && method.getValue() instanceof Map<?, ?> op) {
                        add(out, new Operation(name.toUpperCase(Locale.ROOT), String.valueOf(path.getKey()),
                                text(op, "operationId"), describe(op)));
                    }
                }
            }
        }
        if (root.containsKey("asyncapi") && root.get("channels") instanceof Map<?, ?> channels) {
            for (Map.Entry<?, ?> channel : channels.entrySet()) {
                if (!(channel.getValue() instanceof Map<?, ?> body)) {
                    continue;
                }
                String address = body.get("address") instanceof String a && !a.isBlank() ? a : String.valueOf(channel.getKey());
                boolean any = false;
                for (String action : List.of("publish", "subscribe")) {
                    if (body.get(action) instanceof Map<?, ?> op) {
                        add(out, new Operation(action.toUpperCase(Locale.ROOT), address, text(op, "operationId"),
                                (describe(op) + " " + message(op)).strip()));
                        any = true;
                    }
                }
                if (!any && root.get("operations") == null) {
                    add(out, new Operation("CHANNEL", address, "", describe(body)));
                }
            }
        }
        if (root.containsKey("asyncapi") && root.get("operations") instanceof Map<?, ?> operations) {
            for (Map.Entry<?, ?> op : operations.entrySet()) {
                if (op.getValue() instanceof Map<?, ?> body) {
                    String action = text(body, "action").toUpperCase(Locale.ROOT);
                    String channel = body.get("channel") instanceof Map<?, ?> ref ? text(ref, "$ref") : "";
                    String address = channel.isEmpty() ? String.valueOf(op.getKey())
                            : channel.substring(channel.lastIndexOf('/') + 1);
                    add(out, new Operation(action.isEmpty() ? "OPERATION" : action, address, String.valueOf(op.getKey()),
                            describe(body)));
                }
            }
        }
        return out;
    }

    private static void add(List<Operation> out, Operation op) {
        if (out.size() < MAX_OPERATIONS) {
            out.add(op);
        }
    }

    private static String describe(Map<?, ?> op) {
        return (text(op, "summary") + " " + text(op, "description")).strip();
    }

    private static String message(Map<?, ?> op) {
        return op.get("message") instanceof Map<?, ?> m ? (text(m, "name") + " " + text(m, "title")).strip() : "";
    }

    private static String text(Map<?, ?> map, String key) {
        return map.get(key) instanceof String s ? s : "";
    }

    /** What the result heading says: {@code GET /payments/{id}}. */
    String title() {
        return action + " " + address;
    }
}
