package io.catalogbridge.alation;

import io.catalogbridge.client.RetrySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the bridge talks to Alation instances ({@code catalog-bridge.alation.*}).
 *
 * @param allowHttp plain http instance URLs are accepted (tests and local simulators only)
 * @param connectTimeout bound on opening a connection to Alation
 * @param readTimeout bound on waiting for Alation's answer
 * @param pageSize objects asked per listing call; Alation serves at most 1,000
 * @param maxAttempts attempts per call when Alation throttles (429), fails (5xx) or cannot be reached
 * @param retryInitialDelay the first backoff; it doubles per attempt, with jitter, unless Retry-After says otherwise
 * @param retryMaxDelay the longest wait between attempts, Retry-After included
 * @param maxRequestsInFlight requests open at once per Alation instance (Alation asks for little parallelism)
 * @param tokenRefreshMargin an access token is replaced this long before its token_expires_at
 * @param minMintInterval a token is never replaced for its expiry sooner than this after it was minted (a refusal
 *                        by Alation still replaces it at once)
 */
@ConfigurationProperties("catalog-bridge.alation")
public record AlationProperties(
        boolean allowHttp,
        Duration connectTimeout,
        Duration readTimeout,
        int pageSize,
        int maxAttempts,
        Duration retryInitialDelay,
        Duration retryMaxDelay,
        int maxRequestsInFlight,
        Duration tokenRefreshMargin,
        Duration minMintInterval) implements RetrySettings {

    public static final int MAX_PAGE_SIZE = 1000;

    public AlationProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        pageSize = pageSize == 0 ? MAX_PAGE_SIZE : pageSize;
        maxAttempts = maxAttempts == 0 ? 5 : maxAttempts;
        retryInitialDelay = retryInitialDelay == null ? Duration.ofMillis(500) : retryInitialDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofSeconds(30) : retryMaxDelay;
        maxRequestsInFlight = maxRequestsInFlight == 0 ? 2 : maxRequestsInFlight;
        tokenRefreshMargin = tokenRefreshMargin == null ? Duration.ofMinutes(1) : tokenRefreshMargin;
        minMintInterval = minMintInterval == null ? Duration.ofMinutes(1) : minMintInterval;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("catalog-bridge.alation.page-size must be 1 to 1000, not " + pageSize);
        }
        if (maxAttempts < 1 || maxRequestsInFlight < 1) {
            throw new IllegalArgumentException(
                    "catalog-bridge.alation.max-attempts and max-requests-in-flight must be at least 1");
        }
    }
}
