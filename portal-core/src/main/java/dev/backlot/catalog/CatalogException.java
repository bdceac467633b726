package dev.backlot.catalog;

/** A catalog request that cannot be carried out; {@link #reason()} says which HTTP answer fits. */
public class CatalogException extends RuntimeException {

    /** Why a request failed, in Backstage's error names. */
    public enum Reason {
        /** 400 InputError */
        INPUT,
        /** 404 NotFoundError */
        NOT_FOUND,
        /** 409 ConflictError */
        CONFLICT
    }

    private final Reason reason;

    public CatalogException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
