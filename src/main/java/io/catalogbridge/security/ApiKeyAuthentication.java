package io.catalogbridge.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated API key; it carries its grant, never the key itself. */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeyRegistry.Grant grant;

    public ApiKeyAuthentication(ApiKeyRegistry.Grant grant) {
        super(List.of());
        this.grant = grant;
        setAuthenticated(true);
    }

    public ApiKeyRegistry.Grant grant() {
        return grant;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return grant.name();
    }
}
