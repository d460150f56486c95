package io.catalogbridge.alation;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds every call to Alation. The routes reach Alation through the {@code http} and {@code https} components
 * (the scheme comes from the tenant's configured URL); both are HttpComponent instances and get the same settings.
 * The connection pool's limit per route (per host and port) is what keeps the requests in flight per Alation
 * instance at {@code max-requests-in-flight}: a further request waits for a connection. The HTTP client neither
 * retries nor follows redirects by itself.
 */
@Configuration(proxyBeanMethods = false)
public class AlationHttpConfiguration {

    @Bean
    ComponentCustomizer alationHttpClient(AlationProperties properties) {
        return ComponentCustomizer.forType(HttpComponent.class, component -> {
            component.setConnectTimeout(properties.connectTimeout().toMillis());
            component.setSoTimeout(properties.readTimeout().toMillis());
            component.setResponseTimeout(properties.readTimeout().toMillis());
            // waiting for a pooled connection is waiting for the calls in flight: allow for a few of them
            component.setConnectionRequestTimeout(properties.readTimeout().multipliedBy(4).toMillis());
            component.setConnectionsPerRoute(properties.maxRequestsInFlight());
            component.setFollowRedirects(false);
            // retrying is the pipeline's job (backoff, Retry-After, metrics); the client's own retries would hide it
            component.setHttpClientConfigurer(builder -> builder.disableAutomaticRetries());
        });
    }
}
