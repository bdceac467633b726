package dev.backlot.scaffolder.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code debug:log} and {@code debug:wait}. */
final class DebugActions {

    /** The longest {@code debug:wait}: a template cannot park a worker for long. */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private DebugActions() {
    }

    static BuiltinAction log() {
        return new BuiltinAction("debug:log", "Writes a message to the log, and optionally the workspace's files",
                BuiltinAction.schema(List.of(), Map.of("message", Map.of(), "listWorkspace",
                        Map.of("type", List.of("boolean", "string"))))) {
            @Override
            void run(StepContext context) throws Exception {
                Object message = context.input().get("message");
                if (message != null) {
                    context.log(message instanceof String s ? s : Json.write(message));
                }
                Object list = context.input().get("listWorkspace");
                if (Boolean.TRUE.equals(list) || "true".equals(list) || "with-filenames".equals(list)
                        || "with-contents".equals(list)) {
                    for (String file : context.workspace().files()) {
                        context.log("  " + file);
                    }
                }
            }
        };
    }

    static BuiltinAction waitAction() {
        return new BuiltinAction("debug:wait", "Waits (at most 10 minutes); cancel interrupts it",
                BuiltinAction.schema(List.of(), Map.of("minutes", BuiltinAction.type("number"),
                        "seconds", BuiltinAction.type("number"), "milliseconds", BuiltinAction.type("number")))) {
            @Override
            void run(StepContext context) throws Exception {
                long ms = (long) (number(context.input().get("minutes")) * 60_000
                        + number(context.input().get("seconds")) * 1000 + number(context.input().get("milliseconds")));
                if (ms > MAX_WAIT.toMillis()) {
                    throw new IllegalArgumentException("debug:wait waits at most " + MAX_WAIT.toMinutes() + " minutes");
                }
                context.log("Waiting " + ms + " ms");
                long end = System.currentTimeMillis() + ms;
                while (System.currentTimeMillis() < end) {
                    if (context.isCancelled()) {
                        throw new InterruptedException("cancelled while waiting");
                    }
                    Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
                }
            }
        };
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
