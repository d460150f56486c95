package io.catalogbridge.alation;

import io.catalogbridge.status.CredentialSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the status of Alation integrations takes from {@code catalog-bridge.alation.*} (the rest of that block is
 * {@link AlationProperties}').
 *
 * @param credentialCheckCache  how long an answer of {@code validateRefreshToken} is believed, per tenant
 * @param credentialWarningDays a refresh token expiring within this many days degrades the status and is warned of
 */
@ConfigurationProperties("catalog-bridge.alation")
public record AlationStatusProperties(Duration credentialCheckCache, Integer credentialWarningDays)
        implements CredentialSettings {

    public AlationStatusProperties {
        credentialCheckCache = credentialCheckCache == null ? Duration.ofMinutes(5) : credentialCheckCache;
        credentialWarningDays = credentialWarningDays == null ? 14 : credentialWarningDays;
    }
}
