package dev.backlot.scaffolder.internal;

/** A template expression that does not parse, reaches for what it may not, or exceeds a limit. */
public final class ExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExpressionException(String message) {
        super(message);
    }
}
