package dev.backlot.web.security;

import dev.backlot.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.faces.context.FacesContext;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;

/** Enforces {@link AdminOnly}: the role is checked at creation and before every call. */
@AdminOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AdminOnlyInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @AroundInvoke
    public Object checkCall(InvocationContext invocation) throws Exception {
        requireAdmin();
        return invocation.proceed();
    }

    @PostConstruct
    public void checkCreation(InvocationContext invocation) throws Exception {
        requireAdmin();
        invocation.proceed();
    }

    private static void requireAdmin() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null || !faces.getExternalContext().isUserInRole(Caller.ADMIN)) {
            throw new AdminRequiredException();
        }
    }
}
