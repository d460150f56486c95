package io.catalogbridge.security;

import io.catalogbridge.api.ProblemResponses;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The API is stateless and keyed: {@code Authorization: Bearer <api key>} on every tenant path and on the actuator,
 * except its health endpoint and the OpenAPI document. The actuator shows every tenant's metrics and routes, so it
 * needs an operator's key (valid for every tenant). Every refusal is a problem+json document.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String ACTUATOR = "actuator";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyRegistry keys, ProblemResponses problems)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(anonymous -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // judged once, on the request itself: Camel answers on an async dispatch of the same request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api-doc", "/api-doc/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasAuthority(ApiKeyAuthentication.OPERATOR)
                        .requestMatchers("/*", "/*/**").access(new TenantAccess())
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(response, HttpStatus.UNAUTHORIZED,
                                    "A valid API key is required: Authorization: Bearer <api key>",
                                    request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                                refusal(request.getRequestURI()), request.getRequestURI())))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AuthorizationFilter.class)
                .addFilterAfter(new TenantIdFilter(problems), AuthorizationFilter.class)
                .build();
    }

    private static String refusal(String path) {
        String segment = TenantIds.firstSegment(path);
        return ACTUATOR.equals(segment)
                ? "The actuator needs an operator's API key (one valid for every tenant); this key is limited to some"
                        + " tenants"
                : "This API key may not use tenant '" + segment + "'";
    }

    /** Requests the firewall refuses (encoded slashes, path traversal) are answered like any other bad request. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST,
                "The request path is not acceptable", null);
    }
}
