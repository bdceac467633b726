package dev.backlot.common;

/**
 * A service whose engine cannot run now (the database is down, Solr cannot be reached) refused a
 * call. Pages show {@link #getMessage()} as a banner; the HTTP API answers 503 with it in
 * Backstage's error shape. Nothing was changed.
 */
public class ServiceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String service;

    /**
     * @param service what is unavailable, for people: {@code the catalog}, {@code search}
     * @param reason why, for people: {@code the database could not be opened: Connection refused}
     */
    public ServiceUnavailableException(String service, String reason) {
        super(capitalised(service) + " is unavailable: " + reason);
        this.service = service;
    }

    /** What is unavailable, e.g. {@code the catalog}. */
    public String service() {
        return service;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
