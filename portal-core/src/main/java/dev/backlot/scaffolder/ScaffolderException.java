package dev.backlot.scaffolder;

/**
 * A request the scaffolder refuses, with a message for the user.
 */
public class ScaffolderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Maps onto HTTP: 400, 404, 403, 409. */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;

    public ScaffolderException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
