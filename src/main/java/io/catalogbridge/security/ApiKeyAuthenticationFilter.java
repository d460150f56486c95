package io.catalogbridge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>}. A missing or unknown key leaves the request anonymous; the
 * authorization rules then answer 401 wherever a key is needed.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiKeyRegistry registry;

    public ApiKeyAuthenticationFilter(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = header.substring(BEARER.length()).trim();
            if (!key.isEmpty()) {
                registry.lookup(key).ifPresent(grant -> {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(new ApiKeyAuthentication(grant));
                    SecurityContextHolder.setContext(context);
                });
            }
        }
        chain.doFilter(request, response);
    }
}
