package dev.backlot.persistence;

/** The database could not be opened or migrated; the message says where and why. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
