package io.catalogbridge.openmetadata;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client of every OpenMetadata endpoint ({@link OpenMetadataCalls#httpOptions} names it): it never retries
 * by itself. Apache HttpClient's default strategy retries on some I/O failures and on 429/503 with Retry-After, which
 * would hide attempts from the retry policy (its count, its backoff, its metrics).
 */
@Configuration(proxyBeanMethods = false)
public class OpenMetadataHttpConfiguration {

    static final String CLIENT_CONFIGURER = "openmetadataHttpClientConfigurer";

    @Bean(CLIENT_CONFIGURER)
    HttpClientConfigurer openmetadataHttpClientConfigurer() {
        return builder -> builder.disableAutomaticRetries();
    }
}
