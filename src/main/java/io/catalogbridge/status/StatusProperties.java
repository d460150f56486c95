package io.catalogbridge.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The status of integrations ({@code catalog-bridge.status.*}); the credential settings are each catalog's own
 * ({@code catalog-bridge.<catalog>.credential-check-cache}, {@code credential-warning-days}).
 *
 * @param failingAfter         a status is FAILING when the catalog's latest call failed and it had not answered a
 *                             call successfully for this long before that failure (or never)
 * @param refreshInterval      how often each replica looks for credential checks gone stale (each catalog's cache
 *                             decides when a check is stale) and refreshes them, for the gauge and the warnings
 * @param successWriteInterval a tenant's successful calls of a catalog are written to {@code integration_health} at
 *                             most this often per replica (a failure is written at once, and so is the first success
 *                             after it)
 */
@ConfigurationProperties("catalog-bridge.status")
public record StatusProperties(Duration failingAfter, Duration refreshInterval, Duration successWriteInterval) {

    public StatusProperties {
        failingAfter = failingAfter == null ? Duration.ofMinutes(15) : failingAfter;
        refreshInterval = refreshInterval == null ? Duration.ofMinutes(1) : refreshInterval;
        successWriteInterval = successWriteInterval == null ? Duration.ofSeconds(30) : successWriteInterval;
    }
}
