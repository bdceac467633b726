package dev.backlot.web.security;

/** A call into an {@link AdminOnly} bean by a caller without the admin role: answered 403. */
public class AdminRequiredException extends SecurityException {

    private static final long serialVersionUID = 1L;

    public AdminRequiredException() {
        super("This needs the admin role");
    }
}
