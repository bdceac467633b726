package dev.backlot.scaffolder;

/** The life of a task, as Backstage names it. */
public enum TaskStatus {
    OPEN, PROCESSING, COMPLETED, FAILED, CANCELLED;

    /** Backstage's spelling: {@code open}, {@code processing}, ... */
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static TaskStatus of(String json) {
        return valueOf(json.toUpperCase(java.util.Locale.ROOT));
    }
}
