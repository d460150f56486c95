package io.catalogbridge.openmetadata;

import io.catalogbridge.client.RetrySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How the bridge talks to OpenMetadata servers ({@code catalog-bridge.openmetadata.*}). The retry policy itself is
 * the core's ({@link io.catalogbridge.client.RetryPolicy}); these are its settings for OpenMetadata.
 *
 * @param allowHttp plain http server URLs are accepted (tests and local simulators only)
 * @param connectTimeout bound on opening a connection to OpenMetadata
 * @param readTimeout bound on waiting for OpenMetadata's answer
 * @param pageSize {@code limit} of each listing call: OpenMetadata allows far more than its default of 10, and 1,000
 *                 keeps a page's JSON small enough to parse as it streams
 * @param maxAttempts attempts per call when OpenMetadata (or a proxy before it) throttles (429), fails (5xx) or
 *                    cannot be reached
 * @param retryInitialDelay the first backoff; it doubles per attempt, with jitter, unless Retry-After says otherwise
 * @param retryMaxDelay the longest wait between attempts, Retry-After included
 * @param maxRequestsInFlight requests open at once per OpenMetadata server (the connection pool's limit per host)
 */
@ConfigurationProperties("catalog-bridge.openmetadata")
public record OpenMetadataProperties(
        boolean allowHttp,
        Duration connectTimeout,
        Duration readTimeout,
        int pageSize,
        int maxAttempts,
        Duration retryInitialDelay,
        Duration retryMaxDelay,
        int maxRequestsInFlight) implements RetrySettings {

    public static final int MAX_PAGE_SIZE = 1000;

    @ConstructorBinding
    public OpenMetadataProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        pageSize = pageSize == 0 ? MAX_PAGE_SIZE : pageSize;
        maxAttempts = maxAttempts == 0 ? 5 : maxAttempts;
        retryInitialDelay = retryInitialDelay == null ? Duration.ofMillis(500) : retryInitialDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofSeconds(30) : retryMaxDelay;
        maxRequestsInFlight = maxRequestsInFlight == 0 ? 2 : maxRequestsInFlight;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("catalog-bridge.openmetadata.page-size must be 1 to 1000, not " + pageSize);
        }
        if (maxAttempts < 1 || maxRequestsInFlight < 1) {
            throw new IllegalArgumentException(
                    "catalog-bridge.openmetadata.max-attempts and max-requests-in-flight must be at least 1");
        }
    }
}
