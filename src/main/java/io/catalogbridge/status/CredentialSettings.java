package io.catalogbridge.status;

import java.time.Duration;

/**
 * A catalog's settings of its credential checks, from its own block ({@code catalog-bridge.<catalog>.*}): a wing's
 * configuration record implements it.
 */
public interface CredentialSettings {

    /** How long a check is believed ({@code credential-check-cache}). */
    Duration credentialCheckCache();

    /**
     * A credential expiring within this many days degrades the status and is warned of
     * ({@code credential-warning-days}).
     */
    Integer credentialWarningDays();
}
