package io.catalogbridge.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated API key; it carries its grant, never the key itself. An operator's key holds the authority
 * {@value #OPERATOR}, which the actuator requires (and health shows its details to).
 */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    public static final String OPERATOR = "OPERATOR";

    private final ApiKeyRegistry.Grant grant;

    public ApiKeyAuthentication(ApiKeyRegistry.Grant grant) {
        super(grant.isOperator() ? List.of(new SimpleGrantedAuthority(OPERATOR)) : List.of());
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
