package io.catalogbridge.security;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may use {@code /{tenant}/**}: a key granted that tenant. A malformed tenant id is not judged here; the
 * {@link TenantIdFilter} answers it with 400 once the caller is known to hold a valid key.
 */
public class TenantAccess implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof ApiKeyAuthentication key)) {
            return new AuthorizationDecision(false);
        }
        String tenant = TenantIds.firstSegment(context.getRequest().getRequestURI());
        return new AuthorizationDecision(!TenantIds.isValid(tenant) || key.grant().allows(tenant));
    }
}
