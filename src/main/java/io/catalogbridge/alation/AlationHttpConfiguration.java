package io.catalogbridge.alation;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds every call to Alation. The routes reach Alation through the {@code http} and {@code https} components
 * (the scheme comes from the tenant's configured URL); both are HttpComponent instances and get the same settings.
 */
@Configuration(proxyBeanMethods = false)
public class AlationHttpConfiguration {

    @Bean
    ComponentCustomizer alationHttpTimeouts(AlationProperties properties) {
        return ComponentCustomizer.forType(HttpComponent.class, component -> {
            component.setConnectTimeout(properties.connectTimeout().toMillis());
            component.setConnectionRequestTimeout(properties.connectTimeout().toMillis());
            component.setSoTimeout(properties.readTimeout().toMillis());
            component.setResponseTimeout(properties.readTimeout().toMillis());
            component.setFollowRedirects(false);
        });
    }
}
