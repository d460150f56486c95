package io.catalogbridge.openmetadata;

import io.catalogbridge.status.CredentialSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the status of OpenMetadata integrations takes from {@code catalog-bridge.openmetadata.*} (the rest of that
 * block is {@link OpenMetadataProperties}').
 *
 * @param credentialCheckCache  how long a reading of the stored JWT's expiry is kept, per tenant (no call is made)
 * @param credentialWarningDays a token expiring within this many days degrades the status and is warned of
 */
@ConfigurationProperties("catalog-bridge.openmetadata")
public record OpenMetadataStatusProperties(Duration credentialCheckCache, Integer credentialWarningDays)
        implements CredentialSettings {

    public OpenMetadataStatusProperties {
        credentialCheckCache = credentialCheckCache == null ? Duration.ofMinutes(1) : credentialCheckCache;
        credentialWarningDays = credentialWarningDays == null ? 14 : credentialWarningDays;
    }
}
